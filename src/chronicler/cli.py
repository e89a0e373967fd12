"""Command line: a thin layer that parses arguments and calls :mod:`chronicler.api`.

Exit codes: 0 ok; 1 some inputs skipped; 2 nothing usable, a usage error (an unknown
filter value, with the nearest allowed one), a record not found, or a database
problem: one ``[CHR-...]`` line on stderr, never a traceback.

Read commands (articles, actors, quotes, events, claims, stories, framing, search,
timeline, export, report) open the database read-only, never create one, and print
the same ``{items, total, limit, offset}`` pages as the REST API with ``--json``.
Ids are taken by unique prefix, as git does.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup

from chronicler import api
from chronicler.cli_watch import register as register_watch
from chronicler.config import Settings
from chronicler.errors import ChroniclerError
from chronicler.run.commit import IngestSummary
from chronicler.store import Store
from chronicler.store.health import translate
from chronicler.text.terminal import for_terminal


class _Commands(TyperGroup):
    """Any chronicler or database error a command lets through ends it as one
    ``[CHR-...]`` line on stderr and exit 2 (a traceback is for bugs only)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # -q is global but natural after the command too (`chronicler claims -q`).
        end = args.index("--") if "--" in args else len(args)
        quiet = [a for a in args[:end] if a in ("-q", "--quiet")]
        rest = [a for a in args[:end] if a not in ("-q", "--quiet")] + args[end:]
        return list(super().parse_args(ctx, quiet[:1] + rest))

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
    rich_markup_mode=None,  # plain click help: no "<bool>" on every flag
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="chronicler: turn news coverage of a crisis into evidence you can check.\n\n"
         "Exit codes: 0 ok, 1 some inputs skipped, 2 usage error, not found, or a "
         "database problem.",
)
QUIET = {"on": False}
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
    # -v is chronicler's own stage progress; other libraries stay at warnings.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s",
                        stream=sys.stderr)
    logging.getLogger("chronicler").setLevel(logging.INFO if v else logging.WARNING)


def _version(value: bool) -> None:
    if value:
        from chronicler import __version__

        typer.echo(f"chronicler {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Annotated[bool, typer.Option(
        "-q", "--quiet", help="Print only results and errors (no summaries or notes).")
    ] = False,
    verbose: Annotated[bool, typer.Option(
        "-v", "--verbose", help="Log each stage of long runs to stderr.")] = False,
) -> None:
    QUIET["on"] = quiet
    if verbose:
        _verbose(True)


def _note(msg: str) -> None:
    """A human note (not data): to stderr, and not at all with -q."""
    if not QUIET["on"]:
        err.print(msg)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, directories or http(s) URLs; - reads one document from stdin "
             "(text, HTML, JSONL or a feed, told apart by its first bytes).")],
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
    wait: Annotated[float, typer.Option(
        help="Seconds to wait for the database while another process (a running "
             "`serve`) holds it; 0 fails at once.")] = 30.0,
) -> None:
    """Read, clean, de-duplicate, understand and store articles; print a summary."""
    verbose = verbose or logging.getLogger("chronicler").level == logging.INFO
    if verbose:
        _verbose(True)
    settings = _settings(db)
    store = api.open_for_write(settings.db, wait_s=wait, on_wait=lambda m: _note(
        f"waiting for the database: {_esc(m)}"))
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
                if verbose:
                    logging.getLogger("chronicler.cli").info("stage %s", event[6:])

        summary = api.ingest(inputs, store=store, settings=settings,
                             allow_private=allow_private, progress=progress,
                             engine="ray" if address else engine, address=address,
                             workers=workers)
    if as_json:
        _echo_json({**summary.as_dict(), "db": str(settings.db),
                    "errors": [e.model_dump() for e in summary.errors]})
    elif not QUIET["on"] or summary.errors:
        _print_summary(summary, settings)
    raise typer.Exit(summary.exit_code)


def _echo_json(obj: object) -> None:
    # Plain stdout, not rich: rich wraps long strings, which would break the JSON.
    typer.echo(json.dumps(obj, indent=2, ensure_ascii=False))


def _print_summary(s: IngestSummary, settings: Settings) -> None:
    from chronicler.views.terminal import summary_tables

    for t in summary_tables(s, str(settings.db)):
        out.print(t)


def _esc(s: str) -> str:
    # Article-derived text is untrusted: never let it be read as rich markup, nor
    # its escape sequences reach the terminal.
    return escape(for_terminal(s))


@app.command("export")
def export_cmd(
    out_path: Annotated[str, typer.Argument(
        metavar="OUT", help="Output file, directory (one file per kind), or - for stdout.")],
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="jsonl, csv, parquet, or plover (events in PLOVER's fields); "
        "default: from OUT's extension (.jsonl, .csv, .parquet; - is jsonl).")] = None,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", help="Only these kinds: article, actor, quote, event, claim, story, "
        "framing.")] = None,
    db: DbOpt = None,
) -> None:
    """Export records: JSONL (the export contract), typed Parquet, flat CSV."""
    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        counts = api.export(store, out_path, fmt, kind)
    _note(f"wrote {'stdout' if out_path == '-' else _esc(out_path)}: "
          + ", ".join(f"{n} {k}" for k, n in counts.items()))


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
    from chronicler.views.terminal import found_tables

    for t in found_tables(store):
        out.print(t)


# ------------------------------------------------------------------ read commands
LimitOpt = Annotated[int, typer.Option(
    "--limit", "-n", help="At most this many (1-200; default 50, as in the REST API).")]
OffsetOpt = Annotated[int, typer.Option(help="Skip this many (for the next page).")]
CountryOpt = Annotated[str | None, typer.Option(
    help="ISO3 code or country name, any case (IND, india, Pakistan).")]
StoryOpt = Annotated[str | None, typer.Option(
    help="Only this story (id or unique prefix; see `chronicler stories`).")]
OutletOpt = Annotated[str | None, typer.Option(help="Only this outlet (exact name).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="From this date (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY-MM-DD).")]
PLOVER_HELP = ("PLOVER type, any case: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, "
               "RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, "
               "COERCE, ASSAULT.")


def _date(value: str | None, name: str) -> Any:
    import datetime as dt

    from chronicler.errors import UsageError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--{name} {value!r}: use YYYY-MM-DD") from None


def _list(kind: str, db: Path | None, as_json: bool, limit: int, offset: int,
          **filters: Any) -> None:
    """One page of ``kind`` from the shared read model, as a table or as JSON."""
    filters = {k: v for k, v in filters.items() if v is not None}
    for k in ("date_from", "date_to"):
        if k in filters:
            filters[k] = _date(filters[k], "from" if k == "date_from" else "to")
    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        page = api.page(kind, store, limit=limit, offset=offset, **filters)
    _show(kind, page, as_json)


def _show(kind: str, page: Mapping[str, Any], as_json: bool, title: str = "") -> None:
    from chronicler.views.terminal import page_table

    if as_json:
        _echo_json(page)
        return
    items, total = page["items"], page["total"]
    out.print(page_table(kind, page, title="" if QUIET["on"] else title or None))
    if page["offset"] + len(items) < total:
        _note(f"more: --offset {page['offset'] + len(items)}")


@app.command()
def articles(db: DbOpt = None, as_json: JsonOpt = False, outlet: OutletOpt = None,
             country: CountryOpt = None, story: StoryOpt = None,
             date_from: FromOpt = None, date_to: ToOpt = None,
             limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Stored articles by publication date (* = date inferred from the text)."""
    _list("article", db, as_json, limit, offset, outlet=outlet, country=country,
          story=story, date_from=date_from, date_to=date_to)


@app.command()
def actors(db: DbOpt = None, as_json: JsonOpt = False, country: CountryOpt = None,
           type_: Annotated[str | None, typer.Option(
               "--type", help="PERSON, ORG, COUNTRY or GROUP.")] = None,
           name: Annotated[str | None, typer.Option(help="Name or alias contains.")] = None,
           story: StoryOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Actors, most mentioned first, with country and sector."""
    _list("actor", db, as_json, limit, offset, country=country, type=type_, q=name,
          story=story)


@app.command()
def quotes(db: DbOpt = None, as_json: JsonOpt = False,
           country: Annotated[str | None, typer.Option(
               help="Speaker's country: ISO3 code or name, any case.")] = None,
           type_: Annotated[str | None, typer.Option(
               "--type", help="direct, indirect or according_to.")] = None,
           outlet: OutletOpt = None, story: StoryOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Quotes with their speakers."""
    _list("quote", db, as_json, limit, offset, country=country, type=type_, outlet=outlet,
          story=story)


@app.command()
def events(db: DbOpt = None, as_json: JsonOpt = False,
           type_: Annotated[str | None, typer.Option("--type", help=PLOVER_HELP)] = None,
           country: Annotated[str | None, typer.Option(
               help="Actor or recipient country: ISO3 code or name, any case.")] = None,
           outlet: OutletOpt = None, story: StoryOpt = None,
           date_from: FromOpt = None, date_to: ToOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Events merged across articles, with source counts ("as told": denied,
    hypothetical, future, or reported by one side)."""
    _list("event", db, as_json, limit, offset, type=type_, country=country, outlet=outlet,
          story=story, date_from=date_from, date_to=date_to)


@app.command()
def claims(db: DbOpt = None, as_json: JsonOpt = False,
           status: Annotated[str | None, typer.Option(
               help="contested, corroborated or single.")] = None,
           country: Annotated[str | None, typer.Option(
               help="Asserter's country or one the claim is about.")] = None,
           outlet: OutletOpt = None, story: StoryOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Claims, contested first; a contested claim is shown with what contests it."""
    if as_json:
        _list("claim", db, True, limit, offset, status=status, country=country,
              outlet=outlet, story=story)
        return
    from chronicler.views.terminal import side_tables

    with api.open_store(_settings(db).db, read_only=True) as store:
        page = api.page("claim", store, limit=limit, offset=offset, status=status,
                        country=country, outlet=outlet, story=story)
        _show("claim", page, False)
        for t in side_tables(store, page["items"]):
            out.print(t)


@app.command()
def stories(db: DbOpt = None, as_json: JsonOpt = False, country: CountryOpt = None,
            outlet: OutletOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Stories (groups of articles on one development): ids for `report` and --story."""
    _list("story", db, as_json, limit, offset, country=country, outlet=outlet)


@app.command()
def framing(db: DbOpt = None, as_json: JsonOpt = False, story: StoryOpt = None,
            outlet: OutletOpt = None,
            type_: Annotated[str | None, typer.Option(
                "--type", help="place, actor, label or term.")] = None,
            limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """How each outlet names the same place, actor or group."""
    _list("framing", db, as_json, limit, offset, story=story, outlet=outlet, type=type_)


@app.command()
def search(words: Annotated[list[str], typer.Argument(help='Words or "quoted phrases".')],
           db: DbOpt = None, as_json: JsonOpt = False, outlet: OutletOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Articles, quotes and claims containing every word (case-insensitive, literal)."""
    settings = _settings(db)
    q = " ".join(f'"{w}"' if " " in w else w for w in words)
    kw = {"outlet": outlet} if outlet else {}
    with api.open_store(settings.db, read_only=True) as store:
        page = api.search(store, q, limit=limit, offset=offset, **kw)
    _show("search", page, as_json)


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="A country: ISO3 code or name (IND, India).")],
    b: Annotated[str, typer.Argument(help="The other country.")],
    directed: Annotated[bool, typer.Option(
        "--directed", help="Only A -> B (default: both directions, as everywhere).")] = False,
    story: StoryOpt = None, db: DbOpt = None, as_json: JsonOpt = False,
    limit: LimitOpt = 50, offset: OffsetOpt = 0,
) -> None:
    """Events per day between two countries: count, conflict and cooperation apart
    (summed PLOVER scores, -10 most hostile to +10 most cooperative)."""
    from chronicler.views import query as Q

    with api.open_store(_settings(db).db, read_only=True) as store:
        page = Q.timeline(store, a, b, directed=directed, filters=Q.Filters(story=story),
                          limit=limit, offset=offset)
    rows = page["items"]
    pair = f"{rows[0]['actor']} {'->' if directed else '<->'} {rows[0]['recipient']}" \
        if rows else f"{a} {'->' if directed else '<->'} {b}"
    _show("timeline", page, as_json, title=f"{pair}: {page['total']} rows")


@app.command()
def report(
    story: Annotated[str | None, typer.Argument(
        help="Story id or unique prefix (see `chronicler stories`; default: the largest "
             "story; 'all': the whole store).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the files.")] = Path("report"),
    db: DbOpt = None,
) -> None:
    """Write a Markdown and a self-contained HTML dossier for a story."""
    from chronicler.outputs.report import write_report

    settings = _settings(db)
    with api.open_store(settings.db, read_only=True) as store:
        md, html = write_report(store, story, out_dir)
    _note(f"wrote {md} and {html}")


# watch, sources and serve [--watch] (issue 17): chronicler.cli_watch
register_watch(app)


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
    # Third-party progress bars and notices ("Loading weights ...") are not ours to
    # print: stderr is for chronicler's own messages (-v for stage progress).
    for k, v in (("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                 ("TQDM_DISABLE", "1"), ("TOKENIZERS_PARALLELISM", "false")):
        os.environ.setdefault(k, v)
    app()


if __name__ == "__main__":
    main()
