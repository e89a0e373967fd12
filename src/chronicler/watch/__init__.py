"""Follow a crisis live: keep a database current from feeds, sitemaps, pages and folders.

    sources.py  what to watch: command-line sources and the TOML sources file
    polite.py   per-host rate and concurrency gate, robots.txt, backoff with jitter
    sitemap.py  news sitemaps and sitemap indexes (defusedxml)
    poll.py     one poll of one source -> the new documents (no database access)
    loop.py     the loop: polls in threads, one writer commits (ingest + source state)

The per-source state lives in the store (:mod:`chronicler.store.sources`);
``chronicler watch``, ``chronicler sources`` and ``chronicler serve --watch`` are in
:mod:`chronicler.cli_watch`.
"""

from chronicler.watch.loop import Watcher, WatchOptions, WatchStats
from chronicler.watch.sources import Source, collect, load_sources_file, parse_duration

__all__ = ["Source", "WatchOptions", "WatchStats", "Watcher", "collect",
           "load_sources_file", "parse_duration"]
