"""Typed records: one schema drives storage, exports, the API and the UI.

Field names of the ``*Record`` classes that appear in the export contract
(../shared/ARCHITECTURE.md) must not change; add fields instead.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SourceKind = Literal["txt", "html", "jsonl", "feed", "warc", "url"]
Precision = Literal["day", "month", "year"]


def content_id(*parts: str | None, n: int = 16) -> str:
    """Stable id from content: same parts, same id, on every machine and engine."""
    # (the parts joined, each ended by the separator, and hashed by one update: the same
    # digest as feeding them one by one, with two calls per part fewer)
    text = "\x1f".join([p or "" for p in parts]) + "\x1f"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def own_kind_field(kind: str) -> str:
    """Where a record's own ``kind`` field (a quote's direct/indirect, a claim's
    action/number) goes in the export shape, so it never shadows the record kind."""
    return f"{kind}_kind"


def tag(kind: str, d: dict[str, Any]) -> dict[str, Any]:
    """The export contract's shape of a record dict: ``kind`` first, the record's own
    ``kind`` moved to ``own_kind_field(kind)``. The one kind-tag rule: exports, read
    models and the REST schema all follow it."""
    d = dict(d)
    if "kind" in d:
        d[own_kind_field(kind)] = d.pop("kind")
    return {"kind": kind, **d}


def record(kind: str, r: BaseModel) -> dict[str, Any]:
    """Any record as the dict ``chronicler export`` writes for it."""
    return tag(kind, r.model_dump(mode="json"))


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


# --------------------------------------------------------------------------- ingest
class RawDoc(Record):
    """What a reader yields: one document's text before cleaning.

    Readers that get HTML (html files, jsonl ``html``, feeds, WARC, URLs) extract the
    main text themselves (trafilatura, in a time-limited worker), so ``text`` is
    always plain text. Metadata fields hold whatever the source declared
    (``published`` is a raw string; cleaning normalises it).
    """

    source_path: str  # file path, URL, or "feed.xml#item-3", "cc.warc.gz#rec-12"
    source_kind: SourceKind
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    raw_hash: str = ""  # sha1 of the raw bytes/record; keys the ingest shard
    notes: list[str] = Field(default_factory=list)  # e.g. "encoding:cp1252", "truncated"


class Article(Record):
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: _dt.date | None = None
    published_inferred: bool = False
    language: str | None = None
    duplicate_of: str | None = None
    source_path: str = ""
    text: str = ""
    # beyond the contract
    source_kind: SourceKind | None = None
    dup_group: str | None = None  # id of the group's canonical article
    text_hash: str = ""
    n_words: int = 0
    notes: list[str] = Field(default_factory=list)  # e.g. "truncated", "encoding:cp1252"
    # "--MM-DD": the latest date in a text that never states a year; the corpus lends it.
    published_partial: str | None = None


# ---------------------------------------------------------------- understanding
ActorType = Literal["PERSON", "ORG", "COUNTRY", "GROUP"]


class Actor(Record):
    id: str
    name: str
    type: ActorType
    country: str | None = None  # ISO3 or PLOVER code (IGO, UNO, ISM, ...)
    sector: str | None = None  # GOV, MIL, SPY, REB, LEG, ...
    aliases: list[str] = Field(default_factory=list)


class Speaker(Record):
    name: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None


class Mention(Record):
    """One span of text that refers to an actor."""

    article_id: str
    actor_id: str
    text: str
    span: tuple[int, int]
    label: str  # PERSON, ORG, GPE, NORP, PRON, TITLE (coreference), ...
    country: str | None = None
    sector: str | None = None
    sentence: int = 0


class TimeExpr(Record):
    article_id: str
    text: str
    span: tuple[int, int]
    date: _dt.date | None
    end_date: _dt.date | None = None  # ranges: "from May 7 to May 10"
    precision: Precision = "day"
    relative: bool = False  # resolved against the publication date


class Place(Record):
    article_id: str
    text: str  # the surface term as written ("PoK")
    span: tuple[int, int]
    name: str  # canonical referent ("Pakistan-administered Kashmir")
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    disputed: bool = False


class Count(Record):
    article_id: str
    text: str
    span: tuple[int, int]
    number: float
    object: str
    verb: str | None = None
    precision: Literal["exact", "over", "about", "under"] = "exact"


class Quote(Record):
    id: str
    article_id: str
    text: str
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None
    span: tuple[int, int]
    kind: Literal["direct", "indirect", "according_to"] = "direct"


class IngestError(Record):
    source: str
    reason: str
    message: str


class Analysis(Record):
    """Everything the understanding stages produced for one article."""

    article_id: str
    actors: list[Actor] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    provenance: list[str] = Field(default_factory=list)  # stage names + model version


# ------------------------------------------------------------------------ events
class EventActor(Record):
    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None


class Evidence(Record):
    article_id: str
    text: str  # the sentence
    span: tuple[int, int]  # of the sentence in the article text


class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Size(Record):
    dead: int | None = None
    injured: int | None = None


class Event(Record):
    """A PLOVER event. Per-article events have one evidence item; merged events many."""

    id: str
    type: str  # PLOVER type: ASSAULT, ACCUSE, ...
    mode: list[str] = Field(default_factory=list)
    cameo: str | None = None  # CAMEO root code "19"
    actor: list[EventActor] = Field(default_factory=list)
    recipient: list[EventActor] = Field(default_factory=list)
    date: _dt.date | None = None
    date_precision: Precision | None = None
    # True when no article dates the event and ``date`` is when it was first reported.
    date_reported: bool = False
    location: Location | None = None
    size: Size | None = None
    negated: bool = False
    score: float = 0.0
    evidence: list[Evidence] = Field(default_factory=list)
    n_articles: int = 1
    n_sources: int = 1
    # beyond the contract
    contexts: list[str] = Field(default_factory=list)
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    reported_by: EventActor | None = None  # "Pakistan claims India struck ...": Pakistan
    operation: str | None = None  # "Operation Sindoor"
    trigger: str = ""  # the word that triggered the pattern
    pattern: str = ""  # pattern name, for provenance
    article_ids: list[str] = Field(default_factory=list)


# ------------------------------------------------------------------------ claims
class Asserter(Record):
    name: str
    country: str | None = None
    actor_id: str | None = None
    sector: str | None = None


class ClaimEvidence(Record):
    article_id: str
    outlet: str | None = None
    text: str  # the sentence or quote carrying the claim
    span: tuple[int, int]
    asserted_by: Asserter | None = None
    hedge: str = "asserted"


class Claim(Record):
    """A check-worthy proposition. Per-article claims have one evidence item; aligned
    claims (one group across articles) carry every article's evidence."""

    id: str
    text: str
    asserted_by: Asserter | None = None
    attribution: Literal["direct", "reported", "unnamed", "outlet"] = "outlet"
    hedge: Literal["asserted", "reported", "alleged", "speculative", "denied"] = "asserted"
    article_ids: list[str] = Field(default_factory=list)
    status: Literal["single", "corroborated", "contested"] = "single"
    contested_by: list[str] = Field(default_factory=list)
    n_sources: int = 1
    # beyond the contract
    kind: str = "action"  # action, number, accusation, causal, denial
    polarity: Literal["pos", "neg"] = "pos"
    entities: list[str] = Field(default_factory=list)  # actor countries / names it is about
    numbers: list[float] = Field(default_factory=list)
    quote_id: str | None = None
    target_text: str | None = None  # for denials: what is denied
    evidence: list[ClaimEvidence] = Field(default_factory=list)
    group_id: str | None = None  # per-article claims: the aligned group they joined
    # The merged events its sentence reports, and their relations ("ASSAULT:IND>PAK",
    # negation aside): what proposition the claim is about, when the events say.
    event_ids: list[str] = Field(default_factory=list)
    propositions: list[str] = Field(default_factory=list)
    story_id: str | None = None


class Story(Record):
    id: str
    title: str
    article_ids: list[str] = Field(default_factory=list)
    event_ids: list[str] = Field(default_factory=list)
    claim_ids: list[str] = Field(default_factory=list)
    start: _dt.date | None = None
    end: _dt.date | None = None
    outlets: list[str] = Field(default_factory=list)
    # "crisis": everything about one conflict or crisis; "event": one happening in it
    # (an attack, the strikes, a ceasefire), found from shared coverage ("coverage") or
    # from the merged events several articles report ("events"). An article belongs to
    # one crisis and to any number of happenings.
    level: Literal["crisis", "event"] = "event"
    basis: Literal["coverage", "events", "articles"] = "coverage"
    parent_id: str | None = None


class FramingVariant(Record):
    term: str
    article_ids: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    count: int = 0
    scare_quoted: bool = False


class Framing(Record):
    story_id: str
    referent: str
    variants: list[FramingVariant] = Field(default_factory=list)
    kind: str = "place"  # place, actor, label (militants/terrorists), term


Analysis.model_rebuild()
