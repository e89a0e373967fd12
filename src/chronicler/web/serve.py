"""Run the web app with uvicorn.

``serve()`` refuses a non-loopback host without a token: the app can start ingest
jobs that fetch URLs and write to the database, which nobody else on the network
should be able to do. On loopback it accepts only loopback Host headers, so a web
page cannot reach it through DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from chronicler.config import Settings
from chronicler.errors import ConfigError
from chronicler.web.app import create_app
from chronicler.web.security import LOOPBACK_HOSTS


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, *, settings: Settings | None = None,
          log_level: str = "info", on_app: Any = None) -> None:
    """Serve the UI and API for ``db`` until interrupted. ``on_app(app)`` runs before
    serving and returns a function run after (``serve --watch``: start and stop the
    watch loop, :mod:`chronicler.web.live`)."""
    loopback = is_loopback(host)
    if not loopback and not token:
        raise ConfigError(f"refusing to serve on {host}, which is not a loopback address, "
                          "without a token: pass --token (writes will need it)")
    app = create_app(db, token=token, settings=settings,
                     allowed_hosts=list(LOOPBACK_HOSTS) if loopback else None)
    after = on_app(app) if on_app is not None else None
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                    proxy_headers=False)
    finally:
        if after is not None:
            after()
        app.state.store.close()


@contextmanager
def serve_in_thread(app: Any, host: str = "127.0.0.1", port: int = 0,
                    timeout: float = 15.0) -> Iterator[str]:
    """Run ``app`` in a background thread on ``host`` (``port=0``: a free port) and
    yield its base URL; stop it on exit. For tests and notebooks."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    config = uvicorn.Config(app, log_level="warning", server_header=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="chronicler-web")
    thread.start()
    try:
        deadline = threading.Event()
        for _ in range(int(timeout * 20)):
            if server.started or not thread.is_alive():
                break
            deadline.wait(0.05)
        if not server.started:
            raise RuntimeError("the web server did not start")
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
