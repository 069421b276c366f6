"""Builds the optional C modules: the NER tagger's decoder (rasd.ner._crf), the token layer's
builder (rasd.text._scan) and its JSON writer (rasd._tokens_json); the metadata is in pyproject.toml.

Without a C compiler the build goes on without them: the tagger decodes with crfsuite and the
token layer is built by a Python loop and written through dicts and orjson instead (the same
tags, scores, tokens and bytes, slower).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("rasd.ner._crf", ["src/rasd/ner/_crf.c"], optional=True),
                   Extension("rasd.text._scan", ["src/rasd/text/_scan.c"], optional=True),
                   Extension("rasd._tokens_json", ["src/rasd/_tokens_json.c"], optional=True)])
