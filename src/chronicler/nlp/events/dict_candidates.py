"""Candidates from the field dictionaries: a verb the project's own patterns leave
uncoded, coded by PETRARCH2's CAMEO verb dictionary and PLOVER's crosswalk.

One rule decides when both could fire: the project's patterns (``data/events``) are
tried first on every token and, when one of them codes the token, the dictionary is
not asked (one event per trigger). The dictionary fills what they lack: "declined to
resign", "banned ... from participating", "extradited", "donated", "indicted".

The candidate's rule records where it came from (``pattern = "cameo.<code>"``, the
CAMEO code in ``cameo``) and the crosswalk's mode when the type has that mode.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from chronicler.nlp.events.candidates import Candidate, event_heads, rule_matches
from chronicler.nlp.events.dictionaries import FieldDictionaries, load_field_dictionaries
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.patterns import POS_KINDS, Lexicon, TriggerRule
from chronicler.nlp.events.verbmatch import VerbCode, match_verb

# Verbs whose CAMEO family codes them but that, on their own, say too little to be an
# event in news prose: "said", "added", "told" are statements (CAMEO 01, no PLOVER type
# anyway); these carry a type only through a pattern (their family code is ignored).
PATTERN_ONLY = frozenset({"be", "have", "do", "make", "take", "go", "come", "get", "give",
                          "put", "set", "keep", "hold", "bring", "turn", "run", "move"})


@lru_cache(maxsize=1)
def _fields() -> FieldDictionaries:
    return load_field_dictionaries()


def dictionary_code(tok: Token, fd: FieldDictionaries | None = None) -> VerbCode | None:
    """The dictionary's coding of a verb token, or None."""
    if tok.pos_ != "VERB":
        return None
    fd = fd or _fields()
    got = match_verb(tok, fd.verbs, fd.crosswalk)
    if got is None or got.back:
        return None  # "[:173]": the object acting back; the roles would need swapping
    if got.pattern_line == 0 and tok.lemma_.lower() in PATTERN_ONLY:
        return None
    return got


@lru_cache(maxsize=4096)
def _rule(type_: str, code: str, mode: str | None, lemma: str) -> TriggerRule:
    return TriggerRule(id=f"cameo.{code}", type=type_, pos=POS_KINDS["verb"],
                       lemmas=frozenset({lemma}), mode=mode, cameo=code[:2],
                       exclude_conditional=True)


def dictionary_rule(tok: Token, lex: Lexicon, sent: Span) -> TriggerRule | None:
    """A trigger rule for ``tok`` from the dictionary, when it codes a PLOVER type the
    lexicon knows."""
    got = dictionary_code(tok)
    if got is None:
        return None
    spec = lex.types.get(got.plover.type)
    if spec is None:
        return None
    mode = got.plover.mode if got.plover.mode in spec.modes else None
    return _rule(spec.type, got.code, mode, tok.lemma_.lower())


def dictionary_candidates(sent: Span, ix: ArticleIndex, taken: set[int]) -> list[Candidate]:
    """Candidates for the sentence's verbs that no pattern of the lexicon coded."""
    out: list[Candidate] = []
    verbs = _fields().verbs.verbs
    for i in range(sent.start, sent.end):
        if i in taken or i in ix.op_at or i < ix.dateline_end or i in ix.time_at:
            continue
        if ix.lemmas[i] not in verbs and ix.lowers[i] not in verbs:
            continue
        tok = ix.doc[i]
        rule = dictionary_rule(tok, ix.lex, sent)
        if rule is None:
            continue
        heads, light = event_heads(tok, ix.lex, False)
        if not rule_matches(rule, tok, sent, heads):
            continue
        out.append(Candidate(rule=rule, spec=ix.lex.types[rule.type], trigger=tok,
                             heads=heads, light=light))
    return out
