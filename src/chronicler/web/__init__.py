"""REST API and web UI over :mod:`chronicler.views.query`.

    app.py         create_app(db_path, token=..., settings=...) -> FastAPI; the error shape
    api_routes.py  /api/...: one query call per route; POST /api/ingest (upload or URL)
    pages.py       server-rendered pages (Jinja, autoescape on) over the same calls; /docs
    models.py      response models (export-contract shapes) for the OpenAPI schema
    deps.py        a DuckDB cursor per request, typed query parameters, template filters
    security.py    headers (CSP, nosniff, no-referrer), write guard (token, origin, body
                   cap), host check, error_body
    highlight.py   article text with every extracted item marked at its span, escaped
    jobs.py        background ingest jobs with progress
    live.py        serve --watch (the watch loop in the server); /api/live/new, SSE stream
    serve.py       serve(db, host, port, token) with uvicorn; serve_in_thread for tests
    sample.py      a small hand-built database for tests and UI work
"""
