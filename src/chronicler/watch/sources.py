"""What to watch: sources from the command line or a TOML file.

A source is a feed (RSS/Atom, by URL or file), a news sitemap or sitemap index, an
article URL, or a local folder. A URL's kind is found from what it answers (feed,
sitemap, page) unless the sources file says so. The sources file::

    [defaults]            # optional
    interval = "5m"       # 30s, 5m, 1h, or seconds
    timeout = "20s"

    [[source]]
    url = "https://www.example.org/world/rss.xml"
    outlet = "Example Times"   # recorded as the articles' outlet
    interval = "2m"
    tags = ["india", "pakistan"]

    [[source]]
    path = "incoming/"         # a folder: new or changed files
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronicler.errors import UsageError

KINDS = ("auto", "feed", "sitemap", "url", "folder")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class Source:
    location: str  # a URL, or an absolute path
    kind: str = "auto"  # auto (URLs: decided by the answer), feed, sitemap, url, folder
    outlet: str | None = None
    interval_s: float = 300.0
    timeout_s: float = 20.0
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        """Stable across runs: what is watched, not how often."""
        return hashlib.sha1(self.location.encode("utf-8")).hexdigest()[:10]

    @property
    def is_url(self) -> bool:
        return bool(_SCHEME.match(self.location))


def parse_duration(value: str | float | int, what: str = "interval") -> float:
    """"30s", "5m", "1h", "1.5h", "250ms" or a number of seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        secs = float(value)
    else:
        m = _DURATION.match(str(value))
        if not m:
            raise UsageError(f"{what} {value!r}: use a number of seconds or 30s, 5m, 1h")
        secs = float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]
    if secs <= 0:
        raise UsageError(f"{what} {value!r} must be more than zero")
    return secs


def from_argument(arg: str, *, interval_s: float, timeout_s: float = 20.0) -> Source:
    """A command-line SOURCE: a URL, a folder, or a feed file."""
    if _SCHEME.match(arg):
        scheme = arg.split("://", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise UsageError(f"{arg}: only http and https URLs are watched")
        return Source(arg, "auto", interval_s=interval_s, timeout_s=timeout_s)
    p = Path(arg).expanduser()
    if p.is_dir():
        return Source(str(p.resolve()), "folder", interval_s=interval_s, timeout_s=timeout_s)
    if p.is_file():
        return Source(str(p.resolve()), "feed", interval_s=interval_s, timeout_s=timeout_s)
    raise UsageError(f"{arg}: no such file or folder, and not an http(s) URL")


def load_sources_file(path: str | Path, *, interval_s: float,
                      timeout_s: float = 20.0) -> list[Source]:
    """The ``[[source]]`` entries of a TOML file; relative paths are relative to it."""
    p = Path(path).expanduser()
    try:
        data = tomllib.loads(p.read_text("utf-8"))
    except OSError as e:
        raise UsageError(f"sources file {path}: {e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UsageError(f"sources file {path}: not valid TOML ({e})") from None
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise UsageError(f"sources file {path}: [defaults] must be a table")
    d_interval = parse_duration(defaults.get("interval", interval_s))
    d_timeout = parse_duration(defaults.get("timeout", timeout_s), "timeout")
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise UsageError(f"sources file {path}: no [[source]] entries")
    out = [_entry(e, i, p.parent, d_interval, d_timeout, path)
           for i, e in enumerate(entries, start=1)]
    _no_twins(out, str(path))
    return out


def _entry(e: Any, i: int, base: Path, interval_s: float, timeout_s: float,
           path: str | Path) -> Source:
    where = f"sources file {path}, source {i}"
    if not isinstance(e, dict):
        raise UsageError(f"{where}: must be a table")
    unknown = sorted(set(e) - {"url", "path", "kind", "outlet", "interval", "timeout", "tags"})
    if unknown:
        raise UsageError(f"{where}: unknown key(s) {', '.join(unknown)}")
    if ("url" in e) == ("path" in e):
        raise UsageError(f"{where}: give exactly one of url or path")
    kind = str(e.get("kind", "auto"))
    if kind not in KINDS:
        raise UsageError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    tags = e.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UsageError(f"{where}: tags must be a list of strings")
    outlet = e.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise UsageError(f"{where}: outlet must be a string")
    interval = parse_duration(e.get("interval", interval_s))
    timeout = parse_duration(e.get("timeout", timeout_s), "timeout")
    if "url" in e:
        src = from_argument(str(e["url"]), interval_s=interval, timeout_s=timeout)
        if kind == "folder":
            raise UsageError(f"{where}: a URL cannot be a folder")
    else:
        local = Path(str(e["path"])).expanduser()
        src = from_argument(str(local if local.is_absolute() else base / local),
                            interval_s=interval, timeout_s=timeout)
    return Source(src.location, kind if kind != "auto" else src.kind, outlet=outlet,
                  interval_s=interval, timeout_s=timeout, tags=tuple(tags))


def _no_twins(sources: list[Source], where: str) -> None:
    seen: set[str] = set()
    for s in sources:
        if s.location in seen:
            raise UsageError(f"{where}: {s.location} is listed twice")
        seen.add(s.location)


def collect(args: list[str], sources_file: str | None, *, interval_s: float,
            timeout_s: float = 20.0) -> list[Source]:
    """Sources from arguments and an optional sources file (a ``.toml`` argument is
    read as a sources file too)."""
    out: list[Source] = []
    files = [sources_file] if sources_file else []
    for a in args:
        if a.lower().endswith(".toml") and os.path.isfile(a):
            files.append(a)
        else:
            out.append(from_argument(a, interval_s=interval_s, timeout_s=timeout_s))
    for f in files:
        out += load_sources_file(f, interval_s=interval_s, timeout_s=timeout_s)
    if not out:
        raise UsageError("nothing to watch: give feed/sitemap/article URLs, folders, feed "
                         "files, or --sources FILE.toml")
    _no_twins(out, "the sources given")
    return out
