"""Export generators for the cross-article kinds: claim, story, framing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from chronicler.export import tag
from chronicler.store import Store


def claim_records(store: Store) -> Iterator[dict[str, Any]]:
    for c in store.json_records("claims"):
        yield tag("claim", c.model_dump(mode="json"))


def story_records(store: Store) -> Iterator[dict[str, Any]]:
    for s in store.json_records("stories"):
        yield tag("story", s.model_dump(mode="json"))


def framing_records(store: Store) -> Iterator[dict[str, Any]]:
    for f in store.json_records("framing"):
        yield tag("framing", f.model_dump(mode="json"))
