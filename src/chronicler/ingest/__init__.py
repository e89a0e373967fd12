"""Input readers: files, directories, archives and URLs → ``RawDoc`` | ``IngestError``.

    iter_documents(inputs, settings)          the one entry point the pipeline calls
    ├── files.read_file / files.walk           dispatch by extension, size caps
    │   ├── text.read_text_bytes   .txt        decode.decode_text (encoding recovery)
    │   ├── html.read_html_bytes   .html .htm  html.extract_main (sandbox worker, time limit)
    │   ├── jsonl.read_jsonl       .jsonl .ndjson   one record per line, streamed
    │   ├── feed.read_feed         .xml .rss .atom  defusedxml check, then feedparser
    │   ├── warc.read_warc         .warc .warc.gz   HTML responses only, streamed
    │   └── archive.read_zip/tar   .zip .tar .tar.gz .tgz   members in memory
    └── url.read_url               http(s)     fetch.fetch (SSRF guard, caps)

A bad input never raises: it becomes an ``IngestError`` whose ``reason`` is one of
unreadable, too-large, empty, binary, unsupported-format, bad-archive,
path-traversal, not-a-feed, bad-feed, xml-bomb, xml-external-entity, hostile-html,
extract-timeout, extract-failed, no-main-text, bad-json, no-text, bad-warc,
bad-scheme, bad-url, ssrf-blocked, too-many-redirects, fetch-timeout, http-error,
bad-encoding, unreachable, link-member.

Every item leaves through :mod:`.hygiene`: lone surrogates (from JSON escapes or
file names that are not UTF-8) never reach the database, where one used to sink
the whole batch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence

import httpx

from chronicler.config import Settings
from chronicler.ingest.base import Item, error
from chronicler.ingest.files import read_file, walk
from chronicler.ingest.hygiene import clean_items, relabel
from chronicler.ingest.url import read_url
from chronicler.records import IngestError, RawDoc

__all__ = ["iter_documents", "Item"]

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def iter_documents(inputs: Sequence[str], settings: Settings, *, allow_private: bool = False,
                   client: httpx.Client | None = None,
                   labels: Mapping[str, str] | None = None) -> Iterator[RawDoc | IngestError]:
    """Every document of every input, in input order; one error item per bad input.

    ``inputs`` mixes file paths, directories (walked recursively in sorted order,
    hidden entries skipped, unknown extensions ignored) and http(s) URLs.
    ``allow_private`` lets URLs reach loopback/private networks; ``client`` is used
    for fetching (tests inject ``httpx.MockTransport``). ``labels`` maps an input
    path to the name it is recorded under (a web upload's own file name).
    Every string of every item is storable (:func:`.hygiene.clean_item`).
    """
    items = _read_inputs(inputs, settings, allow_private=allow_private, client=client)
    return clean_items(relabel(items, labels) if labels else items)


def _read_inputs(inputs: Sequence[str], settings: Settings, *, allow_private: bool,
                 client: httpx.Client | None) -> Iterator[RawDoc | IngestError]:
    for raw in inputs:
        inp = os.fspath(raw)
        m = _SCHEME_RE.match(inp)
        if m:
            if m.group(1).lower() in ("http", "https"):
                yield from read_url(inp, settings, allow_private=allow_private, client=client)
            else:
                yield error(inp, "bad-scheme", f"{inp}: only http and https URLs are "
                            f"fetched, not {m.group(1)}")
            continue
        if os.path.isdir(inp):
            for found in walk(inp):
                if isinstance(found, str):
                    yield from read_file(found, settings)
                else:
                    yield found
        else:
            yield from read_file(inp, settings)
