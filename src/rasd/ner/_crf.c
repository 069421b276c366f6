/* Linear-chain CRF decoding for rasd's NER tagger (optional speed-up of rasd.ner.decode).
 *
 * decode(table, types, tids, lengths, edges, extras, trans, labels, tags, marginals)
 *
 * The emission score of a token is the sum of rows of `table` (doubles, `labels` per row): its
 * word type's own row, the rows its neighbours lend it (two before, one before, one after, two
 * after, or the sentence-edge rows `edges` beyond the sentence), the type's sentence-start and
 * sentence-end rows at the edges, the "title two or three words before" row, and the (position,
 * row) pairs of `extras`. `types` holds TYPE_COLUMNS ints per word type (see rasd.ner.decode).
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

enum { OWN, LEFT2, LEFT1, RIGHT1, RIGHT2, START, END, TITLE, TYPE_COLUMNS };
enum { EDGE_LEFT2, EDGE_LEFT1, EDGE_RIGHT1, EDGE_RIGHT2, EDGE_T3, EDGE_COUNT };

static void add_row(double *dst, const double *table, Py_ssize_t row, int L)
{
    const double *src = table + row * L;
    for (int y = 0; y < L; ++y) dst[y] += src[y];
}

static void decode_sentence(double *score, int n, int L, const double *trans, const double *etrans,
                            unsigned char *tags, double *marg, double *work, int *back)
{
    double *alpha = work, *beta = work + (Py_ssize_t)n * L, *tmp = work + 2 * (Py_ssize_t)n * L;
    /* Viterbi, as crfsuite's crf1dc_viterbi. */
    double *cur = alpha;
    for (int y = 0; y < L; ++y) cur[y] = score[y];
    for (int t = 1; t < n; ++t) {
        const double *prev = alpha + (Py_ssize_t)(t - 1) * L;
        cur = alpha + (Py_ssize_t)t * L;
        for (int j = 0; j < L; ++j) {
            double best = -DBL_MAX;
            int arg = -1;
            for (int i = 0; i < L; ++i) {
                double s = prev[i] + trans[i * L + j];
                if (best < s) { best = s; arg = i; }
            }
            back[t * L + j] = arg < 0 ? 0 : arg;
            cur[j] = best + score[(Py_ssize_t)t * L + j];
        }
    }
    double best = -DBL_MAX;
    int last = 0;
    for (int y = 0; y < L; ++y) {
        if (best < cur[y]) { best = cur[y]; last = y; }
    }
    tags[n - 1] = (unsigned char)last;
    for (int t = n - 1; t > 0; --t) tags[t - 1] = (unsigned char)back[t * L + tags[t]];

    /* Forward-backward on exp(score - max), scaled at each position. */
    for (int t = 0; t < n; ++t) {
        double *s = score + (Py_ssize_t)t * L, m = s[0];
        for (int y = 1; y < L; ++y) if (s[y] > m) m = s[y];
        for (int y = 0; y < L; ++y) s[y] = exp(s[y] - m);
    }
    double sum = 0.0;
    for (int y = 0; y < L; ++y) sum += alpha[y] = score[y];
    for (int y = 0; y < L; ++y) alpha[y] /= sum;
    for (int t = 1; t < n; ++t) {
        const double *prev = alpha + (Py_ssize_t)(t - 1) * L, *s = score + (Py_ssize_t)t * L;
        cur = alpha + (Py_ssize_t)t * L;
        sum = 0.0;
        for (int j = 0; j < L; ++j) {
            double v = 0.0;
            for (int i = 0; i < L; ++i) v += prev[i] * etrans[i * L + j];
            sum += cur[j] = v * s[j];
        }
        for (int j = 0; j < L; ++j) cur[j] /= sum;
    }
    cur = beta + (Py_ssize_t)(n - 1) * L;
    for (int y = 0; y < L; ++y) cur[y] = 1.0;
    for (int t = n - 2; t >= 0; --t) {
        const double *next = beta + (Py_ssize_t)(t + 1) * L, *s = score + (Py_ssize_t)(t + 1) * L;
        cur = beta + (Py_ssize_t)t * L;
        for (int j = 0; j < L; ++j) tmp[j] = next[j] * s[j];
        sum = 0.0;
        for (int i = 0; i < L; ++i) {
            double v = 0.0;
            for (int j = 0; j < L; ++j) v += etrans[i * L + j] * tmp[j];
            sum += cur[i] = v;
        }
        for (int i = 0; i < L; ++i) cur[i] /= sum;
    }
    for (int t = 0; t < n; ++t) {
        const double *a = alpha + (Py_ssize_t)t * L, *b = beta + (Py_ssize_t)t * L;
        double *p = marg + (Py_ssize_t)t * L;
        sum = 0.0;
        for (int y = 0; y < L; ++y) sum += p[y] = a[y] * b[y];
        for (int y = 0; y < L; ++y) p[y] /= sum;
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

static PyObject *decode(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *objs[9];
    int L;
    if (!PyArg_ParseTuple(args, "OOOOOOOiOO", &objs[0], &objs[1], &objs[2], &objs[3], &objs[4],
                          &objs[5], &objs[6], &L, &objs[7], &objs[8]))
        return NULL;
    static const char *formats[9] = {"d", "i", "i", "i", "i", "i", "d", "B", "d"};
    static const Py_ssize_t sizes[9] = {sizeof(double), sizeof(int), sizeof(int), sizeof(int), sizeof(int),
                                        sizeof(int), sizeof(double), 1, sizeof(double)};
    Py_buffer v[9];
    memset(v, 0, sizeof(v));
    PyObject *result = NULL;
    double *score = NULL, *work = NULL, *etrans = NULL;
    int *back = NULL;
    for (int k = 0; k < 9; ++k) {
        if (get(objs[k], &v[k], k >= 7, formats[k], sizes[k]) < 0)
            goto done;
    }
    const double *table = v[0].buf, *trans = v[6].buf;
    const int *types = v[1].buf, *tids = v[2].buf, *lengths = v[3].buf, *edges = v[4].buf, *extras = v[5].buf;
    unsigned char *tags = v[7].buf;
    double *marg = v[8].buf;
    Py_ssize_t rows = v[0].len / (Py_ssize_t)sizeof(double) / (L > 0 ? L : 1);
    Py_ssize_t ntypes = v[1].len / (Py_ssize_t)sizeof(int) / TYPE_COLUMNS;
    Py_ssize_t n = v[2].len / (Py_ssize_t)sizeof(int), nsent = v[3].len / (Py_ssize_t)sizeof(int);
    Py_ssize_t nextra = v[5].len / (Py_ssize_t)sizeof(int) / 2;
    if (L <= 0 || v[4].len / (Py_ssize_t)sizeof(int) < EDGE_COUNT || v[6].len != (Py_ssize_t)sizeof(double) * L * L
        || L > 255 || v[7].len < n || v[8].len < (Py_ssize_t)sizeof(double) * n * L) {
        PyErr_SetString(PyExc_ValueError, "inconsistent array sizes");
        goto done;
    }
    Py_ssize_t total = 0, longest = 0;
    for (Py_ssize_t s = 0; s < nsent; ++s) {
        if (lengths[s] < 0) { PyErr_SetString(PyExc_ValueError, "negative sentence length"); goto done; }
        total += lengths[s];
        if (lengths[s] > longest) longest = lengths[s];
    }
    if (total != n) { PyErr_SetString(PyExc_ValueError, "sentence lengths do not add up"); goto done; }
    for (Py_ssize_t i = 0; i < n; ++i) {      /* every row read belongs to some token's type */
        if (tids[i] < 0 || tids[i] >= ntypes) { PyErr_SetString(PyExc_IndexError, "word type out of range"); goto done; }
        const int *ty = types + (Py_ssize_t)tids[i] * TYPE_COLUMNS;
        for (int c = 0; c < TITLE; ++c) {
            if (ty[c] < 0 || ty[c] >= rows) { PyErr_SetString(PyExc_IndexError, "row out of range"); goto done; }
        }
    }
    for (int k = 0; k < EDGE_COUNT; ++k) {
        if (edges[k] < 0 || edges[k] >= rows) { PyErr_SetString(PyExc_IndexError, "edge row out of range"); goto done; }
    }
    for (Py_ssize_t k = 0; k < nextra; ++k) {
        if (extras[2 * k] < 0 || extras[2 * k] >= n || extras[2 * k + 1] < 0 || extras[2 * k + 1] >= rows) {
            PyErr_SetString(PyExc_IndexError, "extra out of range");
            goto done;
        }
    }
    score = calloc((size_t)(n > 0 ? n : 1) * L, sizeof(double));
    work = malloc(((size_t)2 * longest * L + L + 1) * sizeof(double));
    back = malloc(((size_t)longest * L + 1) * sizeof(int));
    etrans = malloc((size_t)L * L * sizeof(double));
    if (!score || !work || !back || !etrans) { PyErr_NoMemory(); goto done; }
    for (int k = 0; k < L * L; ++k) etrans[k] = exp(trans[k]);
    for (Py_ssize_t k = 0; k < nextra; ++k) add_row(score + (Py_ssize_t)extras[2 * k] * L, table, extras[2 * k + 1], L);
    Py_ssize_t a = 0;
    for (Py_ssize_t s = 0; s < nsent; ++s) {
        Py_ssize_t b = a + lengths[s];
        for (Py_ssize_t i = a; i < b; ++i) {
            double *e = score + i * L;
            const int *ty = types + (Py_ssize_t)tids[i] * TYPE_COLUMNS;
            add_row(e, table, ty[OWN], L);
            add_row(e, table, i - 2 >= a ? types[(Py_ssize_t)tids[i - 2] * TYPE_COLUMNS + LEFT2] : edges[EDGE_LEFT2], L);
            add_row(e, table, i - 1 >= a ? types[(Py_ssize_t)tids[i - 1] * TYPE_COLUMNS + LEFT1] : edges[EDGE_LEFT1], L);
            add_row(e, table, i + 1 < b ? types[(Py_ssize_t)tids[i + 1] * TYPE_COLUMNS + RIGHT1] : edges[EDGE_RIGHT1], L);
            add_row(e, table, i + 2 < b ? types[(Py_ssize_t)tids[i + 2] * TYPE_COLUMNS + RIGHT2] : edges[EDGE_RIGHT2], L);
            if (i == a) add_row(e, table, ty[START], L);
            if (i == b - 1) add_row(e, table, ty[END], L);
            if ((i - 2 >= a && types[(Py_ssize_t)tids[i - 2] * TYPE_COLUMNS + TITLE])
                || (i - 3 >= a && types[(Py_ssize_t)tids[i - 3] * TYPE_COLUMNS + TITLE]))
                add_row(e, table, edges[EDGE_T3], L);
        }
        if (b > a)
            decode_sentence(score + a * L, (int)(b - a), L, trans, etrans, tags + a, marg + a * L, work, back);
        a = b;
    }
    result = Py_None;
    Py_INCREF(result);
done:
    free(score);
    free(work);
    free(back);
    free(etrans);
    for (int k = 0; k < 9; ++k) {
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

PyMODINIT_FUNC PyInit__crf(void) { return PyModule_Create(&module); }
