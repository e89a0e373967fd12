"""The JSON API: every route is one call into :mod:`chronicler.views.query`."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile

from chronicler.ingest.hygiene import clean_path
from chronicler.store import Store
from chronicler.text.terminal import for_terminal
from chronicler.views import query as Q
from chronicler.web import models as M
from chronicler.web.deps import (
    Country,
    DateFrom,
    DateTo,
    IdParam,
    Limit,
    Offset,
    Outlet,
    SearchQ,
    Since,
    TypeParam,
    get_store,
    known_params,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": M.ErrorBody, "description": "no such record"},
    422: {"model": M.ErrorBody, "description": "a parameter is invalid"},
    500: {"model": M.ErrorBody, "description": "server error"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": M.ErrorBody, "description": "a token is required"},
    403: {"model": M.ErrorBody, "description": "wrong token, or a cross-site request"},
    409: {"model": M.ErrorBody, "description": "an ingest job is already running"},
    413: {"model": M.ErrorBody, "description": "upload too large"},
}
MAX_FILES = 50
WRITE_PATHS = frozenset({"/api/ingest"})  # the routes that change the database

router = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(known_params)])
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/articles", response_model=M.Page[M.ArticleRecord], tags=["articles"])  # type: ignore[valid-type]
def articles(store: StoreDep, story: IdParam = None, actor: IdParam = None,
             country: Country = None, type: TypeParam = None, outlet: Outlet = None,
             date_from: DateFrom = None, date_to: DateTo = None, since: Since = None,
             limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Articles by publication date; `type` keeps articles reporting an event of that type."""
    f = Q.Filters(story=story, actor=actor, country=country, type=type, outlet=outlet,
                  date_from=date_from, date_to=date_to, since=since)
    return Q.list_articles(store, f, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=M.ArticleDetail, tags=["articles"])
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """One article with its analysis and the merged events and claims citing it."""
    return Q.get_article(store, article_id)


@router.get("/events", response_model=M.Page[M.EventRecord], tags=["events"])  # type: ignore[valid-type]
def events(store: StoreDep, story: IdParam = None, actor: IdParam = None,
           article: IdParam = None, country: Country = None, type: TypeParam = None,
           outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
           since: Since = None, limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Events by date (merged across articles once merging has run)."""
    f = Q.Filters(story=story, actor=actor, article=article, country=country, type=type,
                  outlet=outlet, date_from=date_from, date_to=date_to, since=since)
    return Q.list_events(store, f, limit=limit, offset=offset)


@router.get("/events/{event_id}", response_model=M.EventRecord, tags=["events"])
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return Q.get_event(store, event_id)


@router.get("/quotes", response_model=M.Page[M.QuoteRecord], tags=["quotes"])  # type: ignore[valid-type]
def quotes(store: StoreDep, story: IdParam = None, actor: IdParam = None,
           article: IdParam = None, country: Country = None,
           type: Annotated[str | None, Query(
               max_length=40, description="direct, indirect or according_to")] = None,
           outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
           since: Since = None, limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Quotes; `actor` and `country` are the speaker's."""
    f = Q.Filters(story=story, actor=actor, article=article, country=country, type=type,
                  outlet=outlet, date_from=date_from, date_to=date_to, since=since)
    return Q.list_quotes(store, f, limit=limit, offset=offset)


@router.get("/claims", response_model=M.Page[M.ClaimRecord], tags=["claims"])  # type: ignore[valid-type]
def claims(store: StoreDep, story: IdParam = None, actor: IdParam = None,
           article: IdParam = None, country: Country = None, type: TypeParam = None,
           status: Annotated[str | None, Query(
               max_length=40, description="single, corroborated or contested")] = None,
           outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
           since: Since = None, limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Claims, contested first; `type` is the claim kind (action, number, denial, ...)."""
    f = Q.Filters(story=story, actor=actor, article=article, country=country, type=type,
                  status=status, outlet=outlet, date_from=date_from, date_to=date_to,
                  since=since)
    return Q.list_claims(store, f, limit=limit, offset=offset)


@router.get("/claims/{claim_id}", response_model=M.ClaimDetail, tags=["claims"])
def claim(store: StoreDep, claim_id: str) -> dict[str, Any]:
    return Q.get_claim(store, claim_id)


@router.get("/stories", response_model=M.Page[M.StoryRecord], tags=["stories"])  # type: ignore[valid-type]
def stories(store: StoreDep, actor: IdParam = None, country: Country = None,
            outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
            since: Since = None, limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    f = Q.Filters(actor=actor, country=country, outlet=outlet, date_from=date_from,
                  date_to=date_to, since=since)
    return Q.list_stories(store, f, limit=limit, offset=offset)


@router.get("/stories/{story_id}", response_model=M.StoryDetail, tags=["stories"])
def story(store: StoreDep, story_id: str) -> dict[str, Any]:
    """A story: events, claims by status, quotes by speaker and side, framing, dyad."""
    return Q.get_story(store, story_id)


@router.get("/actors", response_model=M.Page[M.ActorListItem], tags=["actors"])  # type: ignore[valid-type]
def actors(store: StoreDep, country: Country = None,
           type: Annotated[str | None, Query(
               max_length=40, description="PERSON, ORG, COUNTRY or GROUP")] = None,
           q: Annotated[str | None, Query(max_length=100)] = None, story: IdParam = None,
           article: IdParam = None, since: Since = None, limit: Limit = 50,
           offset: Offset = 0) -> Q.Page:
    """Actors, most mentioned first; `q` matches name or alias."""
    f = Q.Filters(country=country, type=type, q=q, story=story, article=article,
                  since=since)
    return Q.list_actors(store, f, limit=limit, offset=offset)


@router.get("/actors/{actor_id}", response_model=M.ActorDetail, tags=["actors"])
def actor(store: StoreDep, actor_id: str) -> dict[str, Any]:
    return Q.get_actor(store, actor_id)


@router.get("/framing", response_model=M.Page[M.FramingRecord], tags=["stories"])  # type: ignore[valid-type]
def framing(store: StoreDep, story: IdParam = None, outlet: Outlet = None,
            type: Annotated[str | None, Query(
                max_length=40, description="place, actor, label or term")] = None,
            since: Since = None, limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Each outlet's terms for the same place, actor or label, per story."""
    f = Q.Filters(story=story, outlet=outlet, type=type, since=since)
    return Q.list_framing(store, f, limit=limit, offset=offset)


@router.get("/timeline", response_model=M.Page[M.TimelineRow], tags=["events"])  # type: ignore[valid-type]
def timeline(store: StoreDep,
             a: Annotated[str, Query(min_length=1, max_length=60,
                                     description="country code or name")],
             b: Annotated[str, Query(min_length=1, max_length=60,
                                     description="country code or name")],
             directed: Annotated[bool, Query(
                 description="only a -> b (default: both directions, everywhere)")
             ] = Q.DIRECTED_DEFAULT,
             story: IdParam = None, type: TypeParam = None, date_from: DateFrom = None,
             date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Events per day and direction between countries a and b: count and summed
    PLOVER score, with conflict (score < 0) and cooperation (> 0) counted apart."""
    f = Q.Filters(story=story, type=type, date_from=date_from, date_to=date_to)
    return Q.timeline(store, a, b, directed=directed, filters=f, limit=limit, offset=offset)


@router.get("/search", response_model=M.Page[M.SearchHit], tags=["search"])  # type: ignore[valid-type]
def search(store: StoreDep, q: SearchQ = "",
           kind: Annotated[list[Literal["article", "quote", "claim"]] | None, Query()] = None,
           outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
           limit: Limit = 50, offset: Offset = 0) -> Q.Page:
    """Articles, quotes and claims containing every word or "quoted phrase" of `q`."""
    f = Q.Filters(outlet=outlet, date_from=date_from, date_to=date_to)
    return Q.search(store, q, kinds=kind, filters=f, limit=limit, offset=offset)


# ------------------------------------------------------------------------ ingest
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, taken: set[str]) -> str:
    """A plain file name (no directories, no odd characters) that is not taken yet;
    the extension is kept because the readers dispatch on it."""
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload"
    base = base[-120:]
    stem, dot, ext = base.rpartition(".")
    out, n = base, 1
    while out in taken:
        out = f"{stem}-{n}.{ext}" if dot else f"{base}-{n}"
        n += 1
    taken.add(out)
    return out


def upload_label(filename: str, fallback: str) -> str:
    """The name an upload is recorded under: the client's own file name, without the
    folders some browsers send, control characters or lone surrogates."""
    base = Path(filename.replace("\\", "/")).name
    return " ".join(for_terminal(clean_path(base)).split())[:200] or fallback


@router.post("/ingest", status_code=202, response_model=M.IngestJob, tags=["ingest"],
             responses=WRITE_ERRORS)
async def ingest(request: Request,
                 files: Annotated[list[UploadFile] | None, File(
                     description="article files: txt, html, jsonl, rss/atom, warc, zip")] = None,
                 url: Annotated[str | None, Form(max_length=2000,
                                                 description="an article or feed URL")] = None,
                 ) -> dict[str, Any]:
    """Start ingesting uploaded files and/or a URL in the background; poll
    `GET /api/ingest/{id}`. Needs the server's token when it has one."""
    url = (url or "").strip() or None
    uploads = [f for f in files or [] if f.filename]
    if not uploads and not url:
        raise HTTPException(422, "give files, a url, or both")
    if url and not re.match(r"(?i)^https?://", url):
        raise HTTPException(422, "url must start with http:// or https://")
    if len(uploads) > MAX_FILES:
        raise HTTPException(413, f"at most {MAX_FILES} files per upload")
    cap = request.app.state.settings.max_input_bytes
    tmp = Path(tempfile.mkdtemp(prefix="chronicler-upload-"))
    names: list[str] = []
    paths: list[str] = []
    labels: dict[str, str] = {}  # saved path -> the upload's own name, for source_path
    taken: set[str] = set()
    try:
        for up in uploads:
            name = safe_filename(up.filename or "upload", taken)
            size = 0
            with (tmp / name).open("wb") as out:
                while chunk := await up.read(1 << 20):
                    size += len(chunk)
                    if size > cap:
                        raise HTTPException(413, f"{name}: larger than {cap} bytes")
                    out.write(chunk)
            names.append(name)
            paths.append(str(tmp / name))
            labels[str(tmp / name)] = upload_label(up.filename or "", name)
        if url:
            names.append(url)
            paths.append(url)
        job = request.app.state.jobs.submit(names, paths, cleanup=tmp, labels=labels)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dict(job.as_dict())


@router.get("/ingest/{job_id}", response_model=M.IngestJob, tags=["ingest"])
def ingest_status(request: Request, job_id: str) -> dict[str, Any]:
    """Progress of an ingest job: state, stage, documents read, and the summary."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id!r}")
    return dict(job.as_dict())
