"""Event patterns as data: one TOML file per PLOVER type in ``chronicler/data/events``.

The format is documented for users in ``data/events/README.md``; this module reads it
once per process (``load_lexicon``) into frozen dataclasses and checks it, so a typo in
a pattern file fails with the file and key named instead of silently coding nothing.

Files whose name starts with ``_`` are shared tables, not types:

    _roles.toml       light verbs, reciprocal cues, victim and force nouns, meeting words
    _modes.toml       words for negation, future, hypothetical and report cues
    _contexts.toml    words that add a PLOVER context to any event
    _operations.toml  named military operations and who runs them
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronicler.errors import ConfigError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
POS_KINDS = {"verb": frozenset({"VERB", "AUX"}), "noun": frozenset({"NOUN", "PROPN"}),
             "adj": frozenset({"ADJ"})}
SCOPES = ("children", "subtree", "clause", "sentence", "object", "around", "complement",
          "that-clause", "predicate", "offered")

_TRIGGER_KEYS = {"id", "pos", "lemmas", "mode", "contexts", "requires", "requires_scope",
                 "unless", "unless_scope", "unless_head", "particle", "standalone", "cameo",
                 "note", "requires_object_actor", "exclude_conditional", "also_requires",
                 "also_scope"}
_TYPE_KEYS = {"type", "cameo", "score", "quad", "recipient_required", "contexts",
              "infer_recipient", "infer_actor", "absorbs_complement", "modes", "triggers",
              "mode_default", "note", "needs_mode_or_recipient", "needs_participant",
              "needs_recipient"}


@dataclass(frozen=True)
class ModeSpec:
    """A PLOVER mode of one type: its score, CAMEO root and the words that select it."""

    name: str
    score: float
    cameo: str | None
    words: frozenset[str]
    scope: str = "clause"


@dataclass(frozen=True)
class TriggerRule:
    """One way a word starts an event of a type (see README for each key)."""

    id: str
    type: str
    pos: frozenset[str]
    lemmas: frozenset[str]
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    requires: frozenset[str] = frozenset()
    requires_scope: str = "clause"
    also_requires: frozenset[str] = frozenset()  # a second condition
    also_scope: str = ""  # its scope ("" = requires_scope)
    unless: frozenset[str] = frozenset()
    unless_scope: str = "children"
    unless_head: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    # A noun trigger codes an event only when it has an argument, a date, a place, a
    # count or a light verb ("launched strikes"): a bare anaphor ("the attack") repeats
    # an event already coded. ``standalone = true`` lifts that ("a ceasefire").
    standalone: bool = False
    requires_object_actor: bool = False
    exclude_conditional: bool = False  # "if India stops" is the condition, not the offer
    cameo: str | None = None

    @cached_property
    def nominal(self) -> bool:  # (read for every rule a token starts: once per rule)
        return not (self.pos & POS_KINDS["verb"])

    # Are the words of ``requires``, ``also_requires`` and ``unless`` words of the
    # trigger's parse tree (any scope but the segment's, and no "dep:" label)? Then a
    # sentence that has none of them settles the test with no scope read
    # (``candidates.find_candidates``, ``rule_matches``).
    @cached_property
    def words_required(self) -> bool:
        return _tree_words(self.requires, self.requires_scope)

    @cached_property
    def also_words(self) -> bool:
        return _tree_words(self.also_requires, self.also_scope or self.requires_scope)

    @cached_property
    def unless_words(self) -> bool:
        return _tree_words(self.unless, self.unless_scope)


def _tree_words(words: frozenset[str], scope: str) -> bool:
    return bool(words) and scope != "sentence" and not any(w.startswith("dep:") for w in words)


@dataclass(frozen=True)
class TypeSpec:
    type: str
    cameo: str
    score: float
    quad: str
    recipient_required: bool
    contexts: tuple[str, ...]
    infer_recipient: bool
    infer_actor: bool
    absorbs_complement: bool
    modes: Mapping[str, ModeSpec]
    mode_default: str | None = None
    needs_mode_or_recipient: bool = False
    needs_participant: bool = False  # no actor and no recipient: nothing to code
    needs_recipient: bool = False


@dataclass(frozen=True)
class Operation:
    name: str  # canonical: "Operation Sindoor"
    country: str | None  # who runs it
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Everything the coder reads from the data files, indexed for set lookups."""

    types: Mapping[str, TypeSpec]
    by_lemma: Mapping[str, tuple[TriggerRule, ...]]  # lemma -> rules (any type)
    light_verbs: frozenset[str]
    reciprocal: frozenset[str]
    reciprocal_phrases: tuple[tuple[str, ...], ...]
    reciprocal_ends: frozenset[str]  # last words of those phrases and plural state nouns
    sector_nouns: Mapping[str, str]  # "troops" -> MIL, "civilians" -> CVL
    terror_words: frozenset[str]
    report_cues: frozenset[str]
    accuse_cues: frozenset[str]
    deny_cues: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_dets: frozenset[str]
    future_mods: frozenset[str]
    contexts: Mapping[str, tuple[str, ...]]  # lemma -> contexts
    operations: tuple[Operation, ...]
    operation_light_verbs: frozenset[str]
    location_preps: frozenset[str]
    target_preps: frozenset[str]
    files: tuple[str, ...] = field(default=())

    def rules_for(self, lemma: str) -> tuple[TriggerRule, ...]:
        return self.by_lemma.get(lemma, ())


# ------------------------------------------------------------------ reading
def _words(v: Any, where: str) -> frozenset[str]:
    if v is None:
        return frozenset()
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{where}: expected a list of strings, got {v!r}")
    return frozenset(x.lower() for x in v)


def _check_keys(obj: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")


def _scope(v: Any, where: str, default: str) -> str:
    v = default if v is None else v
    if v not in SCOPES:
        raise ConfigError(f"{where}: scope {v!r} not in {SCOPES}")
    return str(v)


def _type_file(name: str, obj: dict[str, Any]) -> tuple[TypeSpec, list[TriggerRule]]:
    _check_keys(obj, _TYPE_KEYS, name)
    t = obj.get("type")
    if t not in PLOVER_TYPES:
        raise ConfigError(f"{name}: type {t!r} is not a PLOVER type {PLOVER_TYPES}")
    modes: dict[str, ModeSpec] = {}
    for mname, m in obj.get("modes", {}).items():
        where = f"{name} modes.{mname}"
        _check_keys(m, {"score", "cameo", "words", "scope", "note"}, where)
        modes[mname] = ModeSpec(name=mname, score=float(m.get("score", obj["score"])),
                                cameo=m.get("cameo"), words=_words(m.get("words"), where),
                                scope=_scope(m.get("scope"), where, "clause"))
    spec = TypeSpec(
        type=t, cameo=str(obj.get("cameo", "")), score=float(obj["score"]),
        quad=str(obj.get("quad", "")), recipient_required=bool(obj.get("recipient_required")),
        contexts=tuple(obj.get("contexts", [])),
        infer_recipient=bool(obj.get("infer_recipient", False)),
        infer_actor=bool(obj.get("infer_actor", False)),
        absorbs_complement=bool(obj.get("absorbs_complement", False)),
        modes=modes, mode_default=obj.get("mode_default"),
        needs_mode_or_recipient=bool(obj.get("needs_mode_or_recipient", False)),
        needs_participant=bool(obj.get("needs_participant", False)),
        needs_recipient=bool(obj.get("needs_recipient", False)),
    )
    if spec.mode_default is not None and spec.mode_default not in modes:
        raise ConfigError(f"{name}: mode_default {spec.mode_default!r} is not a mode")
    rules = []
    for i, r in enumerate(obj.get("triggers", [])):
        where = f"{name} triggers[{i}]"
        _check_keys(r, _TRIGGER_KEYS, where)
        pos = r.get("pos", "verb")
        if pos not in POS_KINDS:
            raise ConfigError(f"{where}: pos {pos!r} not in {sorted(POS_KINDS)}")
        mode = r.get("mode")
        if mode is not None and mode not in modes:
            raise ConfigError(f"{where}: mode {mode!r} is not one of {t}'s modes {sorted(modes)}")
        lemmas = _words(r.get("lemmas"), where)
        if not lemmas:
            raise ConfigError(f"{where}: no lemmas")
        rules.append(TriggerRule(
            id=str(r.get("id", f"{t.lower()}.{i}")), type=t, pos=POS_KINDS[pos], lemmas=lemmas,
            mode=mode, contexts=tuple(r.get("contexts", [])),
            requires=_words(r.get("requires"), where),
            requires_scope=_scope(r.get("requires_scope"), where, "clause"),
            also_requires=_words(r.get("also_requires"), where),
            also_scope=_scope(r.get("also_scope"), where, r.get("requires_scope", "clause")),
            unless=_words(r.get("unless"), where),
            unless_scope=_scope(r.get("unless_scope"), where, "children"),
            unless_head=_words(r.get("unless_head"), where),
            particle=_words(r.get("particle"), where),
            standalone=bool(r.get("standalone", False)),
            requires_object_actor=bool(r.get("requires_object_actor", False)),
            exclude_conditional=bool(r.get("exclude_conditional", False)),
            cameo=r.get("cameo"),
        ))
    return spec, rules


def _table(obj: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    return _words(obj.get(key), f"{where} {key}")


def build_lexicon(files: Mapping[str, str]) -> Lexicon:
    """A lexicon from ``{file name: TOML text}`` (tests build small ones this way)."""
    parsed: dict[str, dict[str, Any]] = {}
    for name, text in sorted(files.items()):
        try:
            parsed[name] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"data/events/{name}: {e}") from e
    types: dict[str, TypeSpec] = {}
    by_lemma: dict[str, list[TriggerRule]] = {}
    for name, obj in parsed.items():
        if name.startswith("_"):
            continue
        spec, rules = _type_file(name, obj)
        if spec.type in types:
            raise ConfigError(f"{name}: type {spec.type} is defined twice")
        types[spec.type] = spec
        for r in rules:
            for lem in r.lemmas:
                by_lemma.setdefault(lem, []).append(r)
    roles = parsed.get("_roles.toml", {})
    modes = parsed.get("_modes.toml", {})
    ctx = parsed.get("_contexts.toml", {})
    ops = parsed.get("_operations.toml", {})
    contexts: dict[str, list[str]] = {}
    for cname, words in ctx.get("contexts", {}).items():
        for w in _words(words, f"_contexts.toml {cname}"):
            contexts.setdefault(w, []).append(cname)
    operations = []
    for i, o in enumerate(ops.get("operations", [])):
        where = f"_operations.toml operations[{i}]"
        _check_keys(o, {"name", "country", "aliases", "note"}, where)
        operations.append(Operation(name=o["name"], country=o.get("country"),
                                    aliases=tuple(o.get("aliases", []))))
    sector_nouns: dict[str, str] = {}
    for sector, words in roles.get("sector_nouns", {}).items():
        for w in _words(words, f"_roles.toml sector_nouns.{sector}"):
            sector_nouns[w] = sector
    phrases = tuple(tuple(p.lower().split()) for p in roles.get("reciprocal_phrases", []))
    return Lexicon(
        types=types,
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        light_verbs=_table(roles, "light_verbs", "_roles.toml"),
        reciprocal=_table(roles, "reciprocal_words", "_roles.toml"),
        reciprocal_phrases=phrases,
        reciprocal_ends=frozenset({p[-1] for p in phrases} | {
            "sides", "countries", "nations", "neighbours", "neighbors", "armies",
            "militaries", "governments", "rivals", "adversaries", "foes"}),
        sector_nouns=sector_nouns,
        terror_words=_table(roles, "terror_words", "_roles.toml"),
        report_cues=_table(modes, "report_cues", "_modes.toml"),
        accuse_cues=_table(modes, "accuse_cues", "_modes.toml"),
        deny_cues=_table(modes, "deny_cues", "_modes.toml"),
        future_aux=_table(modes, "future_aux", "_modes.toml"),
        future_governors=_table(modes, "future_governors", "_modes.toml"),
        hypothetical_aux=_table(modes, "hypothetical_aux", "_modes.toml"),
        hypothetical_marks=_table(modes, "hypothetical_marks", "_modes.toml"),
        hypothetical_dets=_table(modes, "hypothetical_dets", "_modes.toml"),
        future_mods=_table(modes, "future_modifiers", "_modes.toml"),
        contexts={k: tuple(v) for k, v in contexts.items()},
        operations=tuple(operations),
        operation_light_verbs=_table(ops, "light_verbs", "_operations.toml"),
        location_preps=_table(roles, "location_preps", "_roles.toml"),
        target_preps=_table(roles, "target_preps", "_roles.toml"),
        files=tuple(sorted(files)),
    )


def data_files(directory: Path | None = None) -> dict[str, str]:
    """The pattern files, by name: the package's own, or those in ``directory``."""
    if directory is not None:
        return {p.name: p.read_text("utf-8") for p in sorted(directory.glob("*.toml"))}
    root = resources.files("chronicler").joinpath("data/events")
    return {p.name: p.read_text("utf-8") for p in sorted(root.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".toml")}


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """The lexicon, read once per process (``directory``: a user's own pattern folder)."""
    return build_lexicon(data_files(Path(directory) if directory else None))
