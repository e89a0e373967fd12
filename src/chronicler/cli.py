"""Command line: a thin layer that parses arguments and calls :mod:`chronicler.api`.

Exit codes: 0 everything stored, 1 some inputs skipped, 2 nothing usable, a usage
error, or a database problem (one ``[CHR-...]`` line on stderr, never a traceback).
Read commands open the database read-only.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from chronicler import api
from chronicler.config import Settings
from chronicler.errors import ChroniclerError
from chronicler.run.commit import IngestSummary
from chronicler.store import Store
from chronicler.store.health import translate
from chronicler.text.terminal import for_terminal


class _Commands(TyperGroup):
    """Any chronicler or database error a command lets through ends it as one
    ``[CHR-...]`` line on stderr and exit 2 (a traceback is for bugs only)."""

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context
        try:
            return super().invoke(ctx)
        except ChroniclerError as e:
            _fail(e)
        except duckdb.Error as e:
            _fail(translate(e))
        except OSError as e:  # an output path that cannot be written, a full disk
            where = f"{e.filename}: " if e.filename else ""
            _fail(ChroniclerError(f"{where}{e.strerror or e}", code="CHR-IO"))


def _fail(e: ChroniclerError) -> None:
    typer.echo(" ".join(for_terminal(str(e)).split()), err=True)
    raise typer.Exit(2) from e


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    help="chronicler: turn news coverage of a crisis into evidence you can check.",
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # soft_wrap: an error stays one line

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB file (default: $CHRONICLER_DB, else the user data dir)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _settings(db: Path | None) -> Settings:
    try:
        return Settings.from_env(db=db)
    except ChroniclerError as e:
        err.print(f"[red]{e}[/red]")
        raise typer.Exit(2) from e


def _verbose(v: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if v else logging.WARNING,
        format="%(asctime)s %(name)s %(message)s",
        stream=sys.stderr,
    )


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories or http(s) URLs.")],
    db: DbOpt = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching loopback/private addresses.")
    ] = False,
    as_json: JsonOpt = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Log each shard.")] = False,
    engine: Annotated[str, typer.Option(help="local, or ray for a Ray cluster.")] = "local",
    address: Annotated[str | None, typer.Option(
        help="Ray cluster: auto or ray://host:10001 (implies --engine ray).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes / Ray actors.")] = None,
) -> None:
    """Read, clean, de-duplicate, understand and store articles; print a summary."""
    _verbose(verbose)
    settings = _settings(db)
    try:
        store = api.open_store(settings.db)
    except ChroniclerError as e:
        err.print(f"[red]{e}[/red]")
        raise typer.Exit(2) from e
    with store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
        TextColumn("{task.completed} docs"), TimeElapsedColumn(),
        console=err, transient=True, disable=as_json or not err.is_terminal,
    ) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(event: str, n: int) -> None:
            if event == "docs":
                bar.advance(task, n)
            elif event.startswith("stage:"):
                bar.update(task, description=event[6:])

        try:
            summary = api.ingest(inputs, store=store, settings=settings,
                                 allow_private=allow_private, progress=progress,
                                 engine="ray" if address else engine, address=address,
                                 workers=workers)
        except ChroniclerError as e:
            err.print(f"[red]{_esc(str(e))}[/red]")
            raise typer.Exit(2) from e
    if as_json:
        _echo_json({**summary.as_dict(), "db": str(settings.db),
                    "errors": [e.model_dump() for e in summary.errors]})
    else:
        _print_summary(summary, settings)
    raise typer.Exit(summary.exit_code)


def _echo_json(obj: object) -> None:
    # Plain stdout, not rich: rich wraps long strings, which would break the JSON.
    typer.echo(json.dumps(obj, indent=2, ensure_ascii=False))


def _print_summary(s: IngestSummary, settings: Settings) -> None:
    t = Table(title="ingest summary", show_header=False, title_justify="left")
    t.add_column(style="bold")
    t.add_column(justify="right")
    for k, v in [("read", s.read), ("stored (new)", s.stored),
                 ("already stored", s.already_stored), ("duplicates", s.duplicates),
                 ("skipped", s.skipped), ("seconds", f"{s.seconds:.2f}")]:
        t.add_row(k, str(v))
    out.print(t)
    if s.errors:
        e = Table(title="skipped inputs", title_justify="left")
        e.add_column("source", overflow="fold")
        e.add_column("reason")
        e.add_column("message", overflow="fold")
        for x in s.errors[:50]:
            e.add_row(_esc(x.source), x.reason, _esc(x.message))
        out.print(e)
        if len(s.errors) > 50:
            out.print(f"... and {len(s.errors) - 50} more (see the ingest_errors table)")
    out.print(f"database: {settings.db}")


def _esc(s: str) -> str:
    # Article-derived text is untrusted: never let it be read as rich markup, nor
    # its escape sequences reach the terminal.
    return escape(for_terminal(s))


@app.command()
def articles(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
) -> None:
    """List stored articles."""
    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        rows = api.articles(store, outlet=outlet, limit=limit)
    if as_json:
        _echo_json([a.model_dump(mode="json", exclude={"text"}) for a in rows])
        return
    t = Table(title=f"{len(rows)} articles", title_justify="left")
    for c in ("id", "published", "outlet", "title", "dup of"):
        t.add_column(c, overflow="fold")
    for a in rows:
        pub = "" if a.published is None else a.published.isoformat() + ("*" if a.published_inferred else "")
        t.add_row(a.id[:10], pub, _esc(a.outlet or ""), _esc((a.title or "")[:70]),
                  (a.duplicate_of or "")[:10])
    out.print(t)
    out.print("* date inferred from the text")


@app.command("export")
def export_cmd(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="Output file or directory.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, or plover (events in PLOVER's fields).")] = "jsonl",
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Only these kinds.")] = None,
    db: DbOpt = None,
) -> None:
    """Export records following the export contract."""
    settings = _settings(db)
    try:
        with api.open_store(settings.db, read_only=True) as store:
            counts = api.export(store, out_path, fmt, kind)
    except ChroniclerError as e:
        err.print(f"[red]{_esc(str(e))}[/red]")
        raise typer.Exit(2) from e
    out.print(f"wrote {out_path}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@app.command()
def demo(db: DbOpt = None) -> None:
    """Ingest the bundled demo corpus (a fictional crisis) and show what was found."""
    from chronicler.demo import CORPUS_DIR

    settings = _settings(db)
    if db is None and "CHRONICLER_DB" not in os.environ:
        settings = Settings.from_env(db=settings.db.with_name("chronicler-demo.duckdb"))
    with api.open_store(settings.db) as store:
        summary = api.ingest([str(CORPUS_DIR)], store=store, settings=settings)
        _print_summary(summary, settings)
        _print_found(store)
    raise typer.Exit(0 if summary.exit_code < 2 else 2)


def _print_found(store: Store) -> None:
    t = Table(title="what chronicler found", title_justify="left", show_header=False)
    t.add_column(style="bold")
    t.add_column(justify="right")
    for label, table in [("articles", "articles"), ("actors", "actors"),
                         ("actor mentions", "mentions"), ("dates", "times"),
                         ("places", "places"), ("counts", "counts"), ("quotes", "quotes"),
                         ("events (merged)", "events"), ("claims (aligned)", "claims"),
                         ("stories", "stories"), ("framing records", "framing")]:
        t.add_row(label, str(store.count(table)))
    out.print(t)

    groups = store.conn.execute(
        "SELECT c.title, c.outlet, count(*) FROM articles d JOIN articles c "
        "ON d.duplicate_of = c.id GROUP BY c.title, c.outlet ORDER BY 1").fetchall()
    if groups:
        g = Table(title="wire copies (counted once as a source)", title_justify="left")
        g.add_column("original", overflow="fold")
        g.add_column("outlet")
        g.add_column("copies", justify="right")
        for title, outlet, n in groups:
            g.add_row(_esc(title or ""), _esc(outlet or ""), str(n))
        out.print(g)

    seen: set[str] = set()
    quotes = []
    for x in store.per_article("quotes", where="direct AND length(text) > 25 AND article_id IN "
                               "(SELECT id FROM articles WHERE duplicate_of IS NULL)"):
        if x.text not in seen and x.speaker is not None:
            seen.add(x.text)
            quotes.append(x)
    quotes = quotes[:8]
    if quotes:
        q = Table(title="some direct quotes", title_justify="left")
        q.add_column("speaker")
        q.add_column("country")
        q.add_column("quote", overflow="fold")
        for x in quotes:
            sp = x.speaker
            q.add_row(_esc(sp.name if sp else "?"), (sp.country or "") if sp else "",
                      _esc(x.text[:90]))
        out.print(q)


Column = tuple[str, Callable[[dict[str, Any]], object]]


def _page_cmd(kind: str, fetch: Callable[[], Mapping[str, Any]], cols: list[Column],
              as_json: bool) -> None:
    page = fetch()
    if as_json:
        _echo_json(page)
        return
    t = Table(title=f"{len(page['items'])} of {page['total']} {kind}", title_justify="left")
    for name, _ in cols:
        t.add_column(name, overflow="fold")
    for item in page["items"]:
        t.add_row(*[_esc(str(fn(item) or "")) for _, fn in cols])
    out.print(t)


@app.command()
def actors(
    db: DbOpt = None, as_json: JsonOpt = False,
    country: Annotated[str | None, typer.Option(help="Only this country code.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many (max 200).")] = 30,
) -> None:
    """Actors, most mentioned first, with country and sector."""
    from chronicler.views import query

    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        _page_cmd("actors", lambda: query.list_actors(
            store, query.Filters(country=country), limit=limit), [
            ("name", lambda r: r["name"]), ("type", lambda r: r["type"]),
            ("country", lambda r: r["country"]), ("sector", lambda r: r["sector"]),
            ("mentions", lambda r: r.get("n_mentions")),
            ("aliases", lambda r: ", ".join(r["aliases"][:4]))], as_json)


@app.command()
def quotes(
    db: DbOpt = None, as_json: JsonOpt = False,
    country: Annotated[str | None, typer.Option(help="Speaker's country code.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many (max 200).")] = 30,
) -> None:
    """Quotes with their speakers."""
    from chronicler.views import query

    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        _page_cmd("quotes", lambda: query.list_quotes(
            store, query.Filters(country=country), limit=limit), [
            ("speaker", lambda r: (r["speaker"] or {}).get("name")),
            ("country", lambda r: (r["speaker"] or {}).get("country")),
            ("kind", lambda r: r.get("quote_kind")), ("cue", lambda r: r["cue"]),
            ("quote", lambda r: r["text"][:120])], as_json)


@app.command()
def events(
    db: DbOpt = None, as_json: JsonOpt = False,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    country: Annotated[str | None, typer.Option(help="Actor or recipient country.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many (max 200).")] = 30,
) -> None:
    """Events merged across articles, with source counts."""
    from chronicler.views import query

    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        _page_cmd("events", lambda: query.list_events(
            store, query.Filters(type=type_, country=country), limit=limit), [
            ("date", lambda r: r["date"]), ("type", lambda r: r["type"]),
            ("actor", lambda r: ", ".join(a["country"] or a["name"] for a in r["actor"])),
            ("recipient", lambda r: ", ".join(a["country"] or a["name"] for a in r["recipient"])),
            ("sources", lambda r: r["n_sources"]),
            ("evidence", lambda r: r["evidence"][0]["text"][:90] if r["evidence"] else "")],
            as_json)


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="Actor country code, e.g. IND.")],
    b: Annotated[str, typer.Argument(help="Recipient country code, e.g. PAK.")],
    both: Annotated[bool, typer.Option("--both", help="Both directions.")] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Daily events and summed conflict-cooperation score for a dyad (A -> B)."""
    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        df = api.timeline(store, a, b, directed=not both)
    rows = [{"date": r.date.date().isoformat(), "actor": r.actor, "recipient": r.recipient,
             "n_events": int(r.n_events), "score_sum": float(r.score_sum)}
            for r in df.itertuples()]
    if as_json:
        _echo_json(rows)
        return
    t = Table(title=f"{a.upper()} {'<->' if both else '->'} {b.upper()}: {len(rows)} days",
              title_justify="left")
    for c in ("date", "actor", "recipient", "events", "score"):
        t.add_column(c, justify="right" if c in ("events", "score") else "left")
    for r in rows:
        t.add_row(r["date"], r["actor"], r["recipient"], str(r["n_events"]),
                  f"{r['score_sum']:+.1f}")
    out.print(t)


@app.command()
def report(
    story: Annotated[str | None, typer.Argument(
        help="Story id (default: the largest story; 'all': the whole store).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the files.")] = Path("report"),
    db: DbOpt = None,
) -> None:
    """Write a Markdown and a self-contained HTML dossier for a story."""
    from chronicler.outputs.report import write_report

    settings = _settings(db)
    try:
        with api.open_store(settings.db, read_only=True) as store:
            md, html = write_report(store, story, out_dir)
    except ChroniclerError as e:
        err.print(f"[red]{_esc(str(e))}[/red]")
        raise typer.Exit(2) from e
    out.print(f"wrote {md} and {html}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Token required by write endpoints; mandatory off loopback.")] = None,
    db: DbOpt = None,
) -> None:
    """Serve the web UI and the REST API (reference at /docs, schema at /openapi.json)."""
    try:
        from chronicler.web.serve import serve as run_server
    except ImportError as e:  # the web extra is not installed
        err.print(f"[red][CHR-CFG] the web UI needs its extra: pip install 'chronicler[web]' "
                  f"({_esc(str(e))})[/red]")
        raise typer.Exit(2) from e

    settings = _settings(db)
    try:
        run_server(settings.db, host=host, port=port, token=token, settings=settings)
    except ChroniclerError as e:
        err.print(f"[red]{_esc(str(e))}[/red]")
        raise typer.Exit(2) from e


@app.command()
def debug(
    stage: Annotated[str, typer.Argument(
        help="clean, actors, timex, places, counts, quotes, events, claims; or compare / "
             "profile over --db.")],
    text: Annotated[list[str] | None, typer.Argument(
        help="The text; @FILE reads a file, - reads stdin; for profile, a story id.")] = None,
    as_json: JsonOpt = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) that relative dates resolve against.")] = None,
    db: DbOpt = None,
) -> None:
    """Run one stage on a text and print what it finds (for tuning and bug reports)."""
    import datetime as dt

    from chronicler import debug as dbg

    try:
        pub = dt.date.fromisoformat(published) if published else None
    except ValueError as e:
        err.print(f"[red][CHR-USAGE] --published {_esc(published or '')}: use YYYY-MM-DD[/red]")
        raise typer.Exit(2) from e
    try:
        code = dbg.main(stage, list(text or []), as_json=as_json, db=db, published=pub,
                        echo=typer.echo)
    except ChroniclerError as e:
        err.print(f"[red]{_esc(str(e))}[/red]")
        raise typer.Exit(2) from e
    raise typer.Exit(code)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
