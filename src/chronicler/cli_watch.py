"""Commands that follow a crisis live: ``watch``, ``sources`` and ``serve [--watch]``.

Registered on the main CLI by :func:`register` (``chronicler.cli``), kept apart so
that the command module stays small. ``watch`` is the only writer while it runs, but
it opens the database only to commit: between cycles every read command works.
SIGINT/SIGTERM finish the polls in flight, commit them and exit 0; a second signal
stops at once (everything committed stays committed).
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from chronicler import api
from chronicler.config import Settings
from chronicler.text.terminal import for_terminal
from chronicler.watch import Source, Watcher, WatchOptions, collect, parse_duration

err = Console(stderr=True, soft_wrap=True)
out = Console()

DbOpt = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB file (default: $CHRONICLER_DB, else the user data dir).")]
SourcesOpt = Annotated[str | None, typer.Option(
    "--sources", help="TOML file of sources (url or path, outlet, interval, tags).")]
EveryOpt = Annotated[str, typer.Option(
    "--every", help="Default interval per source: 30s, 5m, 1h.")]
TimeoutOpt = Annotated[str, typer.Option(
    "--timeout", help="Per-request time limit for a source.")]
PrivateOpt = Annotated[bool, typer.Option(
    "--allow-private", help="Allow loopback/private addresses (local test feeds).")]
HostDelayOpt = Annotated[str, typer.Option(
    "--host-delay", help="At least this long between two requests to one host.")]
MaxItemsOpt = Annotated[int, typer.Option(
    "--max-items", help="Article fetches per source and cycle (the rest: next cycle).")]


def _esc(s: str) -> str:
    return escape(for_terminal(s))


def _sources(args: list[str] | None, sources_file: str | None, every: str,
             timeout: str) -> list[Source]:
    return collect(list(args or []), sources_file, interval_s=parse_duration(every),
                   timeout_s=parse_duration(timeout, "timeout"))


def _options(once: bool, allow_private: bool, host_delay: str, max_items: int) -> WatchOptions:
    return WatchOptions(once=once, allow_private=allow_private,
                        host_delay_s=parse_duration(host_delay, "host delay")
                        if host_delay not in ("0", "0s") else 0.0,
                        max_items=max_items)


def watch(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Feed / sitemap / article URLs, folders, feed files, or a sources .toml.")] = None,
    sources_file: SourcesOpt = None,
    every: EveryOpt = "5m",
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit.")
                    ] = False,
    timeout: TimeoutOpt = "20s",
    allow_private: PrivateOpt = False,
    host_delay: HostDelayOpt = "1s",
    max_items: MaxItemsOpt = 100,
    db: DbOpt = None,
) -> None:
    """Keep the database current from feeds, news sitemaps, pages and folders."""
    settings = Settings.from_env(db=db)
    srcs = _sources(sources, sources_file, every, timeout)
    opts = _options(once, allow_private, host_delay, max_items)

    def open_writer() -> Any:
        return api.open_for_write(settings.db, on_wait=lambda m: err.print(
            f"waiting for the database: {_esc(m)}"))

    watcher = Watcher(srcs, open_writer, settings, opts,
                      report=lambda m: err.print(_esc(m), highlight=False))
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        if stop.is_set():  # the second one: stop now
            signal.signal(signum, signal.SIG_DFL)
            signal.raise_signal(signum)
        err.print(f"{signal.Signals(signum).name}: finishing this cycle, then exiting "
                  "(again to stop at once)")
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    err.print(f"watching {len(srcs)} source(s) into {_esc(str(settings.db))}"
              + ("" if once else f", every {every} (Ctrl-C to stop)"), highlight=False)
    stats = watcher.run(stop)
    err.print(f"done: {stats.polls} polls, {stats.requests} requests "
              f"({stats.not_modified} not modified), {stats.new_docs} new items, "
              f"{stats.stored} articles stored, {stats.errors} source errors", highlight=False)
    raise typer.Exit(0)


def sources_cmd(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")
                       ] = False,
) -> None:
    """Watched sources: last check, status, next due time, failures, articles found."""
    from chronicler.store.sources import load_states

    settings = Settings.from_env(db=db)
    with api.open_store(settings.db, read_only=True) as store:
        states = list(load_states(store).values())
    if as_json:
        typer.echo(json.dumps([s.as_dict() for s in states], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(states)} watched source(s)")
    for col in ("id", "kind", "source", "status", "last check", "next due", "fails",
                "articles", "304s", "checks", "last error"):
        table.add_column(col)
    for s in states:
        table.add_row(s.id, s.kind, _esc(s.location), s.last_status or "-",
                      f"{s.last_check:%Y-%m-%d %H:%M:%S}" if s.last_check else "-",
                      f"{s.next_due:%Y-%m-%d %H:%M:%S}" if s.next_due else "-",
                      str(s.failures), str(s.n_articles), str(s.n_not_modified),
                      str(s.n_checks), _esc(s.last_error or ""))
    out.print(table)


def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Token required by write endpoints; mandatory off loopback.")] = None,
    db: DbOpt = None,
    watch: Annotated[list[str] | None, typer.Option(
        "--watch", help="Also watch this source (URL, folder, feed file or sources .toml; "
                        "repeatable): the server process is then the one writer.")] = None,
    sources_file: SourcesOpt = None,
    every: EveryOpt = "5m",
    timeout: TimeoutOpt = "20s",
    allow_private: PrivateOpt = False,
    host_delay: HostDelayOpt = "1s",
    max_items: MaxItemsOpt = 100,
) -> None:
    """Serve the web UI and the REST API (reference at /docs, schema at /openapi.json)."""
    try:
        from chronicler.web.serve import serve as run_server
    except ImportError as e:  # the web extra is not installed
        err.print(f"[red][CHR-CFG] the web UI needs its extra: pip install 'chronicler[web]' "
                  f"({_esc(str(e))})[/red]")
        raise typer.Exit(2) from e

    settings = Settings.from_env(db=db)
    on_app = None
    if watch or sources_file:
        from chronicler.web.live import watching

        srcs = _sources(watch, sources_file, every, timeout)
        on_app = watching(srcs, settings,
                          _options(False, allow_private, host_delay, max_items),
                          report=lambda m: print(m, file=sys.stderr, flush=True))
    run_server(settings.db, host=host, port=port, token=token, settings=settings,
               on_app=on_app)


def register(app: typer.Typer) -> None:
    app.command()(watch)
    app.command("sources")(sources_cmd)
    app.command()(serve)
