"""Server-rendered pages: the same query calls as the API, rendered with Jinja
(autoescape on). Form fields arrive as strings, so an empty field means no filter."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from chronicler.store import Store
from chronicler.views import query as Q
from chronicler.web.deps import Limit, Offset, get_store, opt, page_date, render
from chronicler.web.highlight import KINDS, article_marks, highlight

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]
Field = Annotated[str | None, Query(max_length=200)]
PAGE = 50


def _now(store: Store) -> str:
    """The database clock, the one ``since`` compares ``ingested_at`` with (as
    ``/api/live/new`` answers it): a list page carries it so that app.js can mark, on
    the next visit, what was stored after this one."""
    row = store.conn.execute("SELECT CAST(current_timestamp AS TIMESTAMP)").fetchone()
    return row[0].isoformat() if row and row[0] is not None else ""


def _filters(**kw: Any) -> Q.Filters:
    out: dict[str, Any] = {}
    for k, v in kw.items():
        if k in ("date_from", "date_to"):
            out[k] = page_date(v, "from" if k == "date_from" else "to")
        else:
            out[k] = opt(v)
    return Q.Filters(**out)


@router.get("/")
def index(request: Request, store: StoreDep, limit: Limit = PAGE,
          offset: Offset = 0) -> HTMLResponse:
    stories = Q.list_stories(store, limit=limit, offset=offset)
    recent = None
    if stories["total"] == 0:
        recent = Q.list_articles(store, limit=20, text=False)
    return render(request, "index.html", nav="stories", stories=stories, recent=recent,
                  counts=Q.counts(store), now=_now(store))


@router.get("/stories/{story_id}")
def story(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    s = Q.get_story(store, story_id)
    names = {}
    if s["dyad"]:
        names = {c: Q.country_name(store, c) for c in (s["dyad"]["a"], s["dyad"]["b"])}
    return render(request, "story.html", nav="stories", s=s, names=names)


@router.get("/articles")
def articles(request: Request, store: StoreDep, outlet: Field = None, actor: Field = None,
             country: Field = None, type: Field = None, story: Field = None,
             date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
             date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
             limit: Limit = PAGE, offset: Offset = 0) -> HTMLResponse:
    f = _filters(outlet=outlet, actor=actor, country=country, type=type, story=story,
                 date_from=date_from, date_to=date_to)
    page = Q.list_articles(store, f, limit=limit, offset=offset, text=False)
    return render(request, "articles.html", nav="articles", page=page, f=f,
                  outlets=Q.outlets(store), now=_now(store))


DEFAULT_LAYERS = ("event", "quote")


def _layers(value: str | None) -> tuple[str, ...]:
    """The highlight layers a link asks for (``?layer=claim`` or ``event,quote``),
    events and quotes otherwise; an unknown layer is a 422 naming the nearest."""
    if not value:
        return DEFAULT_LAYERS
    return tuple(_one_layer(v) for v in value.split(",") if v.strip())


def _one_layer(v: str) -> str:
    from chronicler.views.validate import one_of

    return one_of("layer", v, KINDS) or v


@router.get("/articles/{article_id}")
def article(request: Request, store: StoreDep, article_id: str,
            layer: Annotated[str | None, Query(max_length=100)] = None) -> HTMLResponse:
    d = Q.get_article(store, article_id)  # the id or a unique prefix
    an = d["analysis"]
    names = {a["id"]: a["name"] for a in (an or {}).get("actors", [])}
    marks = article_marks(d["article"]["id"], an, d["events"], d["claims"], names)
    counts = {k: 0 for k in KINDS}
    for m in marks:
        counts[m.kind] += 1
    shown = _layers(layer)
    return render(request, "article.html", nav="articles", d=d, a=d["article"], an=an,
                  names=names, text_html=highlight(d["article"]["text"], marks),
                  mark_counts=counts, shown=shown,
                  hidden=" ".join(f"hide-{k}" for k in KINDS if k not in shown))


@router.get("/events/{event_id}")
def event(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    d = Q.event_detail(store, event_id)
    return render(request, "event.html", nav="events", d=d, e=d["event"])


@router.get("/actors")
def actors(request: Request, store: StoreDep, country: Field = None, type: Field = None,
           q: Field = None, limit: Limit = PAGE, offset: Offset = 0) -> HTMLResponse:
    f = _filters(country=country, type=type, q=q)
    page = Q.list_actors(store, f, limit=limit, offset=offset)
    return render(request, "actors.html", nav="actors", page=page, f=f)


@router.get("/actors/{actor_id}")
def actor(request: Request, store: StoreDep, actor_id: str) -> HTMLResponse:
    d = Q.get_actor(store, actor_id)
    return render(request, "actor.html", nav="actors", d=d, a=d["actor"])


@router.get("/events")
def events(request: Request, store: StoreDep, type: Field = None, country: Field = None,
           actor: Field = None, outlet: Field = None, story: Field = None,
           date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
           date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
           limit: Limit = PAGE, offset: Offset = 0) -> HTMLResponse:
    f = _filters(type=type, country=country, actor=actor, outlet=outlet, story=story,
                 date_from=date_from, date_to=date_to)
    page = Q.list_events(store, f, limit=limit, offset=offset)
    return render(request, "events.html", nav="events", page=page, f=f,
                  outlets=Q.outlets(store), now=_now(store))


@router.get("/claims")
def claims(request: Request, store: StoreDep, status: Field = None, type: Field = None,
           country: Field = None, outlet: Field = None, story: Field = None,
           limit: Limit = PAGE, offset: Offset = 0) -> HTMLResponse:
    f = _filters(status=status, type=type, country=country, outlet=outlet, story=story)
    page = Q.list_claims(store, f, limit=limit, offset=offset)
    return render(request, "claims.html", nav="claims", page=page, f=f,
                  outlets=Q.outlets(store), now=_now(store))


@router.get("/quotes")
def quotes(request: Request, store: StoreDep, country: Field = None, type: Field = None,
           outlet: Field = None, actor: Field = None, story: Field = None,
           limit: Limit = PAGE, offset: Offset = 0) -> HTMLResponse:
    f = _filters(country=country, type=type, outlet=outlet, actor=actor, story=story)
    page = Q.list_quotes(store, f, limit=limit, offset=offset)
    return render(request, "quotes.html", nav="quotes", page=page, f=f,
                  outlets=Q.outlets(store), now=_now(store))


@router.get("/search")
def search(request: Request, store: StoreDep,
           q: Annotated[str, Query(max_length=200)] = "", kind: Field = None,
           limit: Limit = PAGE, offset: Offset = 0) -> HTMLResponse:
    kinds = [kind] if kind in ("article", "quote", "claim") else None
    page = Q.search(store, q, kinds=kinds, limit=limit, offset=offset)  # type: ignore[arg-type]
    return render(request, "search.html", nav="search", page=page, q=q, kind=kind,
                  tokens=Q.tokens(q))


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema (Swagger UI would load
    scripts from a CDN and inline, which the CSP forbids)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description", ""),
                       "type": _type_name(p.get("schema", {}))}
                      for p in op.get("parameters", [])]
            ok = next((c for c in op["responses"] if c.startswith("2")), "200")
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params,
                        "tag": (op.get("tags") or [""])[0], "status": ok,
                        "errors": sorted(c for c in op["responses"] if not c.startswith("2"))})
    return render(request, "docs.html", nav=None, info=schema["info"], ops=ops)


def _type_name(s: dict[str, Any]) -> str:
    if "anyOf" in s:
        return " | ".join(_type_name(x) for x in s["anyOf"] if x.get("type") != "null")
    if "enum" in s:
        return " | ".join(str(x) for x in s["enum"])
    if s.get("type") == "array":
        return f"list of {_type_name(s.get('items', {}))}"
    return str(s.get("format") or s.get("type") or "")


@router.get("/ingest")
def ingest(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", nav="ingest")
