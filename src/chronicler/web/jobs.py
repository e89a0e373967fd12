"""Ingest jobs started from the web UI: one at a time, in a background thread.

The thread runs the same pipeline (``run_ingest``) the CLI runs, on its own
database cursor, with ``allow_private=False`` (URLs go through the SSRF guard), and
records progress that ``GET /api/ingest/{id}`` reports. Uploaded files live in a
temporary directory that is removed when the job ends.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronicler.config import Settings
from chronicler.errors import Busy, ChroniclerError
from chronicler.ingest import iter_documents
from chronicler.run.commit import IngestSummary
from chronicler.run.pipeline import run_ingest
from chronicler.store import Store

log = logging.getLogger("chronicler.web.jobs")
KEEP_JOBS = 50


@dataclass
class Job:
    id: str
    inputs: list[str]  # what the user gave (file names, URL), for display
    paths: list[str]  # what is ingested
    labels: dict[str, str] = field(default_factory=dict)  # path -> name recorded for it
    cleanup: Path | None = None
    state: str = "queued"  # queued, running, done, failed
    stage: str = "queued"
    docs: int = 0
    summary: dict[str, Any] | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    message: str | None = None
    started_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "inputs": list(self.inputs),
                "stage": self.stage, "docs": self.docs, "summary": self.summary,
                "errors": list(self.errors), "message": self.message,
                "started_at": self.started_at, "finished_at": self.finished_at}


class IngestJobs:
    def __init__(self, open_store: Callable[[], Store], settings: Settings) -> None:
        self._open_store = open_store
        self._settings = settings
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._threads: dict[str, threading.Thread] = {}

    def submit(self, inputs: Sequence[str], paths: Sequence[str],
               cleanup: Path | None = None, labels: dict[str, str] | None = None) -> Job:
        with self._lock:
            if any(j.state in ("queued", "running") for j in self._jobs.values()):
                raise Busy("an ingest job is already running; wait for it to finish")
            job = Job(id=uuid.uuid4().hex[:16], inputs=list(inputs), paths=list(paths),
                      cleanup=cleanup, labels=dict(labels or {}))
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEEP_JOBS]:
                self._jobs.pop(old, None)
                self._threads.pop(old, None)
            t = threading.Thread(target=self._run, args=(job,), name=f"ingest-{job.id}",
                                 daemon=True)
            self._threads[job.id] = t
        t.start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float | None = None) -> Job | None:
        t = self._threads.get(job_id)
        if t is not None:
            t.join(timeout)
        return self.get(job_id)

    def _run(self, job: Job) -> None:
        job.state = job.stage = "running"

        def progress(event: str, n: int) -> None:
            if event == "docs":
                job.docs += n
            elif event.startswith("stage:"):
                job.stage = event[6:]

        store = None
        try:
            store = self._open_store()
            summary = self._ingest(job, store, progress)
            job.summary = summary.as_dict()
            job.errors = [{"source": self._display(e.source, job), "reason": e.reason,
                           "message": self._display(e.message, job)}
                          for e in summary.errors[:200]]
            job.state, job.stage = "done", "done"
        except ChroniclerError as e:
            job.state, job.stage, job.message = "failed", "failed", str(e)
        except Exception:  # a background thread has nobody to raise to: record and log
            log.exception("ingest job %s failed", job.id)
            job.state, job.stage = "failed", "failed"
            job.message = "internal error during ingest (see the server log)"
        finally:
            job.finished_at = time.time()
            if store is not None:
                store.close()
            if job.cleanup is not None:
                shutil.rmtree(job.cleanup, ignore_errors=True)

    def _ingest(self, job: Job, store: Store, progress: Callable[[str, int], None]
                ) -> IngestSummary:
        """What ``api.ingest`` does for local files, with the documents recorded under
        the names the user gave (``job.labels``): an upload's ``source_path`` is its
        own file name, never the server's temporary path (which the API would serve)."""
        docs = iter_documents(job.paths, self._settings, allow_private=False,
                              labels=job.labels)
        return run_ingest([job.labels.get(p, p) for p in job.paths], store, self._settings,
                          progress=progress, documents=docs)

    @staticmethod
    def _display(text: str, job: Job) -> str:
        # Show upload names, not the server's temporary directory.
        if job.cleanup is not None:
            text = text.replace(str(job.cleanup) + "/", "")
        return text
