"""Poll one source once: what is new there, as documents for the ingest.

Runs in a worker thread and never touches the database: it reads a snapshot of what
the source has already handed over (``Known``) and returns a ``PollResult`` that the
loop's single writer commits. Every request goes through ``fetch_conditional`` (the
SSRF guard, size and time caps), the host gate and robots.txt.

What "new" means, per kind:

* feed: items whose link (or, without one, content hash) this source has not handed
  over and no stored article has as its source path. An item with only a summary
  (under ``FOLLOW_MIN_CHARS``) is read from its link, the feed's own text kept if the
  page cannot be had for good (robots, 404);
* sitemap / sitemap index: ``<loc>`` URLs not seen, newest first;
* article URL: the page, when its validators or body hash changed;
* folder: files that are new, or whose size or mtime changed.

At most ``max_items`` item fetches per cycle and ``budget_s`` seconds per source: the
rest waits for the next cycle. Validators (and the body hash) of a feed or sitemap
are kept only when every new item in it was handled, so an unfinished one is read in
full again next time rather than answered with a 304.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Container, Mapping
from dataclasses import dataclass, field

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.feed import read_feed
from chronicler.ingest.fetch import FetchResult, fetch_conditional
from chronicler.ingest.files import read_file, walk
from chronicler.ingest.html import read_html_bytes
from chronicler.ingest.text import read_text_bytes
from chronicler.ingest.url import classify
from chronicler.records import IngestError, RawDoc
from chronicler.store.sources import Validators
from chronicler.watch.polite import HostGate, Robots, retry_after_s
from chronicler.watch.sitemap import SitemapEntry, looks_like_sitemap, parse_sitemap
from chronicler.watch.sources import Source

FOLLOW_MIN_CHARS = 600  # a feed item shorter than this is a summary: read its page
MAX_CHILD_SITEMAPS = 20  # per index and cycle, newest first
# Item failures worth another try next cycle; anything else is that item's final word.
TRANSIENT = ("fetch-timeout", "unreachable", "http-5", "http-429", "http-408")

Item = RawDoc | IngestError


@dataclass(frozen=True)
class Known:
    seen: Mapping[str, str]  # this source's handed-over items: key -> signature
    stored: Container[str]  # every stored article's source path
    validators: Mapping[str, Validators]


@dataclass
class PollResult:
    source_id: str
    status: str = "unchanged"  # new, unchanged, not-modified, error
    docs: list[Item] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # mark once the docs are committed
    validators: dict[str, Validators] = field(default_factory=dict)
    error: str | None = None
    reason: str | None = None
    retry_after: float | None = None
    requests: int = 0
    not_modified: int = 0
    more: bool = False  # items left for the next cycle
    seconds: float = 0.0


class SourceFailed(Exception):
    def __init__(self, reason: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason, self.message, self.retry_after = reason, message, retry_after

    @property
    def transient(self) -> bool:
        return self.reason.startswith(TRANSIENT)


class Poller:
    def __init__(self, settings: Settings, gate: HostGate, robots: Robots, *,
                 allow_private: bool = False, max_items: int = 100,
                 budget_s: float = 120.0) -> None:
        self.settings = settings
        self.gate = gate
        self.robots = robots
        self.allow_private = allow_private
        self.max_items = max_items
        self.budget_s = budget_s

    def poll(self, source: Source, known: Known) -> PollResult:
        run = _Run(self, source, known)
        t0 = time.monotonic()
        try:
            run.go()
        except SourceFailed as e:
            run.res.status, run.res.reason, run.res.error = "error", e.reason, e.message
            run.res.retry_after = e.retry_after
        run.res.seconds = time.monotonic() - t0
        if run.res.status != "error" and run.res.docs:
            run.res.status = "new"
        return run.res


class _Run:
    """One poll of one source (its own settings, counters and deadline)."""

    def __init__(self, poller: Poller, source: Source, known: Known) -> None:
        self.p = poller
        self.src = source
        self.known = known
        self.settings = poller.settings.with_(fetch_timeout_s=source.timeout_s)
        self.deadline = time.monotonic() + poller.budget_s
        self.res = PollResult(source.id)
        self.n_items = 0

    # ------------------------------------------------------------------ requests
    def get(self, url: str, validators: Validators | None = None) -> FetchResult | None:
        """The answer, or None when unchanged (304, or the same body as last time)."""
        refused = self.p.robots.refusal(url)
        if refused is not None:
            raise SourceFailed(*refused)
        v = validators or Validators()
        with self.p.gate.slot(url):
            try:
                res = fetch_conditional(url, self.settings, etag=v.etag,
                                        last_modified=v.last_modified,
                                        allow_private=self.p.allow_private)
            except InputSkipped as e:
                raise SourceFailed(e.reason, e.message) from None
            finally:
                self.res.requests += 1
        if res.status == 304:
            self.res.not_modified += 1
            return None
        if not 200 <= res.status < 300:
            wait = retry_after_s(res) if res.status in (429, 503) else None
            raise SourceFailed(f"http-{res.status}", f"{url}: HTTP {res.status}"
                               + (f" (Retry-After {wait:g} s)" if wait is not None else ""),
                               wait)
        if validators is not None and v.body_hash == _hash(res.body):
            return None  # no validators from the server, but the same bytes
        return res

    def keep_validators(self, url: str, res: FetchResult) -> None:
        self.res.validators[url] = Validators(res.headers.get("etag"),
                                              res.headers.get("last-modified"), _hash(res.body))

    def room(self) -> bool:
        """May one more item be fetched this cycle?"""
        if self.n_items >= self.p.max_items or time.monotonic() > self.deadline:
            self.res.more = True
            return False
        return True

    def new_key(self, key: str) -> bool:
        return (key not in self.known.seen and key not in self.known.stored
                and key not in self.res.seen)

    def hand_over(self, key: str, doc: Item, sig: str = "") -> None:
        if isinstance(doc, RawDoc):
            tags = [f"watch:{self.src.id}", *(f"tag:{t}" for t in self.src.tags)]
            doc = doc.model_copy(update={"source_path": key,
                                         "outlet": self.src.outlet or doc.outlet,
                                         "notes": [*doc.notes, *tags]})
        self.res.docs.append(doc)
        self.res.seen[key] = sig

    # ------------------------------------------------------------------ kinds
    def go(self) -> None:
        if self.src.kind == "folder":
            self.folder()
            return
        if not self.src.is_url:
            self.feed_file()
            return
        loc = self.src.location
        res = self.get(loc, self.known.validators.get(loc, Validators()))
        if res is None:
            self.res.status = "not-modified"
            return
        kind = self.src.kind
        if kind == "auto":
            kind = "sitemap" if looks_like_sitemap(res.body) else (
                "feed" if classify(res) == "feed" else "url")
        complete = {"feed": self.feed, "sitemap": self.sitemap,
                    "url": self.page}[kind](res)
        if complete:
            self.keep_validators(loc, res)

    def feed_file(self) -> None:
        loc = self.src.location
        try:
            with open(loc, "rb") as f:
                body = f.read(self.settings.max_input_bytes + 1)
        except OSError as e:
            raise SourceFailed("unreadable", f"{loc}: {e.strerror or e}") from None
        if len(body) > self.settings.max_input_bytes:
            raise SourceFailed("too-large", f"{loc}: over the size cap")
        old = self.known.validators.get(loc)
        if old is not None and old.body_hash == _hash(body):
            self.res.status = "not-modified"
            return
        res = FetchResult(url=loc, final_url=loc, status=200, content_type=None, body=body,
                          encoding=None)
        if self.feed(res):
            self.keep_validators(loc, res)

    def feed(self, res: FetchResult) -> bool:
        complete = True
        loc = self.src.location
        items = list(read_feed(res.body, loc, self.settings, content_type=res.content_type))
        errors = [i for i in items if isinstance(i, IngestError)]
        if [e.reason for e in errors] == ["empty"] and len(items) == 1:
            return True  # a feed with no items yet: nothing new, nothing wrong
        if errors and len(errors) == len(items):
            # The feed itself is unusable (not XML, not a feed, empty, or a broken one
            # whose every item failed): that is this source's error, not an item's.
            first = errors[0]
            more = f" (and {len(errors) - 1} more item errors)" if len(errors) > 1 else ""
            raise SourceFailed(first.reason, first.message + more)
        for item in items:
            if isinstance(item, IngestError):
                key = "error:" + _hash(item.message.encode("utf-8"))[:16]
                if self.new_key(key):
                    self.hand_over(key, item)
                continue
            key = item.url or f"{loc}#{item.raw_hash[:16]}"
            if not self.new_key(key):
                continue
            if not self.room():
                complete = False
                break
            doc = item
            if item.url and len(item.text) < FOLLOW_MIN_CHARS:
                self.n_items += 1
                try:
                    doc = self.article(item.url, item)
                except SourceFailed as e:
                    if e.transient:
                        complete = False
                        self._remember(e)
                        if e.retry_after is not None:
                            break
                        continue
                    doc = item  # the page is not to be had: the feed's own text
            self.hand_over(key, doc)
        return complete

    def sitemap(self, res: FetchResult) -> bool:
        loc = self.src.location
        try:
            sm = parse_sitemap(res.body, loc)
        except InputSkipped as e:
            raise SourceFailed(e.reason, e.message) from None
        if not sm.is_index:
            return self.entries(sm.newest_first())
        complete = True
        for child in sm.newest_first()[:MAX_CHILD_SITEMAPS]:
            try:
                cres = self.get(child.loc, self.known.validators.get(child.loc, Validators()))
                if cres is None:
                    continue
                done = self.entries(parse_sitemap(cres.body, child.loc).newest_first())
            except (SourceFailed, InputSkipped) as e:
                self._remember(e)
                complete = False
                continue
            if done:
                self.keep_validators(child.loc, cres)
            complete &= done
        return complete and len(sm.entries) <= MAX_CHILD_SITEMAPS

    def entries(self, entries: list[SitemapEntry]) -> bool:
        complete = True
        for e in entries:
            if not self.new_key(e.loc):
                continue
            if not self.room():
                return False
            self.n_items += 1
            hint = RawDoc(source_path=e.loc, source_kind="url", text="", title=e.title,
                          url=e.loc, outlet=e.outlet, published=e.published or e.lastmod)
            try:
                doc: Item = self.article(e.loc, hint)
            except SourceFailed as err:
                if err.transient:  # tried again next cycle: this sitemap is not done
                    complete = False
                    self._remember(err)
                    if err.retry_after is not None:
                        return False
                    continue
                doc = IngestError(source=e.loc, reason=err.reason, message=err.message)
            self.hand_over(e.loc, doc)
        return complete and not self.res.more

    def article(self, url: str, hint: RawDoc) -> RawDoc:
        """The page at ``url`` as a document; what the feed or sitemap said about it
        (title, date, outlet) fills what the page does not say; its date and outlet win."""
        res = self.get(url)
        if res is None:  # a 304 to a request that had no validators
            raise SourceFailed("http-304", f"{url}: HTTP 304 without a conditional request")
        try:
            doc = read_html_bytes(res.body, url, self.settings, url=res.final_url,
                                  http_charset=res.encoding, kind="url")
        except InputSkipped as e:
            raise SourceFailed(e.reason, e.message) from None
        return doc.model_copy(update={
            "title": doc.title or hint.title, "published": hint.published or doc.published,
            "outlet": hint.outlet or doc.outlet})

    def page(self, res: FetchResult) -> bool:
        loc = self.src.location
        try:
            if classify(res) == "text":
                doc = read_text_bytes(res.body, loc, kind="url", url=res.final_url,
                                      declared=res.encoding)
            else:
                doc = read_html_bytes(res.body, loc, self.settings, url=res.final_url,
                                      http_charset=res.encoding, kind="url")
        except InputSkipped as e:
            raise SourceFailed(e.reason, e.message) from None
        self.hand_over(loc, doc, _hash(res.body))
        return True

    def folder(self) -> None:
        for found in walk(self.src.location):
            if not isinstance(found, str):
                continue  # an unreadable subfolder: tried again next cycle
            try:
                st = os.stat(found)
            except OSError:
                continue
            sig = f"{st.st_size}:{st.st_mtime_ns}"
            before = self.known.seen.get(found)
            if before == sig:
                continue
            if before is None and found in self.known.stored:
                self.res.seen[found] = sig  # stored by an earlier run: adopt, not re-read
                continue
            if not self.room():
                return
            self.n_items += 1
            items = list(read_file(found, self.settings))
            for doc in items:
                if isinstance(doc, RawDoc) and doc.source_path == found:
                    self.hand_over(found, doc, sig)
                else:
                    self.res.docs.append(self._tagged(doc))
            self.res.seen[found] = sig

    def _tagged(self, doc: Item) -> Item:
        if isinstance(doc, RawDoc):
            return doc.model_copy(update={"outlet": self.src.outlet or doc.outlet, "notes": [
                *doc.notes, f"watch:{self.src.id}", *(f"tag:{t}" for t in self.src.tags)]})
        return doc

    def _remember(self, e: SourceFailed | InputSkipped) -> None:
        """An item's transient failure: the source worked, but say what went wrong
        (and keep the longest Retry-After for the backoff)."""
        self.res.error = e.message
        self.res.reason = e.reason
        wait = getattr(e, "retry_after", None)
        if wait is not None:
            self.res.retry_after = max(wait, self.res.retry_after or 0.0)


def _hash(body: bytes) -> str:
    return hashlib.sha1(body).hexdigest()
