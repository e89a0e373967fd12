"""Clean main text and metadata: ``RawDoc`` in, ``Article`` out (pure, no I/O).

Page residue is removed line by line, because extractors and copy-paste leave it
as whole lines: comment forms, share/follow/newsletter prompts, "Related"/"Read
more" lines, ads, cookie and copyright notices, and tag lists. A residue phrase
inside a sentence ("... told him to 'Leave a Reply' ...") is never a whole line, so
article prose is not touched.

The text is handled in three zones:

* header (first few lines): breadcrumbs and residue are dropped; the title, the
  byline and "Updated: ..." lines are taken as metadata and leave the text;
* body: a comment form that starts after the article has begun ends it
  (everything from that line on is residue); a link list ("Related Articles" and
  its headlines) and isolated residue lines ("Advertisement", "Also read: ...")
  are dropped where they stand, so a widget mid-article costs no paragraph;
* tail: residue, date and byline lines, a tag list glued into one line
  ("India PakistanIshaq DarLashkar...") and runs of short tag lines are peeled off.

Metadata helpers (dates, bylines, outlets, titles) live in ``chronicler.clean.metadata``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from chronicler.clean.metadata import (
    dateline_agency,
    derive_title,
    infer_published,
    is_date_line,
    latest_partial_date,
    looks_like_title,
    outlet_from_text,
    outlet_from_url,
    parse_byline,
    parse_declared_date,
)
from chronicler.config import Settings
from chronicler.records import Article, RawDoc, content_id

__all__ = [
    "build_article",
    "clean_text",
    "detect_language",
    "infer_published",
    "is_glued_tag_line",
    "is_residue_line",
    "normalize_for_hash",
    "split_paragraphs",
]

# ---------------------------------------------------------------- residue patterns
# Whole-line residue that is short: prompts, buttons, form labels, list headers.
_SHORT_RESIDUE = re.compile(
    r"""^(?:
      leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?
    | cancel\s+reply
    | required\s+fields\s+are\s+marked\b.*
    | save\s+my\s+name\b.*\bbrowser\b.*
    | be\s+the\s+first\s+to\s+comment\b.*
    | (?:\d+\s+)?comments?(?:\s*\(\d+\))?
    | no\s+comments(?:\s+yet)?
    | (?:post|submit|add)\s+(?:a\s+|your\s+)?comment
    | (?:name|e-?mail|website|comment|message)\s*\*?
    | you\s+must\s+be\s+logged\s+in\b.*
    | this\s+site\s+uses\s+akismet\b.*
    | share(?:\s+this(?:\s+(?:article|story|post|page))?)?(?:\s+(?:on|via))?\s*:?
    | (?:click\s+to\s+)?share\s+(?:on|via|to|with)\s+\S.*
    | (?:tweet|print|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest
       |copy\s+link|copied|like\s+this|like\s+loading|loading)\W*
    | advertisements?|ad|sponsored(?:\s+content)?|scroll\s+to\s+continue\b.*
    | (?:subscribe|sign\s+up)\s+(?:to|for|now)\b.*
    | follow\s+us\s+on\b.*
    | join\s+(?:us|our)\s+(?:on\s+)?(?:whatsapp|telegram|channel|newsletter)\b.*
    | (?:also\s+read|read\s+(?:more|also|next)|see\s+also|must\s+read|don'?t\s+miss)
       (?:\s*[:|\-–—>»].*)?
    | related(?:\s+(?:articles?|posts?|stories|news|coverage|reading|topics))?
       (?:\s*[:|\-–—].*)?
    | (?:you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|trending(?:\s+now)?
       |most\s+(?:read|popular|viewed)|more\s+stories|more\s+from\b.*|what\s+to\s+read\s+next)\s*:?
    | (?:photo|image|picture|video)(?:\s+(?:credit|courtesy))?\s*:.*
    | breaking(?:\s+news)?|live(?:\s+updates)?|exclusive|watch|listen
    | skip\s+to\s+(?:main\s+)?content|menu|search|home|listen\s+to\s+this\s+article
    | \d+\s+min(?:ute)?s?\s+read
    | [*Δ•·|»›>_=~\-–—]+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SHORT_RESIDUE_WORDS = 30
# Whole-line residue that can run long: notices and tag lines.
_LONG_RESIDUE = re.compile(
    r"""^(?:
      your\s+email\s+address\s+will\s+not\s+be\s+published\b.*
    | (?:tags?|tagged(?:\s+with)?|topics?|filed\s+under|categories|category)\s*:.*
    | (?:©|copyright\b|\(c\)\s).*
    | .*\ball\s+rights\s+reserved\b.*
    | (?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b.*
    | .*\baccept\s+(?:all\s+)?cookies\b.*
    | (?:\#\w[\w-]*[\s,]*)+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_LONG_RESIDUE_WORDS = 80
# A comment form that starts after the article has begun ends it: everything from
# that line on is the form and reader comments.
_COMMENT_MARKER = re.compile(
    r"""^(?:
      leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?
    | be\s+the\s+first\s+to\s+comment\b.*
    | (?:\d+\s+)?comments?(?:\s*\(\d+\))?
    | no\s+comments(?:\s+yet)?
    | your\s+email\s+address\s+will\s+not\s+be\s+published\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A cut needs this much article before it; a marker above that is dropped alone
# (WordPress shows "Leave a Comment" beside the byline).
_CUT_MIN_PARAGRAPHS = 2
_CUT_MIN_WORDS = 60
# A bare list header ("Related Articles", "ALSO READ") is followed by headlines:
# the header and its headline lines go, the article around them stays. Widgets
# sit mid-article too, so this never cuts the rest of the text.
_LIST_HEADER = re.compile(
    r"""^(?:
      related(?:\s+(?:articles?|posts?|stories|news|coverage|reading|topics))?
    | you\s+(?:may|might)\s+also\s+(?:like|read)|recommended(?:\s+(?:for\s+you|stories))?
    | trending(?:\s+(?:now|stories|news))?|most\s+(?:read|popular|viewed)|more\s+stories
    | more\s+from\b.*|read\s+next|what\s+to\s+read\s+next|top\s+stories|latest\s+news
    | also\s+read|read\s+(?:more|also)|see\s+also|must\s+read|don'?t\s+miss
    )\s*[:|\-–—>»]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_SUBHEAD_NEXT_WORDS = 25  # a headline line followed by prose is a subheading: keep it

_BREADCRUMB = re.compile(
    r"^(?:home|news)\s*[»›>/|]|^(?:[^»›]{1,40}[»›]){2,}|^you\s+are\s+here\b", re.IGNORECASE
)
_BREADCRUMB_WORDS = 14
HEADER_LINES = 8  # title, byline, dates and page furniture sit in the first lines

# Tag lists scraped without separators: "...tensionIndia foreign policyIndia..."
_GLUE = re.compile(r"[a-z][A-Z]|(?:19|20)\d\d[a-z]{3,}")
_GLUE_MIN = 3
_GLUE_WORDS_PER_JOIN = 8  # a real sentence has far fewer joins than one per 8 words
# Tags are noun phrases; prose is full of function words. "PoK and PoJK with
# WhatsApp and YouTube" has joins too, but reads as a sentence.
_FUNCTION_WORDS = frozenset(
    "the a an and or of to in on at for with by from as is are was were that this it "
    "he she they we said has have had be not but".split()
)
_TAG_MAX_FUNCTION_SHARE = 0.1
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
_TAG_LINE_WORDS = 4
_TAG_RUN_MIN = 3

_PIECE_SPLIT = re.compile(r"\s+[|·•]\s+")

# ------------------------------------------------------------------ whitespace
_DROP_CHARS = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
# ZWJ/ZWNJ are kept: they change how Devanagari, Urdu and Persian words are spelt.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_HARD_WRAP_MIN, _HARD_WRAP_MAX = 40, 100


def _normalize_chars(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DROP_CHARS)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    return _CONTROL.sub(" ", text)


def _collapse(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _hard_wrapped(lines: list[str]) -> bool:
    """True for a block typed with line breaks every ~70 characters.

    Extractors give one paragraph per line (the seeds do); fixed-width text wraps
    sentences over several lines of similar length that mostly end mid-sentence.
    """
    body = lines[:-1]
    if not body or any(not _HARD_WRAP_MIN <= len(x) <= _HARD_WRAP_MAX for x in body):
        return False
    open_ended = sum(1 for x in body if not _TERMINAL.search(x))
    return open_ended * 2 >= len(body)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs with whitespace collapsed: one per line, or per block if hard-wrapped."""
    out: list[str] = []
    for block in _BLANK_LINE.split(_normalize_chars(text)):
        lines = [c for c in (_collapse(x) for x in block.split("\n")) if c]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


# ------------------------------------------------------------------ line classes
def is_residue_line(line: str) -> bool:
    """A whole line of page furniture (prompt, button, notice, tag line)."""
    n = len(line.split())
    if n <= _SHORT_RESIDUE_WORDS and _SHORT_RESIDUE.match(line):
        return True
    return n <= _LONG_RESIDUE_WORDS and bool(_LONG_RESIDUE.match(line))


def _is_breadcrumb(line: str) -> bool:
    return len(line.split()) <= _BREADCRUMB_WORDS and bool(_BREADCRUMB.match(line))


def is_glued_tag_line(line: str) -> bool:
    """Tags scraped without separators: many lower→Upper joins, few function words."""
    if _TERMINAL.search(line):
        return False
    words = line.split()
    joins = len(_GLUE.findall(line))
    if joins < _GLUE_MIN or joins * _GLUE_WORDS_PER_JOIN < len(words):
        return False
    function = sum(1 for w in words if w.lower() in _FUNCTION_WORDS)
    return function <= _TAG_MAX_FUNCTION_SHARE * len(words)


def _is_tag_like(line: str) -> bool:
    return len(line.split()) <= _TAG_LINE_WORDS and not _TERMINAL.search(line)


@dataclass
class _Meta:
    """Metadata lines taken out of the text while cleaning it."""

    title: str | None = None
    author: str | None = None
    date_lines: list[str] = field(default_factory=list)


def _take_meta_line(line: str, meta: _Meta) -> bool:
    """Consume a byline / date line / "By X | Updated: ..." combination; True if taken."""
    pieces = _PIECE_SPLIT.split(line)
    found: list[tuple[str, str | None]] = []
    for piece in pieces:
        if is_date_line(piece):
            found.append(("date", piece))
            continue
        is_byline, author = parse_byline(piece)
        if is_byline:
            found.append(("author", author))
        elif len(pieces) > 1 and is_residue_line(piece):
            found.append(("residue", None))
        else:
            return False
    for kind, value in found:
        if kind == "date" and value:
            meta.date_lines.append(value)
        elif kind == "author" and value and meta.author is None:
            meta.author = value
    return True


def _same_text(a: str, b: str) -> bool:
    return normalize_for_hash(a) == normalize_for_hash(b)


def _take_header(paras: list[str], meta: _Meta, take_title: bool, known_title: str | None
                 ) -> tuple[list[str], list[str]]:
    """Split off the header: (kept header lines, rest). Fills ``meta``."""
    kept: list[str] = []
    i = 0
    while i < min(len(paras), HEADER_LINES):
        p = paras[i]
        if (known_title and _same_text(p, known_title)) or is_residue_line(p) or _is_breadcrumb(p):
            i += 1
        elif _take_meta_line(p, meta):
            i += 1
        elif meta.title is None and not kept and looks_like_title(p):
            if take_title:
                meta.title = p
            else:
                kept.append(p)
            i += 1
        else:
            break
    return kept, paras[i:]


def _is_list_item(body: list[str], i: int) -> bool:
    p = body[i]
    if is_residue_line(p) or is_date_line(p):
        return True
    if not looks_like_title(p):
        return False
    nxt = body[i + 1] if i + 1 < len(body) else ""
    return len(nxt.split()) < _SUBHEAD_NEXT_WORDS


def _drop_body_residue(body: list[str]) -> list[str]:
    """Drop residue lines and link lists; cut at a comment form after the article."""
    out: list[str] = []
    words = 0
    i = 0
    while i < len(body):
        p = body[i]
        if len(out) >= _CUT_MIN_PARAGRAPHS and words >= _CUT_MIN_WORDS and _COMMENT_MARKER.match(p):
            break
        i += 1
        if _LIST_HEADER.match(p):
            while i < len(body) and _is_list_item(body, i):
                i += 1
        elif not is_residue_line(p):
            out.append(p)
            words += len(p.split())
    return out


def _peel_tail(body: list[str], meta: _Meta) -> list[str]:
    """Remove residue, bylines, dates and tag lists from the end."""
    body = list(body)
    while body:
        last = body[-1]
        if is_residue_line(last) or is_glued_tag_line(last) or _take_meta_line(last, meta):
            body.pop()
            continue
        run = 0
        while run < len(body) and _is_tag_like(body[-1 - run]):
            run += 1
        if run >= _TAG_RUN_MIN and run < len(body):
            del body[-run:]
            continue
        break
    return body


def _segment(text: str, *, take_title: bool, known_title: str | None = None
             ) -> tuple[list[str], _Meta]:
    meta = _Meta()
    kept, body = _take_header(split_paragraphs(text), meta, take_title, known_title)
    body = _drop_body_residue(body)
    body = _peel_tail(body, meta)
    return kept + body, meta


def clean_text(text: str) -> str:
    """Text with page residue and metadata lines (byline, "Updated:") removed.

    Paragraphs are separated by a blank line; a leading headline stays (use
    ``build_article`` to split it off as the title).
    """
    paras, _ = _segment(text, take_title=False)
    return "\n\n".join(paras)


# ------------------------------------------------------------------ text utilities
_NON_WORD = re.compile(r"[^\w\s]|_")
_WS = re.compile(r"\s+")


def normalize_for_hash(text: str) -> str:
    """Lower-cased, punctuation stripped, whitespace collapsed: the exact-dup key.

    NFKC + casefold so typographic variants (curly quotes, full-width digits) of
    the same copy hash the same.
    """
    t = unicodedata.normalize("NFKC", text).casefold()
    return _WS.sub(" ", _NON_WORD.sub("", t)).strip()


_LANGID_SAMPLE = 2000
_LANGID_MIN_CHARS = 20


@lru_cache(maxsize=1)
def _langid() -> ModuleType:
    import py3langid  # its model loads on the first classify(): see load_language_model

    return py3langid


def load_language_model() -> None:
    """py3langid reads its model on the first classification (~0.6 s), not at import."""
    _langid().classify("load the language model")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when there is too little text."""
    sample = _collapse(text[:_LANGID_SAMPLE])
    if len(sample) < _LANGID_MIN_CHARS:
        return None
    lang, _score = _langid().classify(sample)
    return str(lang)


def _truncate(paras: list[str], limit: int) -> tuple[list[str], bool]:
    """Keep whole paragraphs up to ``limit`` characters (joined with blank lines)."""
    out: list[str] = []
    total = 0
    for p in paras:
        add = len(p) + (2 if out else 0)
        if total + add > limit:
            if not out:  # one giant paragraph: cut at the last space that fits
                head = p[:limit]
                out.append(head.rsplit(" ", 1)[0] if " " in head else head)
            return out, True
        out.append(p)
        total += add
    return out, False


_PRECUT_FACTOR = 2  # residue removal rarely halves a text; a cut text is noted anyway


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def build_article(raw: RawDoc, settings: Settings | None = None) -> Article:
    """Clean ``raw`` and fill the article's metadata. Pure: no I/O, no clock."""
    limit = (settings or Settings()).max_text_chars
    notes = list(raw.notes)

    given_title = _collapse(raw.title) if raw.title else None
    if given_title and (is_residue_line(given_title) or not re.search(r"\w", given_title)):
        given_title = None
    source = raw.text
    precut = len(source) > _PRECUT_FACTOR * limit
    if precut:  # the end of a huge text would be truncated anyway: don't clean it
        end = _PRECUT_FACTOR * limit
        line_end = source.rfind("\n", limit, end)
        source = source[: line_end if line_end > 0 else end]
    paras, meta = _segment(source, take_title=given_title is None, known_title=given_title)
    if not paras and meta.title:  # a one-line text: its line is the title *and* the text
        paras = [meta.title]
    paras, truncated = _truncate(paras, limit)
    truncated = truncated or precut
    if truncated:
        notes.append("truncated")
    text = "\n\n".join(paras)

    title = given_title or meta.title
    if title is None and paras:
        title = derive_title(paras[0])
        if title:
            notes.append("title:derived")

    outlet = _collapse(raw.outlet) if raw.outlet and raw.outlet.strip() else None
    outlet = outlet or outlet_from_url(raw.url)
    if outlet is None and (outlet := outlet_from_text(text)):
        notes.append("outlet:in-text")
    if outlet is None and (outlet := dateline_agency(text)):
        notes.append("outlet:dateline")

    declared = raw.published
    if parse_declared_date(declared) is None:
        if declared and declared.strip():
            notes.append("published:unparsed")
        declared = next((d for d in meta.date_lines if parse_declared_date(d)), declared)
    published, inferred, date_source = infer_published(text, declared)
    if date_source in ("dateline", "latest-date"):
        notes.append(f"published:{date_source}")
    partial = latest_partial_date(text) if published is None else None

    norm = normalize_for_hash(text)
    return Article(
        id=content_id(norm, raw.url or outlet or ""),
        title=title,
        outlet=outlet,
        url=raw.url,
        author=_collapse(raw.author) if raw.author and raw.author.strip() else meta.author,
        published=published,
        published_inferred=inferred,
        published_partial=f"--{partial[0]:02d}-{partial[1]:02d}" if partial else None,
        language=detect_language(text),
        source_path=raw.source_path,
        text=text,
        source_kind=raw.source_kind,
        text_hash=content_id(norm, n=32),
        n_words=len(text.split()),
        notes=_dedupe(notes),
    )
