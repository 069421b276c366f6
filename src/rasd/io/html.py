"""An HTML news page to a `Document`: the article body, title, publication date, caption, URL, outlet.

The main content and most metadata come from trafilatura, which drops navigation, share bars,
related-article lists and footers. The publication date is taken in this order:

1. dates in the page's markup (``article:published_time``, JSON-LD ``datePublished``,
   ``<time datetime>``, the URL), read by htmldate *without* its text guessing;
2. the page's own date strings (elements whose class names a date, ``<time>`` text), read by
   rasd's date parser, which knows Levantine (آب، تشرين) and Maghrebi (غشت) month names.

trafilatura's text-based date guess is never used: it reads "10 آب 2021" as 2021-01-01.
"""
from __future__ import annotations

from pathlib import PurePath
from urllib.parse import unquote, urlsplit

import regex

from ..errors import EmptyInputError, FormatError
from ..model import Document, Meta, Section
from ..text.normalize import normalize
from .decode import sniff_binary
from .page import read_page

__all__ = ["MIN_ARTICLE_CHARS", "page_dates", "read_html"]

MIN_ARTICLE_CHARS = 40        # less extracted text than this is not an article
_DATE_HINT = regex.compile(r"date|time|created|publish|posted|byline|meta", regex.IGNORECASE)
_NOT_ARTICLE_DATE = regex.compile(r"header|top|nav|footer|menu|today|current|weather|related|comment",
                                  regex.IGNORECASE)
_ARTICLE_DATE = regex.compile(r"publish|created|post|article|story|news|entry", regex.IGNORECASE)
_SPACE = regex.compile(r"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+")


def read_html(data: bytes, source: str, *, doc_id: str | None = None, url: str | None = None,
              **options) -> Document:
    """Read one HTML page. `source` names where it came from (a path); `doc_id` defaults to the
    file stem. Raises `FormatError` ("HTML with no article") when no article text is found."""
    if not data or not data.strip():
        raise EmptyInputError("the input is empty", path=source)
    what = sniff_binary(data[:4096])
    if what:
        from ..errors import BinaryInputError
        raise BinaryInputError(f"this is {what}, not HTML", path=source)
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise FormatError("HTML with no article: the page cannot be parsed", path=source)
    caption = _caption(tree)
    date_strings = page_dates(tree)
    published = _markup_date(data, url)
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    body = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if len(body.strip()) < MIN_ARTICLE_CHARS:
        raise FormatError("HTML with no article: no main text was found in the page", path=source,
                          remedy="give the article page itself, not an index, search or error page")
    meta = Meta(source=source)
    title = _clean(getattr(extracted, "title", None) or "") or None
    meta.url = _readable_url(getattr(extracted, "url", None) or url)
    meta.outlet = _outlet(getattr(extracted, "sitename", None), getattr(extracted, "hostname", None))
    author = getattr(extracted, "author", None)
    if author:
        meta.extra["author"] = author
    if published:
        meta.published, meta.published_source = published, "page"
    else:
        for s in date_strings:
            parsed = _parse_date(s)
            if parsed and parsed[1] == "day":
                meta.published, meta.published_source = parsed[0], "page"
                meta.dateline = s
                break
    lines = [_clean(line) for line in body.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and _repeats_title(lines[0], title):
        lines = lines[1:]
    if caption and title and _key(caption) == _key(title):
        caption = None
    text = "\n".join(lines)
    if caption:
        text = caption + "\n\n" + text
    stem = PurePath(source).stem if source else "doc"
    doc = read_page(text, title=title, doc_id=doc_id or stem or "doc", meta=meta, source=source)
    if caption:
        _mark_caption(doc, caption)
    if not any(s.kind == "body" for s in doc.sections):
        raise FormatError("HTML with no article: the page holds no article paragraphs", path=source)
    return doc


def _clean(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


def _key(s: str) -> str:
    return " ".join(normalize(s, "match").split())


def _repeats_title(line: str, title: str) -> bool:
    """Is the first body line the title again (often without the outlet's name)?"""
    k, t = _key(line), _key(title)
    return bool(k) and len(k.split()) >= 3 and (k == t or k in t)


def _readable_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url


def _outlet(sitename: str | None, hostname: str | None) -> str | None:
    if sitename and not sitename.lower().startswith(("http:", "https:", "www.")):
        return sitename.strip()
    if hostname:
        return hostname.removeprefix("www.")
    if sitename:
        return urlsplit(sitename).hostname or sitename
    return None


def _markup_date(data: bytes, url: str | None) -> str | None:
    """The publication date written in the page's markup, never guessed from its text.
    (htmldate is given the bytes: given a parsed tree it prefers a UTC meta time to JSON-LD.)"""
    import warnings
    from htmldate import find_date
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # dateutil warns about time zone names it skips
            return find_date(data, url=url, extensive_search=False, original_date=True,
                             outputformat="%Y-%m-%d")
    except Exception:   # htmldate fails on odd pages; a missing date is not an error
        return None


def page_dates(tree) -> list[str]:
    """Short date strings shown on the page, the article's own first (``تم نشره الجمعة 24 نيسان 2020``)."""
    first, later = [], []
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        names = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if tag != "time" and not _DATE_HINT.search(names):
            continue
        if _NOT_ARTICLE_DATE.search(names):
            continue
        text = _clean(el.text_content())
        if not text or len(text) > 80 or not any(c.isdigit() for c in text):
            continue
        (first if tag == "time" or _ARTICLE_DATE.search(names) else later).append(text)
    return first + later


def _caption(tree) -> str | None:
    """The photo caption of the article's main image, if the page marks one."""
    for el in tree.xpath("//figcaption | //*[contains(@class, 'caption')]"):
        text = _clean(el.text_content())
        if 2 <= len(text) <= 300:
            return text
    return None


def _mark_caption(doc: Document, caption: str) -> None:
    """Give the caption line its own section kind (read_page saw it as a body line)."""
    for i, s in enumerate(doc.sections):
        if doc.text[s.start:s.end] == caption:
            if s.kind != "caption":
                doc.sections[i] = Section("caption", s.start, s.end)
            doc.meta.caption = caption
            return


def _parse_date(s: str):
    from ..text.dates import parse_date
    return parse_date(s)
