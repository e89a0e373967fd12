"""Running an ingest: read -> clean -> per-article stages -> store in shards -> corpus.

    pipeline.py  ``process_batch`` (engine-free per-article work), the shard commit, the
                 run summary, the local driver ``run_ingest`` and the cross-article run
    shards.py    plan shards for a distributed ingest and read one on a worker
    manifest.py  Parquet parts and the resume state of a distributed ingest
    ray.py       ``run_ingest_ray``: the same shards on a Ray cluster
    faults.py    fault injection for the distributed engine's tests and drills

Only ``ray.py`` imports Ray (an optional, heavy extra); import it where it is used.
"""
