/* The token layer built in C (optional speed-up of rasd.stages.text.TokenStage).
 *
 * tokens(text, strings, cache, analyze, token_type, segment_type) -> list
 *
 * `strings` are the token strings of `text` in order (what the token pattern's findall gives);
 * `cache` maps a token string to its analysis (kind, norm, stem, segments), segments being
 * (kind, start, end) tuples relative to the token; `analyze(s)` is called for a string not in the
 * cache and returns its analysis (it stores it in the cache itself). Each token is found in `text`
 * from the end of the one before, and made as token_type(start, end, kind, norm, stem, segs), where
 * segs is () for a token of one segment and otherwise a tuple of
 * segment_type(start + a, start + b, kind): exactly what the Python loop of TokenStage makes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define ABI 1

/* A new instance of a tuple subclass (a NamedTuple) of n items, items set by the caller. */
static PyObject *new_tuple(PyTypeObject *type, Py_ssize_t n) {
    if (type == &PyTuple_Type)
        return PyTuple_New(n);
    return type->tp_alloc(type, n);
}

static PyObject *tokens(PyObject *self, PyObject *args) {
    PyObject *text, *strings, *cache, *analyze;
    PyTypeObject *token_type, *segment_type;
    if (!PyArg_ParseTuple(args, "UO!O!OO!O!", &text, &PyList_Type, &strings, &PyDict_Type, &cache, &analyze,
                          &PyType_Type, &token_type, &PyType_Type, &segment_type))
        return NULL;
    if (!PyType_IsSubtype(token_type, &PyTuple_Type) || !PyType_IsSubtype(segment_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "token_type and segment_type must be tuple types");
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(strings);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(count);
    if (out == NULL)
        return NULL;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *s = PyList_GET_ITEM(strings, i);
        if (!PyUnicode_Check(s)) {
            PyErr_SetString(PyExc_TypeError, "token strings must be str");
            goto fail;
        }
        PyObject *info = PyDict_GetItemWithError(cache, s);     /* borrowed */
        if (info == NULL) {
            if (PyErr_Occurred())
                goto fail;
            info = PyObject_CallOneArg(analyze, s);
            if (info == NULL)
                goto fail;
            Py_DECREF(info);          /* analyze() stored it in the cache, which holds it */
            info = PyDict_GetItemWithError(cache, s);
            if (info == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_RuntimeError, "analyze() did not store its analysis in the cache");
                goto fail;
            }
        }
        if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) != 4 || !PyTuple_Check(PyTuple_GET_ITEM(info, 3))) {
            PyErr_SetString(PyExc_TypeError, "an analysis must be a (kind, norm, stem, segments) tuple");
            goto fail;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(s);
        /* what lies between two tokens is white space (the pattern's last branch takes any other
           character): skip it and check, searching only where that does not hold */
        while (pos < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, pos)))
            pos++;
        Py_ssize_t start = pos;
        int here = pos + n <= length ? (int)PyUnicode_Tailmatch(text, s, pos, pos + n, -1) : 0;
        if (here < 0)
            goto fail;
        if (!here)
            start = PyUnicode_Find(text, s, pos, length, 1);
        if (start == -2)
            goto fail;
        if (start < 0) {
            PyErr_SetString(PyExc_ValueError, "a token string is not in the text");
            goto fail;
        }
        Py_ssize_t end = start + n;
        pos = end;
        PyObject *segs = PyTuple_GET_ITEM(info, 3);
        PyObject *parts;
        Py_ssize_t nsegs = PyTuple_GET_SIZE(segs);
        if (nsegs > 1) {
            parts = PyTuple_New(nsegs);
            if (parts == NULL)
                goto fail;
            for (Py_ssize_t k = 0; k < nsegs; k++) {
                PyObject *seg = PyTuple_GET_ITEM(segs, k);
                if (!PyTuple_Check(seg) || PyTuple_GET_SIZE(seg) != 3) {
                    Py_DECREF(parts);
                    PyErr_SetString(PyExc_TypeError, "a segment must be a (kind, start, end) tuple");
                    goto fail;
                }
                Py_ssize_t a = PyLong_AsSsize_t(PyTuple_GET_ITEM(seg, 1));
                Py_ssize_t b = PyLong_AsSsize_t(PyTuple_GET_ITEM(seg, 2));
                if ((a == -1 || b == -1) && PyErr_Occurred()) {
                    Py_DECREF(parts);
                    goto fail;
                }
                PyObject *piece = new_tuple(segment_type, 3);
                if (piece == NULL) {
                    Py_DECREF(parts);
                    goto fail;
                }
                PyObject *ps = PyLong_FromSsize_t(start + a), *pe = PyLong_FromSsize_t(start + b);
                if (ps == NULL || pe == NULL) {
                    Py_XDECREF(ps);
                    Py_XDECREF(pe);
                    Py_DECREF(piece);
                    Py_DECREF(parts);
                    goto fail;
                }
                PyObject *kind = PyTuple_GET_ITEM(seg, 0);
                Py_INCREF(kind);
                PyTuple_SET_ITEM(piece, 0, ps);
                PyTuple_SET_ITEM(piece, 1, pe);
                PyTuple_SET_ITEM(piece, 2, kind);
                PyTuple_SET_ITEM(parts, k, piece);
            }
        } else {
            parts = empty;
            Py_INCREF(parts);
        }
        PyObject *token = new_tuple(token_type, 6);
        if (token == NULL) {
            Py_DECREF(parts);
            goto fail;
        }
        PyObject *ts = PyLong_FromSsize_t(start), *te = PyLong_FromSsize_t(end);
        if (ts == NULL || te == NULL) {
            Py_XDECREF(ts);
            Py_XDECREF(te);
            Py_DECREF(parts);
            Py_DECREF(token);
            goto fail;
        }
        PyTuple_SET_ITEM(token, 0, ts);
        PyTuple_SET_ITEM(token, 1, te);
        for (Py_ssize_t k = 0; k < 3; k++) {
            PyObject *item = PyTuple_GET_ITEM(info, k);
            Py_INCREF(item);
            PyTuple_SET_ITEM(token, 2 + k, item);
        }
        PyTuple_SET_ITEM(token, 5, parts);
        PyList_SET_ITEM(out, i, token);
    }
    Py_DECREF(empty);
    return out;
fail:
    Py_DECREF(empty);
    Py_DECREF(out);      /* unset items are NULL: list dealloc skips them */
    return NULL;
}

static PyMethodDef methods[] = {
    {"tokens", tokens, METH_VARARGS, "The Token tuples of a text from its token strings (see the module's source)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__scan(void) {
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "ABI", ABI) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
