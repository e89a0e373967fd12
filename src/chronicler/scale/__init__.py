"""Scale-out: the same ingest on a Ray cluster.

    shards.py      plan shards (file groups, JSONL/WARC slices) and read one with the
                   same readers as the local path
    manifest.py    Parquet parts (one per shard, written atomically) and the resume
                   state: which shards are committed, which have a part waiting
    ray_engine.py  run_ingest_ray: Ray Data over the shards, an actor pool running
                   ``pipeline.process_batch``, then the store and the cross-article
                   stages on the driver

Only ``ray_engine`` imports Ray; everything else is engine-free. See docs/scaling.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chronicler.scale.ray_engine import run_ingest_ray

__all__ = ["run_ingest_ray"]


def __getattr__(name: str) -> Any:
    # Lazy: importing chronicler.scale must not import Ray (an optional, heavy extra).
    if name == "run_ingest_ray":
        from chronicler.scale.ray_engine import run_ingest_ray

        return run_ingest_ray
    raise AttributeError(name)
