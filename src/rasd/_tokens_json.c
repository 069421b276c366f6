/* The token layer as JSON text (optional speed-up of rasd.serialize).
 *
 * tokens_json(text, tokens) -> bytes
 *
 * `tokens` is a list of rasd.model.Token tuples (start, end, kind, norm, stem, segments), each
 * segment a (start, end, kind) tuple, offsets in code points of `text`. The result is exactly what
 * orjson writes for rasd.serialize._tokens(text, tokens): a JSON array of
 * {"start":S,"end":E,"text":T,"kind":K,"segments":[{"start":A,"end":B,"text":U,"kind":L},...]}
 * where a token without segments has one "stem" segment spanning it. Strings are written in UTF-8
 * and escaped as orjson does (\" \\ \b \f \n \r \t and \u00XX for the other control characters).
 * A lone surrogate in `text` raises ValueError, as orjson does; so does an offset outside it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>

#define ABI 1

typedef struct {
    char *data;
    Py_ssize_t size, cap;
} buffer_t;

static int grow(buffer_t *b, Py_ssize_t more) {
    if (b->size + more <= b->cap)
        return 0;
    Py_ssize_t cap = b->cap ? b->cap : 4096;
    while (cap < b->size + more)
        cap *= 2;
    char *data = PyMem_Realloc(b->data, (size_t)cap);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->cap = cap;
    return 0;
}

static int put(buffer_t *b, const char *s, Py_ssize_t n) {
    if (grow(b, n) < 0)
        return -1;
    memcpy(b->data + b->size, s, (size_t)n);
    b->size += n;
    return 0;
}

static int put_int(buffer_t *b, Py_ssize_t v) {
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%zd", v);
    return put(b, tmp, n);
}

/* text[start:end] as a JSON string, quotes included. */
static int put_slice(buffer_t *b, int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    static const char hex[] = "0123456789abcdef";
    /* at most 6 bytes for one code point (\u00XX), plus the two quotes */
    if (grow(b, (end - start) * 6 + 2) < 0)
        return -1;
    char *out = b->data + b->size;
    *out++ = '"';
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *out++ = (char)c;
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case '"': *out++ = '"'; break;
            case '\\': *out++ = '\\'; break;
            case '\b': *out++ = 'b'; break;
            case '\f': *out++ = 'f'; break;
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            case '\t': *out++ = 't'; break;
            default:
                *out++ = 'u'; *out++ = '0'; *out++ = '0';
                *out++ = hex[c >> 4]; *out++ = hex[c & 15];
            }
        } else if (c < 0x800) {
            *out++ = (char)(0xC0 | (c >> 6));
            *out++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                PyErr_SetString(PyExc_ValueError, "str is not valid UTF-8: surrogates not allowed");
                return -1;
            }
            *out++ = (char)(0xE0 | (c >> 12));
            *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *out++ = (char)(0x80 | (c & 0x3F));
        } else {
            *out++ = (char)(0xF0 | (c >> 18));
            *out++ = (char)(0x80 | ((c >> 12) & 0x3F));
            *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *out++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *out++ = '"';
    b->size = out - b->data;
    return 0;
}

/* A str holding only ASCII (the token and segment kinds), as a JSON string. */
static int put_name(buffer_t *b, PyObject *s) {
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "a token or segment kind must be a str");
        return -1;
    }
    return put_slice(b, PyUnicode_KIND(s), PyUnicode_DATA(s), 0, PyUnicode_GET_LENGTH(s));
}

static int read_offsets(PyObject *t, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *end) {
    *start = PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 0));
    *end = PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 1));
    if (PyErr_Occurred())
        return -1;
    if (*start < 0 || *end < *start || *end > length) {
        PyErr_SetString(PyExc_ValueError, "a token's offsets are outside the text");
        return -1;
    }
    return 0;
}

static int put_segment(buffer_t *b, int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
                       PyObject *name) {
    if (put(b, "{\"start\":", 9) < 0 || put_int(b, start) < 0 || put(b, ",\"end\":", 7) < 0
        || put_int(b, end) < 0 || put(b, ",\"text\":", 8) < 0
        || put_slice(b, kind, data, start, end) < 0 || put(b, ",\"kind\":", 8) < 0)
        return -1;
    if (name == NULL ? put(b, "\"stem\"", 6) : put_name(b, name))
        return -1;
    return put(b, "}", 1);
}

static PyObject *tokens_json(PyObject *self, PyObject *args) {
    PyObject *text, *tokens;
    if (!PyArg_ParseTuple(args, "UO!:tokens_json", &text, &PyList_Type, &tokens))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t n = PyList_GET_SIZE(tokens);
    buffer_t b = {NULL, 0, 0};
    if (put(&b, "[", 1) < 0)
        goto fail;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *t = PyList_GET_ITEM(tokens, k);
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 6) {
            PyErr_SetString(PyExc_TypeError, "a token must be a 6-tuple");
            goto fail;
        }
        Py_ssize_t start, end;
        if (read_offsets(t, length, &start, &end) < 0)
            goto fail;
        PyObject *segs = PyTuple_GET_ITEM(t, 5);
        if (!PyTuple_Check(segs)) {
            PyErr_SetString(PyExc_TypeError, "a token's segments must be a tuple");
            goto fail;
        }
        if ((k && put(&b, ",", 1) < 0) || put(&b, "{\"start\":", 9) < 0 || put_int(&b, start) < 0
            || put(&b, ",\"end\":", 7) < 0 || put_int(&b, end) < 0 || put(&b, ",\"text\":", 8) < 0
            || put_slice(&b, kind, data, start, end) < 0 || put(&b, ",\"kind\":", 8) < 0
            || put_name(&b, PyTuple_GET_ITEM(t, 2)) < 0 || put(&b, ",\"segments\":[", 13) < 0)
            goto fail;
        Py_ssize_t m = PyTuple_GET_SIZE(segs);
        if (m == 0) {
            if (put_segment(&b, kind, data, start, end, NULL) < 0)
                goto fail;
        }
        for (Py_ssize_t j = 0; j < m; j++) {
            PyObject *s = PyTuple_GET_ITEM(segs, j);
            if (!PyTuple_Check(s) || PyTuple_GET_SIZE(s) != 3) {
                PyErr_SetString(PyExc_TypeError, "a segment must be a 3-tuple");
                goto fail;
            }
            Py_ssize_t a, c;
            if (read_offsets(s, length, &a, &c) < 0 || (j && put(&b, ",", 1) < 0)
                || put_segment(&b, kind, data, a, c, PyTuple_GET_ITEM(s, 2)) < 0)
                goto fail;
        }
        if (put(&b, "]}", 2) < 0)
            goto fail;
    }
    if (put(&b, "]", 1) < 0)
        goto fail;
    PyObject *out = PyBytes_FromStringAndSize(b.data, b.size);
    PyMem_Free(b.data);
    return out;
fail:
    PyMem_Free(b.data);
    return NULL;
}

static PyMethodDef methods[] = {
    {"tokens_json", tokens_json, METH_VARARGS, "The token layer as JSON text (UTF-8 bytes)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokens_json", NULL, -1, methods};

PyMODINIT_FUNC PyInit__tokens_json(void) {
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "ABI", ABI) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
