/* Linear-chain CRF decoding for rasd's NER tagger (optional speed-up of rasd.ner.decode).
 *
 * decode(table, etable, types, tids, lengths, edges, extras, pair_keys, pair_rows, trans, labels,
 *        tags, marginals)
 *
 * The emission score of a token is the sum of rows of `table` (doubles, `labels` per row): its
 * word type's own row, the rows its neighbours lend it (two before, one before, one after, two
 * after, or the sentence-edge rows `edges` beyond the sentence), the type's sentence-start and
 * sentence-end rows at the edges, the "title two or three words before" row, and the (position,
 * row) pairs of `extras`, and the rows of the word pairs found in the hash table `pair_keys` /
 * `pair_rows` (see `pair_slot`). `etable` holds exp() of each row of `table`, so that the
 * exponentials of the scores are products. `types` holds TYPE_COLUMNS ints per word type (see
 * rasd.ner.decode).
 * Each sentence (`lengths`, in order) is then decoded like crfsuite does: Viterbi (ties go to
 * the lowest label) into `tags` (one byte per token), and forward-backward marginals of every
 * label into `marginals`.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { OWN, LEFT2, LEFT1, RIGHT1, RIGHT2, START, END, TITLE, NORM_ID, STEM_ID, TYPE_COLUMNS };
enum { EDGE_LEFT2, EDGE_LEFT1, EDGE_RIGHT1, EDGE_RIGHT2, EDGE_T3, EDGE_COUNT };
enum { TABLE, ETABLE, TYPES, TIDS, LENGTHS, EDGES, EXTRAS, PAIR_KEYS, PAIR_ROWS, TRANS, TAGS, MARGINALS, NARGS };

typedef struct {
    const double *table, *etable;
    Py_ssize_t rows;
} rows_t;

/* score += row, pscore *= exp(row) */
#define INLINE static inline __attribute__((always_inline))

/* The word-pair table: open addressing with linear probing over a power-of-two number of slots;
 * the key of the pair (a, b) of kind k (0: norms, 1: stems) is k << 62 | a << 31 | b, an empty
 * slot holds -1, and the slot of a key starts at the top bits of key * 0x9E3779B97F4A7C15. */
typedef struct {
    const long long *keys;
    const int *rows;      /* two per slot: the row for the first word, the row for the second */
    Py_ssize_t size;
    int bits;
} pairs_t;

static const int *pair_slot(const pairs_t *p, long long key)
{
    if (p->size == 0) return NULL;
    size_t mask = (size_t)p->size - 1;
    size_t h = (size_t)(((unsigned long long)key * 0x9E3779B97F4A7C15ULL) >> (64 - p->bits));
    for (Py_ssize_t probes = 0; probes < p->size; ++probes, h = (h + 1) & mask) {
        if (p->keys[h] == key) return p->rows + 2 * h;
        if (p->keys[h] == -1) return NULL;
    }
    return NULL;
}

INLINE void add_row(double *score, double *pscore, const rows_t *r, Py_ssize_t row, int L)
{
    const double *src = r->table + row * L, *esrc = r->etable + row * L;
    for (int y = 0; y < L; ++y) {
        score[y] += src[y];
        pscore[y] *= esrc[y];
    }
}

/* Viterbi tags and marginals of one sentence of `n` tokens; `score` holds the emission scores
 * and `pscore` their exponentials (rescaled here). */
INLINE void decode_sentence(const double *score, double *pscore, int n, int L, const double *trans,
                            const double *etrans, unsigned char *tags, double *marg, double *work)
{
    double *alpha = work, *beta = work + (Py_ssize_t)n * L, *tmp = work + 2 * (Py_ssize_t)n * L;
    /* Viterbi, as crfsuite's crf1dc_viterbi: the best score of each label at each position, then
     * back from the best last label, each step to the first label giving the best score. */
    double *cur = alpha;
    for (int y = 0; y < L; ++y) cur[y] = score[y];
    for (int t = 1; t < n; ++t) {
        const double *prev = alpha + (Py_ssize_t)(t - 1) * L;
        cur = alpha + (Py_ssize_t)t * L;
        for (int j = 0; j < L; ++j) {
            double best = -DBL_MAX;
            for (int i = 0; i < L; ++i) {
                double s = prev[i] + trans[i * L + j];
                best = best < s ? s : best;
            }
            cur[j] = best + score[(Py_ssize_t)t * L + j];
        }
    }
    int label = 0;
    for (int y = 1; y < L; ++y) {
        if (cur[label] < cur[y]) label = y;
    }
    tags[n - 1] = (unsigned char)label;
    for (int t = n - 1; t > 0; --t) {
        const double *prev = alpha + (Py_ssize_t)(t - 1) * L;
        double best = -DBL_MAX;
        int arg = 0;
        for (int i = 0; i < L; ++i) {
            double s = prev[i] + trans[i * L + label];
            if (best < s) { best = s; arg = i; }
        }
        label = arg;
        tags[t - 1] = (unsigned char)label;
    }

    /* exp(score - max score) at each position: the product of the rows' exponentials, or exp()
     * itself where the scores are too large or too small for the product to be exact. */
    for (int t = 0; t < n; ++t) {
        const double *s = score + (Py_ssize_t)t * L;
        double *p = pscore + (Py_ssize_t)t * L, lo = s[0], hi = s[0], m = 0.0;
        int finite = 1;
        for (int y = 0; y < L; ++y) {
            if (s[y] < lo) lo = s[y];
            if (s[y] > hi) hi = s[y];
            if (!(p[y] >= 0.0 && p[y] <= DBL_MAX)) finite = 0;
            else if (p[y] > m) m = p[y];
        }
        if (finite && lo > -600.0 && hi < 600.0 && m > 0.0) {
            double inv = 1.0 / m;
            for (int y = 0; y < L; ++y) p[y] *= inv;
        } else {
            for (int y = 0; y < L; ++y) p[y] = exp(s[y] - hi);
        }
    }
    /* Forward-backward, scaled at each position. */
    double sum = 0.0;
    for (int y = 0; y < L; ++y) sum += alpha[y] = pscore[y];
    sum = 1.0 / sum;
    for (int y = 0; y < L; ++y) alpha[y] *= sum;
    for (int t = 1; t < n; ++t) {
        const double *prev = alpha + (Py_ssize_t)(t - 1) * L, *p = pscore + (Py_ssize_t)t * L;
        cur = alpha + (Py_ssize_t)t * L;
        sum = 0.0;
        for (int j = 0; j < L; ++j) {
            double v = 0.0;
            for (int i = 0; i < L; ++i) v += prev[i] * etrans[i * L + j];
            sum += cur[j] = v * p[j];
        }
        sum = 1.0 / sum;
        for (int j = 0; j < L; ++j) cur[j] *= sum;
    }
    cur = beta + (Py_ssize_t)(n - 1) * L;
    for (int y = 0; y < L; ++y) cur[y] = 1.0;
    for (int t = n - 2; t >= 0; --t) {
        const double *next = beta + (Py_ssize_t)(t + 1) * L, *p = pscore + (Py_ssize_t)(t + 1) * L;
        cur = beta + (Py_ssize_t)t * L;
        for (int j = 0; j < L; ++j) tmp[j] = next[j] * p[j];
        sum = 0.0;
        for (int i = 0; i < L; ++i) {
            double v = 0.0;
            for (int j = 0; j < L; ++j) v += etrans[i * L + j] * tmp[j];
            sum += cur[i] = v;
        }
        sum = 1.0 / sum;
        for (int i = 0; i < L; ++i) cur[i] *= sum;
    }
    for (int t = 0; t < n; ++t) {
        const double *a = alpha + (Py_ssize_t)t * L, *b = beta + (Py_ssize_t)t * L;
        double *p = marg + (Py_ssize_t)t * L;
        sum = 0.0;
        for (int y = 0; y < L; ++y) sum += p[y] = a[y] * b[y];
        sum = 1.0 / sum;
        for (int y = 0; y < L; ++y) p[y] *= sum;
    }
}

/* Emission scores of every token, then each sentence decoded. */
INLINE void run(const rows_t *r, const int *types, const int *tids, const int *lengths, Py_ssize_t nsent,
                const int *edges, const pairs_t *pairs, const double *trans, const double *etrans,
                double *score, double *pscore, unsigned char *tags, double *marg, double *work, int L)
{
    Py_ssize_t a = 0, rows = r->rows;
    for (Py_ssize_t s = 0; s < nsent; ++s) {
        Py_ssize_t b = a + lengths[s];
        for (Py_ssize_t i = a; i + 1 < b; ++i) {      /* word pairs */
            const int *t1 = types + (Py_ssize_t)tids[i] * TYPE_COLUMNS;
            const int *t2 = types + (Py_ssize_t)tids[i + 1] * TYPE_COLUMNS;
            for (int kind = 0; kind < 2; ++kind) {
                int x = t1[NORM_ID + kind], y = t2[NORM_ID + kind];
                if (x < 0 || y < 0) continue;
                const int *got = pair_slot(pairs, (long long)kind << 62 | (long long)x << 31 | y);
                if (got == NULL) continue;
                if (got[0] > 0 && got[0] < rows) add_row(score + i * L, pscore + i * L, r, got[0], L);
                if (got[1] > 0 && got[1] < rows) add_row(score + (i + 1) * L, pscore + (i + 1) * L, r, got[1], L);
            }
        }
        for (Py_ssize_t i = a; i < b; ++i) {
            double *e = score + i * L, *pe = pscore + i * L;
            const int *ty = types + (Py_ssize_t)tids[i] * TYPE_COLUMNS;
            add_row(e, pe, r, ty[OWN], L);
            add_row(e, pe, r, i - 2 >= a ? types[(Py_ssize_t)tids[i - 2] * TYPE_COLUMNS + LEFT2] : edges[EDGE_LEFT2], L);
            add_row(e, pe, r, i - 1 >= a ? types[(Py_ssize_t)tids[i - 1] * TYPE_COLUMNS + LEFT1] : edges[EDGE_LEFT1], L);
            add_row(e, pe, r, i + 1 < b ? types[(Py_ssize_t)tids[i + 1] * TYPE_COLUMNS + RIGHT1] : edges[EDGE_RIGHT1], L);
            add_row(e, pe, r, i + 2 < b ? types[(Py_ssize_t)tids[i + 2] * TYPE_COLUMNS + RIGHT2] : edges[EDGE_RIGHT2], L);
            if (i == a) add_row(e, pe, r, ty[START], L);
            if (i == b - 1) add_row(e, pe, r, ty[END], L);
            if ((i - 2 >= a && types[(Py_ssize_t)tids[i - 2] * TYPE_COLUMNS + TITLE])
                || (i - 3 >= a && types[(Py_ssize_t)tids[i - 3] * TYPE_COLUMNS + TITLE]))
                add_row(e, pe, r, edges[EDGE_T3], L);
        }
        if (b > a)
            decode_sentence(score + a * L, pscore + a * L, (int)(b - a), L, trans, etrans, tags + a,
                            marg + a * L, work);
        a = b;
    }
}

static int get(PyObject *obj, Py_buffer *view, int writable, const char *format, Py_ssize_t item)
{
    if (PyObject_GetBuffer(obj, view, (writable ? PyBUF_WRITABLE : 0) | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (view->itemsize != item || strcmp(view->format, format) != 0) {
        PyErr_Format(PyExc_TypeError, "expected an array of '%s'", format);
        PyBuffer_Release(view);
        view->obj = NULL;
        return -1;
    }
    return 0;
}

#define FAIL(type, message) do { PyErr_SetString(type, message); goto done; } while (0)

static PyObject *decode(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *objs[NARGS];
    int L;
    if (!PyArg_ParseTuple(args, "OOOOOOOOOOiOO", &objs[TABLE], &objs[ETABLE], &objs[TYPES], &objs[TIDS],
                          &objs[LENGTHS], &objs[EDGES], &objs[EXTRAS], &objs[PAIR_KEYS], &objs[PAIR_ROWS],
                          &objs[TRANS], &L, &objs[TAGS], &objs[MARGINALS]))
        return NULL;
    static const char *formats[NARGS] = {"d", "d", "i", "i", "i", "i", "i", "q", "i", "d", "B", "d"};
    Py_buffer v[NARGS];
    memset(v, 0, sizeof(v));
    PyObject *result = NULL;
    double *score = NULL, *pscore = NULL, *work = NULL, *etrans = NULL;
    for (int k = 0; k < NARGS; ++k) {
        char f = formats[k][0];
        Py_ssize_t size = f == 'd' ? sizeof(double) : f == 'q' ? sizeof(long long) : f == 'i' ? sizeof(int) : 1;
        if (get(objs[k], &v[k], k >= TAGS, formats[k], size) < 0) goto done;
    }
    const double *trans = v[TRANS].buf;
    const int *types = v[TYPES].buf, *tids = v[TIDS].buf, *lengths = v[LENGTHS].buf;
    const int *edges = v[EDGES].buf, *extras = v[EXTRAS].buf;
    unsigned char *tags = v[TAGS].buf;
    double *marg = v[MARGINALS].buf;
    if (L <= 0 || L > 255) FAIL(PyExc_ValueError, "bad number of labels");
    Py_ssize_t rows = v[TABLE].len / (Py_ssize_t)sizeof(double) / L;
    rows_t r = {v[TABLE].buf, v[ETABLE].buf, rows};
    pairs_t pairs = {v[PAIR_KEYS].buf, v[PAIR_ROWS].buf, v[PAIR_KEYS].len / (Py_ssize_t)sizeof(long long), 0};
    while (((Py_ssize_t)1 << pairs.bits) < pairs.size) ++pairs.bits;
    if ((pairs.size & (pairs.size - 1)) != 0 || pairs.bits > 62 || (pairs.size > 0 && pairs.bits == 0)
        || v[PAIR_ROWS].len != 2 * pairs.size * (Py_ssize_t)sizeof(int))
        FAIL(PyExc_ValueError, "bad word-pair table");
    Py_ssize_t ntypes = v[TYPES].len / (Py_ssize_t)sizeof(int) / TYPE_COLUMNS;
    Py_ssize_t n = v[TIDS].len / (Py_ssize_t)sizeof(int), nsent = v[LENGTHS].len / (Py_ssize_t)sizeof(int);
    Py_ssize_t nextra = v[EXTRAS].len / (Py_ssize_t)sizeof(int) / 2;
    if (v[ETABLE].len != v[TABLE].len || v[EDGES].len / (Py_ssize_t)sizeof(int) < EDGE_COUNT
        || v[TRANS].len != (Py_ssize_t)sizeof(double) * L * L || v[TAGS].len < n
        || v[MARGINALS].len < (Py_ssize_t)sizeof(double) * n * L)
        FAIL(PyExc_ValueError, "inconsistent array sizes");
    Py_ssize_t total = 0, longest = 0;
    for (Py_ssize_t s = 0; s < nsent; ++s) {
        if (lengths[s] < 0) FAIL(PyExc_ValueError, "negative sentence length");
        total += lengths[s];
        if (lengths[s] > longest) longest = lengths[s];
    }
    if (total != n) FAIL(PyExc_ValueError, "sentence lengths do not add up");
    for (Py_ssize_t i = 0; i < n; ++i) {      /* every row read belongs to some token's type */
        if (tids[i] < 0 || tids[i] >= ntypes) FAIL(PyExc_IndexError, "word type out of range");
        const int *ty = types + (Py_ssize_t)tids[i] * TYPE_COLUMNS;
        for (int c = 0; c < TITLE; ++c) {
            if (ty[c] < 0 || ty[c] >= rows) FAIL(PyExc_IndexError, "row out of range");
        }
    }
    for (int k = 0; k < EDGE_COUNT; ++k) {
        if (edges[k] < 0 || edges[k] >= rows) FAIL(PyExc_IndexError, "edge row out of range");
    }
    for (Py_ssize_t k = 0; k < nextra; ++k) {
        if (extras[2 * k] < 0 || extras[2 * k] >= n || extras[2 * k + 1] < 0 || extras[2 * k + 1] >= rows)
            FAIL(PyExc_IndexError, "extra out of range");
    }
    size_t cells = (size_t)(n > 0 ? n : 1) * L;
    score = calloc(cells, sizeof(double));
    pscore = malloc(cells * sizeof(double));
    work = malloc(((size_t)2 * longest * L + L + 1) * sizeof(double));
    etrans = malloc((size_t)L * L * sizeof(double));
    if (!score || !pscore || !work || !etrans) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t k = 0; k < cells; ++k) pscore[k] = 1.0;
    for (int k = 0; k < L * L; ++k) etrans[k] = exp(trans[k]);
    for (Py_ssize_t k = 0; k < nextra; ++k) {
        Py_ssize_t at = (Py_ssize_t)extras[2 * k] * L;
        add_row(score + at, pscore + at, &r, extras[2 * k + 1], L);
    }
    if (L == 9)     /* the usual IOB2 labels of four types: let the compiler unroll */
        run(&r, types, tids, lengths, nsent, edges, &pairs, trans, etrans, score, pscore, tags, marg, work, 9);
    else
        run(&r, types, tids, lengths, nsent, edges, &pairs, trans, etrans, score, pscore, tags, marg, work, L);
    result = Py_None;
    Py_INCREF(result);
done:
    free(score);
    free(pscore);
    free(work);
    free(etrans);
    for (int k = 0; k < NARGS; ++k) {
        if (v[k].obj) PyBuffer_Release(&v[k]);
    }
    return result;
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_VARARGS, "Emission scores, Viterbi tags and marginals of a document's sentences."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_crf", "Linear-chain CRF decoding.", -1, methods, NULL, NULL, NULL, NULL,
};

/* Version of the calling convention; rasd.ner.decode ignores a module built from another one. */
#define ABI 1

PyMODINIT_FUNC PyInit__crf(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "ABI", ABI) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
