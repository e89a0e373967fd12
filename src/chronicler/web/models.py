"""Response models for the OpenAPI schema, derived from the records.

The export-contract shapes are built from :mod:`chronicler.records` by
:func:`export_model`: the record's fields plus ``kind`` (a record's own ``kind`` field
becomes ``<kind>_kind``, as :func:`chronicler.outputs.export.tag` does), so the API documents
exactly what the query layer returns and changes with the records.
"""

from __future__ import annotations

import copy
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from chronicler.records import (
    Actor,
    Article,
    Claim,
    Count,
    Event,
    Framing,
    Mention,
    Place,
    Quote,
    Speaker,
    Story,
    TimeExpr,
    own_kind_field,
)


def export_model(kind: str, model: type[BaseModel], *, exclude: tuple[str, ...] = (),
                 name: str | None = None, **extra: Any) -> type[BaseModel]:
    fields: dict[str, Any] = {"kind": (Literal[kind], kind)}  # type: ignore[valid-type]
    for fname, info in model.model_fields.items():
        if fname in exclude:
            continue
        fields[own_kind_field(kind) if fname == "kind" else fname] = (info.annotation, copy.copy(info))
    fields.update(extra)
    return create_model(  # type: ignore[call-overload, no-any-return]
        name or f"{model.__name__}Record", __config__=ConfigDict(extra="allow"), **fields)


ArticleRecord = export_model("article", Article)
ArticleSummary = export_model("article", Article, exclude=("text",), name="ArticleSummary")
ActorRecord = export_model("actor", Actor)
ActorListItem = export_model("actor", Actor, name="ActorListItem", n_mentions=(int, 0))
QuoteRecord = export_model("quote", Quote)
EventRecord = export_model("event", Event)
ClaimRecord = export_model("claim", Claim)
StoryRecord = export_model("story", Story)
FramingRecord = export_model("framing", Framing)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="items matching the filters, over all pages")
    limit: int
    offset: int


class ErrorDetail(BaseModel):
    code: str = Field(description="stable machine code: not_found, validation_error, ...")
    message: str
    status: int
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Analysis(BaseModel):
    mentions: list[Mention]
    times: list[TimeExpr]
    places: list[Place]
    counts: list[Count]
    quotes: list[QuoteRecord]  # type: ignore[valid-type]
    events: list[EventRecord]  # type: ignore[valid-type]
    claims: list[ClaimRecord]  # type: ignore[valid-type]
    actors: list[ActorRecord]  # type: ignore[valid-type]
    provenance: list[str]


class ArticleDetail(BaseModel):
    article: ArticleRecord  # type: ignore[valid-type]
    analysis: Analysis | None = Field(description="null when the article was never analysed")
    events: list[EventRecord] = Field(  # type: ignore[valid-type]
        description="merged events citing this article")
    claims: list[ClaimRecord] = Field(  # type: ignore[valid-type]
        description="aligned claims carried by this article")
    copies: list[ArticleSummary]  # type: ignore[valid-type]
    original: ArticleSummary | None  # type: ignore[valid-type]


class ClaimsByStatus(BaseModel):
    contested: list[ClaimRecord]  # type: ignore[valid-type]
    corroborated: list[ClaimRecord]  # type: ignore[valid-type]
    single: list[ClaimRecord]  # type: ignore[valid-type]


class SpeakerGroup(BaseModel):
    speaker: Speaker | None
    name: str
    side: str
    quotes: list[QuoteRecord]  # type: ignore[valid-type]


class SideGroup(BaseModel):
    side: str = Field(description="the speakers' country code, or 'unknown'")
    speakers: list[str]
    quotes: list[QuoteRecord]  # type: ignore[valid-type]


class QuoteGroups(BaseModel):
    by_speaker: list[SpeakerGroup]
    by_side: list[SideGroup]


class FramingRow(BaseModel):
    referent: str
    kind: str
    cells: list[list[str]] = Field(description="terms per outlet, in `outlets` order")


class FramingTable(BaseModel):
    outlets: list[str]
    rows: list[FramingRow]


class Dyad(BaseModel):
    a: str
    b: str


class Day(BaseModel):
    date: str
    count: int
    score: float
    n_conflict: int = Field(0, description="events with a negative score")
    conflict: float = Field(0.0, description="their summed score (<= 0)")
    n_cooperation: int = Field(0, description="events with a positive score")
    cooperation: float = Field(0.0, description="their summed score (>= 0)")


class StoryDay(BaseModel):
    date: str
    events: int
    articles: int


class StoryDetail(BaseModel):
    story: StoryRecord  # type: ignore[valid-type]
    articles: list[ArticleSummary]  # type: ignore[valid-type]
    cited_articles: list[ArticleSummary] = Field(  # type: ignore[valid-type]
        description="articles outside the story cited as evidence by its events")
    events: list[EventRecord]  # type: ignore[valid-type]
    claims: ClaimsByStatus
    contested_pairs: list[dict[str, Any]] = Field(
        default_factory=list, description="each contested pair once: {a: Side, b: Side}")
    quotes: QuoteGroups
    framing: list[FramingRecord]  # type: ignore[valid-type]
    framing_table: FramingTable
    dyad: Dyad | None
    dyad_timeline: list[Day] | None
    timeline: list[StoryDay]


class ActorDetail(BaseModel):
    actor: ActorRecord  # type: ignore[valid-type]
    n_mentions: int
    mentions: list[Mention]
    articles: list[ArticleSummary]  # type: ignore[valid-type]
    cited_articles: list[ArticleSummary] = Field(  # type: ignore[valid-type]
        description="other articles cited as evidence by its events")
    quotes: list[QuoteRecord]  # type: ignore[valid-type]
    n_quotes: int
    events: list[EventRecord]  # type: ignore[valid-type]
    n_events: int


class ClaimDetail(BaseModel):
    claim: ClaimRecord  # type: ignore[valid-type]
    contested_by: list[ClaimRecord]  # type: ignore[valid-type]
    articles: list[ArticleSummary]  # type: ignore[valid-type]


class TimelineRow(BaseModel):
    kind: Literal["timeline"] = "timeline"
    date: str
    actor: str
    recipient: str
    n_events: int
    score_sum: float
    n_conflict: int
    conflict_sum: float
    n_cooperation: int
    cooperation_sum: float


class Side(BaseModel):
    """One side of a contested claim: who says it, and where (outlet, date)."""

    id: str
    text: str
    who: str
    asserted_by: dict[str, Any] | None
    hedge: str
    polarity: str
    n_sources: int
    sources: list[dict[str, Any]]


class ClaimSides(BaseModel):
    a: Side | None
    b: list[Side]


class OutletEvidence(BaseModel):
    outlet: str
    n_articles: int
    items: list[dict[str, Any]]


class EventDetail(BaseModel):
    event: EventRecord  # type: ignore[valid-type]
    by_outlet: list[OutletEvidence]


class SearchHit(BaseModel):
    kind: Literal["article", "quote", "claim"]
    id: str
    article_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    text: str | None = Field(description="the quote or claim text; null for articles")


class IngestError(BaseModel):
    source: str
    reason: str
    message: str


class IngestJob(BaseModel):
    id: str
    state: Literal["queued", "running", "done", "failed"]
    inputs: list[str]
    stage: str
    docs: int
    summary: dict[str, Any] | None
    errors: list[IngestError]
    message: str | None
    started_at: float
    finished_at: float | None
