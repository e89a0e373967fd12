"""Running an ingest: read -> clean -> per-article stages -> store in shards -> corpus.

    pipeline.py  ``process_batch`` (engine-free per-article work, the model loaded only
                 when an article needs it) and the local driver ``run_ingest``
    commit.py    one shard committed with its done-marker; the run's tally (both engines)
    cross.py     the cross-article run: corpus years, stale analyses, duplicates, event
                 merge, comparison; skipped when its inputs did not change
    shards.py    plan shards for a distributed ingest and read one on a worker
    manifest.py  Parquet parts and the resume state of a distributed ingest
    ray.py       ``run_ingest_ray``: the same shards on a Ray cluster
    workerproc.py  set-up of a per-article worker process (no torch it does not use)
    faults.py    fault injection for tests and drills; kill points for the driver

Only ``ray.py`` imports Ray (an optional, heavy extra); import it where it is used.
"""
