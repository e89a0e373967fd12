"""``chronicler debug STAGE TEXT``: run one stage on a text and show what it finds.

One tool for every stage instead of a mini command line per module:

    chronicler debug events "India launched Operation Sindoor on May 7."
    chronicler debug quotes --json @article.txt
    chronicler debug clean - < page.txt
    chronicler debug compare --db news.duckdb

A per-article stage runs with the stages it needs (by the stage contract, not by a
list kept here); its results print one per line, or as JSON lines with ``--json``.
``clean`` prints the cleaned ``Article``; ``compare`` re-runs the cross-article
comparison over a database; ``profile`` prints a story's voices and hedge shares.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from chronicler.config import Settings
from chronicler.errors import UsageError
from chronicler.records import Article, Event, EventActor, RawDoc, content_id

DB_COMMANDS = ("compare", "profile")


def read_text(args: list[str]) -> str:
    """Words as text; ``-`` reads stdin; ``@path`` reads a file."""
    if args == ["-"]:
        return sys.stdin.read()
    if len(args) == 1 and args[0].startswith("@"):
        path = Path(args[0][1:])
        try:
            return path.read_text("utf-8")
        except OSError as e:
            raise UsageError(f"cannot read {path}: {e.strerror}") from e
    return " ".join(args)


def stage_choices() -> list[str]:
    from chronicler.nlp.analyzer import ALL_STAGES

    return ["clean", *(s.short for s in ALL_STAGES), *DB_COMMANDS]


def plan_for(short: str) -> tuple[str, ...]:
    """The stage and every earlier stage whose output it needs, transitively."""
    from chronicler.nlp.analyzer import ALL_STAGES

    by_short = {s.short: s for s in ALL_STAGES}
    if short not in by_short:
        raise UsageError(f"unknown stage {short!r}; choose one of "
                              + ", ".join(stage_choices()))
    target = by_short[short]
    need = set(target.requires)
    chosen = [target]
    for st in reversed(ALL_STAGES[: ALL_STAGES.index(target)]):
        if need & set(st.assigns):
            chosen.append(st)
            need |= set(st.requires)
    order = {s.name: i for i, s in enumerate(ALL_STAGES)}
    return tuple(sorted((s.name for s in chosen), key=order.__getitem__))


def run_stage(short: str, text: str, settings: Settings,
              published: dt.date | None = None) -> dict[str, list[Any]]:
    """The stage's own results (its ``assigns``) on ``text``."""
    from chronicler.nlp.analyzer import BY_NAME, Analyzer
    from chronicler.nlp.stages import ArticleContext, run_plan

    names = plan_for(short)
    analyzer = Analyzer(settings, stages=names)
    doc = analyzer.nlp(text)
    ctx = ArticleContext(article_id=content_id("debug", text), published=published)
    state = run_plan(analyzer.plan, doc, ctx)
    return {k: getattr(state, k) for k in BY_NAME[names[-1]].assigns}


def describe(item: Any) -> str:
    """One line for people; a record without its own line prints as compact JSON."""
    if isinstance(item, Event):
        return describe_event(item)
    if isinstance(item, BaseModel):
        return item.model_dump_json(exclude_none=True)
    return json.dumps(item, ensure_ascii=False, default=str)


def main(stage: str, words: list[str], *, as_json: bool, db: Path | None,
         published: dt.date | None, echo: Callable[[str], None] = print) -> int:
    settings = Settings.from_env(db=db)
    if stage == "compare":
        from chronicler.corpus.compare import run_compare
        from chronicler.store import open_store

        with open_store(settings.db) as store:
            echo(json.dumps(run_compare(store, settings), default=str))
        return 0
    if stage == "profile":
        from chronicler.store import open_store
        from chronicler.views.profile import story_profile

        with open_store(settings.db, read_only=True) as store:
            sid = words[0] if words else max(store.json_records("stories"),
                                             key=lambda s: len(s.article_ids)).id
            echo(json.dumps(story_profile(store, sid), indent=1, default=str))
        return 0
    text = read_text(words)
    if not text.strip():
        raise UsageError("no text: give words, @FILE or - for stdin")
    if stage == "clean":
        from chronicler.clean.article import build_article

        art: Article = build_article(RawDoc(source_path="<debug>", source_kind="txt",
                                            text=text))
        echo(art.model_dump_json(indent=None if as_json else 2))
        return 0
    results = run_stage(stage, text, settings, published)
    for key, items in results.items():
        seq = items if isinstance(items, list) else [items]
        for item in seq:
            if as_json:
                payload = item.model_dump(mode="json") if isinstance(item, BaseModel) else item
                echo(json.dumps({"field": key, "value": payload}, ensure_ascii=False,
                                default=str))
            else:
                echo(f"{key:9} {describe(item)}")
    return 0


def describe_event(e: Event) -> str:
    """One line for people: type, modes, who -> whom, when, where, flags, trigger."""
    def who(xs: list[EventActor]) -> str:
        return ", ".join(f"{x.name} ({x.country or '?'} {x.sector or '?'})" for x in xs) or "-"
    flags = [f for f in ("negated", "future", "hypothetical", "historical") if getattr(e, f)]
    extra = [f"{e.date.isoformat()} ({e.date_precision})" if e.date else "undated"]
    if e.location:
        extra.append(f"at {e.location.name}")
    if e.size:
        extra.append(f"dead={e.size.dead} injured={e.size.injured}")
    if e.operation:
        extra.append(e.operation)
    if e.reported_by:
        extra.append(f"reported by {e.reported_by.name}")
    return (f"{e.type}{'/' + ','.join(e.mode) if e.mode else ''} [{e.score:+g}, CAMEO "
            f"{e.cameo}] {who(e.actor)} -> {who(e.recipient)}; {'; '.join(extra)}"
            f"{'; ' + ' '.join(flags) if flags else ''}  <{e.trigger}: {e.pattern}>")
