"""Builds the optional C decoder of the NER tagger (rasd.ner._crf); the metadata is in pyproject.toml.

Without a C compiler the build goes on without it and the tagger decodes with crfsuite instead
(the same tags and scores, slower).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("rasd.ner._crf", ["src/rasd/ner/_crf.c"], optional=True)])
