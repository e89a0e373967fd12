"""REST API and web UI over :mod:`chronicler.query`.

    app.py        create_app(db_path, token=..., settings=...) -> FastAPI: JSON API + pages
    models.py     response models (export-contract shapes) for the OpenAPI schema
    security.py   headers (CSP, nosniff, no-referrer), write guard (token, origin, body cap),
                  host check, the one JSON error shape
    highlight.py  article text with every extracted item marked at its span, escaped
    jobs.py       background ingest jobs with progress
    serve.py      serve(db, host, port, token) with uvicorn; a server thread for tests
    sample.py     a small hand-built database for tests and UI work
"""
