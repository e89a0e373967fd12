"""PETRARCH2's CAMEO verb dictionary and PLOVER's CAMEO -> PLOVER crosswalk, parsed.

Formats (``data/dictionaries/README.md``; PETRARCH's ``dictionaries.rst``):

* ``&NAME`` starts a synset; its ``+WORD_OR_PHRASE`` lines are the members. A label or
  phrase ending in ``_`` gets no regular plural; otherwise "S"/"IES"/"ES" plurals are
  added, as PETRARCH does.
* ``--- NAME [CODE] ---`` starts a verb family. Its verb lines are ``VERB {FORMS} [CODE]``
  (irregular forms in braces; a multi-word verb joins its words with ``_`` and marks
  the verb with ``+``: ``+ASK_FOR``, ``WIRE_+TAP``). Its pattern lines are
  ``- PRE * POST [CODE] # comment``: nouns (a synset ``&X``, a phrase ``{A B}`` whose
  last word is the head) and prepositional phrases ``(PREP NOUN)`` before and after the
  verb ``*``; ``+``, ``$``, ``^`` and ``%`` are PETRARCH's source/target/skip markers,
  which a dependency matcher does not need. ``[A:B]`` codes A for the source acting and
  B for the target acting back; ``[:B]`` only the latter. ``---`` is the null code.
* ``~`` lines are PETRARCH's verb-verb transformations (read, not used).

Everything is turned into plain tuples and dicts keyed by lower-case lemma, so that the
compiled form pickles small and a lookup is one dict access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronicler.errors import ConfigError


class DictionaryError(ConfigError):
    """A line of a field dictionary that cannot be read: file and line named."""

    def __init__(self, path: str, line: int, why: str, text: str = "") -> None:
        shown = f": {text.strip()[:80]!r}" if text else ""
        super().__init__(f"{path}:{line}: {why}{shown}")
        self.path, self.line = path, line


# A noun element: the alternative phrases it stands for, each a tuple of lower-case words
# (the head last). A prep element: (preposition, noun element or () for any object).
Phrase = tuple[str, ...]
Noun = tuple[Phrase, ...]


@dataclass(frozen=True)
class Pattern:
    pre: tuple[Noun, ...]  # nouns before the verb (its subject)
    post: tuple[Noun, ...]  # nouns after the verb (object, particle, complement)
    preps: tuple[tuple[str, Noun], ...]  # prepositional phrases after the verb
    code: str  # the CAMEO code of the source acting ("" when only the target acts)
    back: str  # the code of the target acting back ("" for none)
    line: int

    @property
    def weight(self) -> int:
        """How specific: the number of words the pattern asks for."""
        return sum(len(p[0]) for p in self.pre + self.post) + sum(
            1 + (len(n[0]) if n else 0) for _, n in self.preps)


@dataclass(frozen=True)
class Verb:
    """One verb of a family: its own code (None: the family's) and the words a
    multi-word verb needs around it ("ask_for": "for")."""

    family: int
    code: str | None
    needs: Phrase = ()


@dataclass(frozen=True)
class Family:
    name: str
    code: str
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class VerbDictionary:
    verbs: dict[str, tuple[Verb, ...]]  # lemma -> the families it belongs to
    families: tuple[Family, ...]
    synsets: dict[str, tuple[Phrase, ...]]
    ignored: tuple[tuple[int, str], ...] = ()  # patterns with an undefined synset
    # irregular forms ("retook") -> their verb's entries, asked by a token's own form
    # only (a lemma "found" is the verb to found, not the past of "find")
    forms: dict[str, tuple[Verb, ...]] = field(default_factory=dict)


_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\*|[^\s{}()*]+")
MARKERS = frozenset({"+", "$", "^", "%", "=", "_"})


def plurals(word: str) -> list[str]:
    """PETRARCH's regular plurals of a word (upper case in, lower case out)."""
    w = word.lower()
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return [w[:-1] + "ies"]
    if w.endswith(("ss", "sh", "ch", "x")):
        return [w + "es"]
    if w.endswith("s"):
        return []
    return [w + "s"]


def _phrase_forms(raw: str, plural: bool) -> list[Phrase]:
    """A synset member or noun word: its words, plus its plural when allowed."""
    no_plural = raw.endswith("_") or not plural
    words = tuple(w.lower() for w in raw.strip("_").replace("-", "_").split("_") if w)
    if not words:
        return []
    out = [words]
    if not no_plural:
        out += [words[:-1] + (p,) for p in plurals(words[-1])]
    return out


def read_code(raw: str, path: str, n: int, text: str) -> tuple[str, str]:
    """``[040]`` -> ("040", ""); ``[042:043]`` -> ("042", "043"); ``[---]`` -> ("", "")."""
    raw = raw.strip()
    parts = raw.split(":")
    if len(parts) > 2:
        raise DictionaryError(path, n, "a code has at most one ':'", text)
    out = []
    for p in parts:
        p = p.strip()
        if p in ("", "---"):
            out.append("")
        elif re.fullmatch(r"\d{2,4}!?", p):  # "080!": a coder's flag on the code
            out.append(p.rstrip("!"))
        else:
            raise DictionaryError(path, n, f"bad CAMEO code {p!r}", text)
    return out[0], out[1] if len(out) > 1 else ""


class _Undefined(Exception):
    """A pattern naming an undefined synset: left out, as PETRARCH does."""


class _VerbReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.synsets: dict[str, list[Phrase]] = {}
        self.families: list[Family] = []
        self.verbs: dict[str, list[Verb]] = {}
        self._synset: tuple[str, bool] | None = None  # (label, plurals allowed)
        self._verbs = 0  # verbs of the open family
        self._family: tuple[str, str] | None = None
        self._patterns: list[Pattern] = []
        self.ignored: list[tuple[int, str]] = []  # (line, why): patterns PETRARCH ignores
        self.forms: dict[str, list[Verb]] = {}  # irregular form -> its verb's entries

    # ---------------------------------------------------------------- elements
    def noun(self, tok: str, n: int, text: str) -> Noun:
        if tok.startswith("&"):
            label = tok.rstrip("_")
            got = self.synsets.get(label)
            if got is None:  # PETRARCH ignores such a pattern; so do we, and say so
                raise _Undefined(f"synset {tok} used before it is defined")
            return tuple(got)
        if tok.startswith("{"):
            inner = [w for w in tok[1:-1].split() if w not in MARKERS]
            if not inner:
                raise DictionaryError(self.path, n, "empty {...} phrase", text)
            alts: list[list[str]] = [[]]
            for w in inner:  # a synset inside a phrase: every member in turn
                if w.startswith("&"):
                    members = self.noun(w, n, text)
                    alts = [a + list(m) for a in alts for m in members]
                else:
                    alts = [a + [x for x in w.lower().strip("_").split("_") if x] for a in alts]
            return tuple(tuple(a) for a in alts)
        return tuple(_phrase_forms(tok, plural=False))

    def pattern(self, body: str, n: int, text: str) -> Pattern:
        m = _CODE.search(body)
        if m is None:
            raise DictionaryError(self.path, n, "pattern without a [CODE]", text)
        code, back = read_code(m.group(1), self.path, n, text)
        toks = _TOKEN.findall(body[:m.start()])
        if "*" not in toks:
            raise DictionaryError(self.path, n, "pattern without the verb marker '*'", text)
        star = toks.index("*")
        pre = tuple(self.noun(t, n, text) for t in toks[:star]
                    if t not in MARKERS and not t.startswith("("))
        post: list[Noun] = []
        preps: list[tuple[str, Noun]] = []
        for t in toks[star + 1:]:
            if t in MARKERS:
                continue
            if t.startswith("("):
                inner = _TOKEN.findall(t[1:-1])
                inner = [x for x in inner if x not in MARKERS]
                if not inner:
                    raise DictionaryError(self.path, n, "empty (...) phrase", text)
                obj = self.noun(inner[-1], n, text) if len(inner) > 1 else ()
                preps.append((inner[0].lower(), obj))
            else:
                post.append(self.noun(t, n, text))
        return Pattern(pre=pre, post=tuple(post), preps=tuple(preps), code=code, back=back,
                       line=n)

    def verb(self, body: str, n: int, text: str) -> None:
        assert self._family is not None
        self._verbs += 1
        code = None
        m = _CODE.search(body)
        if m is not None:
            code = read_code(m.group(1), self.path, n, text)[0] or ""
            body = body[:m.start()]
        forms = re.findall(r"\{([^}]*)\}", body)
        body = re.sub(r"\{[^}]*\}", " ", body).strip()
        if not body or " " in body.strip():
            raise DictionaryError(self.path, n, "a verb line holds one verb (words joined "
                                  "by '_')", text)
        words = [w for w in body.split("_") if w]
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        head = marked[0] if marked else 0
        lemma = words[head].lstrip("+").lower()
        needs = tuple(w.lstrip("+").lower() for i, w in enumerate(words) if i != head)
        entry = Verb(family=len(self.families), code=code, needs=needs)
        self.verbs.setdefault(lemma, []).append(entry)
        # irregular forms ("RETAKE {... RETOOK RETAKEN}"): looked up when the tagger's
        # lemma is the form itself ("retook"); a one-word verb's only
        for f in (w.lstrip("+").lower() for group in forms for w in group.split()):
            if f != lemma and not needs and "_" not in f:
                self.forms.setdefault(f, []).append(entry)

    # ---------------------------------------------------------------- lines
    def close_family(self) -> None:
        if self._family is not None:
            name, code = self._family
            patterns = self._patterns
            if self._verbs > 1:
                # a pattern with no words ("- * + [111] # MOCK") is one verb's code
                # written as a pattern, the verb its comment names; applied to the
                # family it would give "echoed the statement" MOCK's code (111)
                bare = [p for p in patterns if p.weight == 0]
                self.ignored += [(p.line, "a pattern with no words in a family of "
                                  f"{self._verbs} verbs") for p in bare]
                patterns = [p for p in patterns if p.weight > 0]
            self.families.append(Family(name=name, code=code, patterns=tuple(patterns)))
        self._family, self._patterns, self._verbs = None, [], 0

    def line(self, n: int, raw: str) -> None:
        text = raw.split("#", 1)[0].rstrip()
        text = text.split(";", 1)[0].rstrip() if not text.lstrip().startswith("-") else text
        s = text.strip()
        if not s:
            return
        if s.startswith("---"):
            self.close_family()
            self._synset = None
            m = re.fullmatch(r"---\s*(.*?)\s*\[([^\]]*)\]\s*-*\s*---", s)
            if m is None:
                raise DictionaryError(self.path, n, "a family header is '--- NAME [CODE] ---'",
                                      raw)
            self._family = (m.group(1), read_code(m.group(2), self.path, n, raw)[0])
            # the family's first verb is the one its header names
            return
        if s.startswith("&"):
            label = s.split()[0]
            self._synset = (label.rstrip("_"), not label.endswith("_"))
            self.synsets[self._synset[0]] = []
            return
        if s.startswith("~"):
            return  # a transformation: PETRARCH's verb-on-verb rules, not used here
        if s.startswith("-"):
            if self._family is None:
                raise DictionaryError(self.path, n, "a pattern outside a verb family", raw)
            try:
                self._patterns.append(self.pattern(s[1:], n, raw))
            except _Undefined as e:
                self.ignored.append((n, str(e)))
            return
        if self._family is not None:
            self.verb(s, n, raw)
            return
        if s.startswith("+") and self._synset is not None:
            label, plural = self._synset
            self.synsets[label] += _phrase_forms(s[1:].strip(), plural)
            return
        raise DictionaryError(self.path, n, "not a synset member, family, verb or pattern", raw)


def parse_verbs(lines: Iterable[str], path: str = "CAMEO.2.0.txt",
                errors: list[DictionaryError] | None = None,
                base: VerbDictionary | None = None) -> VerbDictionary:
    """The verb dictionary. A line that cannot be read raises ``DictionaryError``; with
    ``errors`` given, it is collected there instead and the line left out (one bad line,
    never the whole file). With ``base``, the lines are a supplement to it (module
    ``supplement``): its synsets are known, and the result is the two merged."""
    r = _VerbReader(path)
    if base is not None:
        r.synsets = {k: list(v) for k, v in base.synsets.items()}
    for n, raw in enumerate(lines, 1):
        try:
            r.line(n, raw)
        except DictionaryError as e:
            if errors is None:
                raise
            errors.append(e)
    r.close_family()
    got = VerbDictionary(verbs={k: tuple(v) for k, v in r.verbs.items()},
                         families=tuple(r.families),
                         synsets={k: tuple(v) for k, v in r.synsets.items()},
                         ignored=tuple(r.ignored),
                         forms={k: tuple(v) for k, v in r.forms.items() if k not in r.verbs})
    return got if base is None else supplement(base, got)


def supplement(base: VerbDictionary, extra: VerbDictionary) -> VerbDictionary:
    """``base`` with ``extra``'s families appended and its verbs added after ``base``'s
    own entries for the same lemma: a pattern of ``base`` that matches still wins (the
    matcher tries a lemma's entries in order and stops at the first family with a
    matching pattern), ``extra``'s patterns are tried when none does, and a verb's own
    code stays ``base``'s."""
    shift = len(base.families)

    def merged(a: dict[str, tuple[Verb, ...]], b: dict[str, tuple[Verb, ...]]
               ) -> dict[str, tuple[Verb, ...]]:
        out = {k: list(v) for k, v in a.items()}
        for key, entries in b.items():
            out.setdefault(key, []).extend(
                Verb(family=e.family + shift, code=e.code, needs=e.needs) for e in entries)
        return {k: tuple(v) for k, v in out.items()}

    verbs = merged(base.verbs, extra.verbs)
    return VerbDictionary(verbs=verbs, families=base.families + extra.families,
                          synsets={**extra.synsets, **base.synsets},
                          ignored=base.ignored + extra.ignored,
                          forms={k: v for k, v in merged(base.forms, extra.forms).items()
                                 if k not in verbs})


# ---------------------------------------------------------------------- crosswalk
@dataclass(frozen=True)
class Plover:
    type: str
    mode: str
    contexts: tuple[str, ...]


def parse_crosswalk(lines: Iterable[str], path: str = "CAMEO2PLOVER-2021.txt"
                    ) -> dict[str, Plover]:
    """``030: AGREE,  , diplomatic # comment`` -> {"030": Plover("AGREE", "", ...)}.
    A root line ``03: AGREE`` gives the root's type."""
    out: dict[str, Plover] = {}
    for n, raw in enumerate(lines, 1):
        s = raw.split("#", 1)[0].strip()
        if not s or s.startswith("~"):
            continue
        m = re.fullmatch(r"(\d{2,4})\s*:\s*(.*)", s)
        if m is None:
            raise DictionaryError(path, n, "a crosswalk line is 'CODE: TYPE, mode, contexts'",
                                  raw)
        parts = [p.strip() for p in m.group(2).split(",")]
        typ = parts[0].upper()
        if not re.fullmatch(r"[A-Z]+", typ):
            raise DictionaryError(path, n, f"bad PLOVER type {parts[0]!r}", raw)
        mode = parts[1] if len(parts) > 1 else ""
        ctx = tuple(c.strip() for c in (parts[2] if len(parts) > 2 else "").split(";")
                    if c.strip())
        out.setdefault(m.group(1), Plover(type=typ, mode=mode, contexts=ctx))
    return out


# CAMEO 02 (appeal) is 10 (demand) said politely: PLOVER folds both into REQUEST, but the
# crosswalk lists only 10; an appeal takes its demand counterpart (020 -> 100, 0233 ->
# 1033). 07 (provide aid) has no root line; 070 is AID. 01 (statements) stays no event.
EXTRA_ROOTS = {"02": "10", "07": "07"}


def plover_of(code: str, crosswalk: dict[str, Plover]) -> Plover | None:
    """The PLOVER coding of a CAMEO code: the code itself, else its shorter prefixes."""
    if not code:
        return None
    root = code[:2]
    if root == "02":
        code = "10" + code[2:]
    if root == "07" and code not in crosswalk:
        return Plover(type="AID", mode="", contexts=())
    for k in range(len(code), 1, -1):
        got = crosswalk.get(code[:k])
        if got is not None:
            return got
    return None
