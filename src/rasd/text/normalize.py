"""Arabic normalization as small named functions, composed into profiles with an offset map.

Each named function is a plain `str -> str` map that works character by character (a character
becomes zero, one or more characters), so any composition of them can be applied with one
`str.translate` and can report, for every output character, the input character it came from.

    >>> strip_diacritics("قَالَ")
    'قال'
    >>> normalize("الرَّئِيسُ أكّد", "match")
    'الرييس اكد'

Profiles:
- ``clean``: invisible marks, presentation forms, tatweel, Eastern digits. Keeps letters as written.
- ``bare``: ``clean`` plus diacritics. Keeps hamza forms, so ألمانيا still differs from ال + مانيا.
- ``match``: ``bare`` plus alef/hamza forms, alef maqsura, teh marbuta, Persian
  letters and Arabic punctuation. Used for lexicon, gazetteer and name matching.
- ``search``: ``match`` plus hamza carriers (ؤ ئ) and lower-case Latin. Used for full-text search.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Mapping

from . import charsets

__all__ = [
    "PROFILES",
    "Normalized",
    "false_article",
    "fold_alef",
    "fold_alef_maqsura",
    "fold_arabic_punctuation",
    "fold_digits",
    "fold_hamza_carriers",
    "fold_persian_letters",
    "fold_presentation_forms",
    "fold_teh_marbuta",
    "has_tanween",
    "lower_latin",
    "normalize",
    "normalize_with_offsets",
    "strip_diacritics",
    "strip_invisibles",
    "strip_tatweel",
]


def _table(mapping: Mapping[str, str]) -> dict[int, str]:
    return {ord(k): v for k, v in mapping.items()}


def _presentation_table() -> dict[int, str]:
    table = {}
    for lo, hi in charsets.PRESENTATION_RANGES:
        for code in range(lo, hi + 1):
            ch = chr(code)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch:
                table[code] = folded
    return table


_DIACRITICS = {ord(c): "" for c in charsets.DIACRITICS}
_TATWEEL = {ord(charsets.TATWEEL): ""}
_INVISIBLES = {ord(c): "" for c in charsets.INVISIBLES}
_ALEF = _table(charsets.ALEF_FORMS)
_MAQSURA = _table(charsets.ALEF_MAQSURA)
_TEH = _table(charsets.TEH_MARBUTA)
_HAMZA = _table(charsets.HAMZA_CARRIERS)
_PERSIAN = _table(charsets.PERSIAN_LETTERS)
_DIGITS = _table({**charsets.ARABIC_INDIC_DIGITS, **charsets.PERSIAN_DIGITS})
_PUNCT = _table(charsets.ARABIC_PUNCTUATION)
_PRESENTATION = _presentation_table()
_LOWER = {c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}


def strip_diacritics(s: str) -> str:
    """Remove harakat, tanwin, shadda, sukun and superscript alef."""
    return s.translate(_DIACRITICS)


def has_tanween(s: str) -> bool:
    """Is tanwin written on the text (دعماً، هجومٌ): a noun or adjective, no verb and no name?"""
    return not charsets.TANWEEN.isdisjoint(s)


def false_article(norm: str) -> bool:
    """Does the word, in match form, begin like the article without carrying it (إلى → الي، إلا →
    الا، إليه → اليه)?"""
    return norm in _FALSE_ARTICLE


def strip_tatweel(s: str) -> str:
    """Remove the tatweel (kashida) used to stretch words: العـــراق -> العراق."""
    return s.translate(_TATWEEL)


def strip_invisibles(s: str) -> str:
    """Remove bidi controls, zero-width characters, soft hyphens and the BOM."""
    return s.translate(_INVISIBLES)


def fold_alef(s: str) -> str:
    """أ إ آ ٱ -> ا."""
    return s.translate(_ALEF)


def fold_alef_maqsura(s: str) -> str:
    """ى -> ي."""
    return s.translate(_MAQSURA)


def fold_teh_marbuta(s: str) -> str:
    """ة -> ه (for matching only: it merges words that differ in meaning)."""
    return s.translate(_TEH)


def fold_hamza_carriers(s: str) -> str:
    """ؤ -> و, ئ -> ي (loose; for search)."""
    return s.translate(_HAMZA)


def fold_persian_letters(s: str) -> str:
    """Persian and Urdu letter shapes (ک ی ہ) -> Arabic ones."""
    return s.translate(_PERSIAN)


def fold_digits(s: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits -> 0-9."""
    return s.translate(_DIGITS)


def fold_arabic_punctuation(s: str) -> str:
    """، ؛ ؟ ٪ ٫ ٬ -> , ; ? % . ,"""
    return s.translate(_PUNCT)


def fold_presentation_forms(s: str) -> str:
    """Presentation forms and ligatures (ﻻ, ﷲ) -> their letters, as NFKC does."""
    return s.translate(_PRESENTATION)


def lower_latin(s: str) -> str:
    """A-Z -> a-z (Arabic has no case)."""
    return s.translate(_LOWER)


_STEP_TABLES: dict[Callable[[str], str], dict[int, str]] = {
    strip_invisibles: _INVISIBLES,
    fold_presentation_forms: _PRESENTATION,
    strip_tatweel: _TATWEEL,
    fold_digits: _DIGITS,
    strip_diacritics: _DIACRITICS,
    fold_alef: _ALEF,
    fold_alef_maqsura: _MAQSURA,
    fold_teh_marbuta: _TEH,
    fold_persian_letters: _PERSIAN,
    fold_arabic_punctuation: _PUNCT,
    fold_hamza_carriers: _HAMZA,
    lower_latin: _LOWER,
}

_CLEAN = (strip_invisibles, fold_presentation_forms, strip_tatweel, fold_digits)
_BARE = _CLEAN + (strip_diacritics,)
_MATCH = _BARE + (fold_alef, fold_alef_maqsura, fold_teh_marbuta,
                   fold_persian_letters, fold_arabic_punctuation)
_SEARCH = _MATCH + (fold_hamza_carriers, lower_latin)

PROFILES: dict[str, tuple[Callable[[str], str], ...]] = {
    "clean": _CLEAN,
    "bare": _BARE,
    "match": _MATCH,
    "search": _SEARCH,
}


@lru_cache(maxsize=None)
def _compose(profile: str) -> dict[int, str]:
    """One translate table equal to applying the profile's steps in order (to a fixed point)."""
    steps = PROFILES[profile]
    keys: set[int] = set()
    for step in steps:
        keys.update(_STEP_TABLES[step])
    table: dict[int, str] = {}
    for code in keys:
        out = chr(code)
        for _ in range(3):  # a presentation form may unfold into letters that later steps fold
            before = out
            for step in steps:
                out = step(out)
            if out == before:
                break
        if out != chr(code):
            table[code] = out
    return table


def normalize(text: str, profile: str = "match") -> str:
    """Apply a named profile (``clean``, ``bare``, ``match`` or ``search``)."""
    try:
        table = _compose(profile)
    except KeyError:
        raise ValueError(f"unknown normalization profile {profile!r}; use one of {sorted(PROFILES)}")
    return text.translate(table)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text with, for each of its characters, the index of the source character.

    `offsets` has one more entry than `text`: the source length, so that an end offset maps too.
    """

    text: str
    offsets: tuple[int, ...] | list[int]
    source_length: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalized text back to the source text."""
        if start >= end:
            s = self.offsets[start] if start < len(self.text) else self.source_length
            return s, s
        return self.offsets[start], self.offsets[end - 1] + 1

    def from_source(self, index: int) -> int:
        """The first normalized index whose source index is >= `index`."""
        return bisect_right(self.offsets, index - 1, 0, len(self.text))


@lru_cache(maxsize=None)
def _uneven(profile: str) -> "re.Pattern[str] | None":
    """A pattern of the characters the profile deletes or expands (the others map one to one)."""
    chars = [chr(c) for c, v in _compose(profile).items() if len(v) != 1]
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") if chars else None


def normalize_with_offsets(text: str, profile: str = "match") -> Normalized:
    """Normalize and keep a map from every output character back to its source character."""
    table = _compose(profile)
    out = text.translate(table)
    pattern = _uneven(profile)
    if pattern is None or not pattern.search(text):
        return Normalized(out, range(len(text) + 1), len(text))  # type: ignore[arg-type]
    offsets: list[int] = []
    extend = offsets.extend
    pos = 0
    for m in pattern.finditer(text):
        i = m.start()
        extend(range(pos, i))
        rep = table[ord(text[i])]
        if rep:
            extend([i] * len(rep))
        pos = i + 1
    extend(range(pos, len(text) + 1))
    return Normalized(out, offsets, len(text))


# (after `normalize` is defined: the words are kept in match form)
_FALSE_ARTICLE = frozenset(normalize(w, "match") for w in (
    "إلى", "إلا", "إليه", "إليها", "إليهم", "إليك", "إلينا", "إليكم", "إليهما"))
