"""Ordered, registered migrations. Each runs once, in a transaction, recorded in
``schema_migrations``; a database newer than this code is refused, not guessed at."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, shards, runs, ingest errors",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            author VARCHAR,
            published DATE,
            published_inferred BOOLEAN NOT NULL DEFAULT FALSE,
            language VARCHAR,
            duplicate_of VARCHAR,
            source_path VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            source_kind VARCHAR,
            dup_group VARCHAR,
            text_hash VARCHAR NOT NULL,
            n_words INTEGER NOT NULL,
            notes VARCHAR[] NOT NULL DEFAULT [],
            published_partial VARCHAR,
            minhash BLOB,
            extractor VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        CREATE INDEX articles_text_hash ON articles(text_hash);
        CREATE TABLE ingest_shards (
            id VARCHAR PRIMARY KEY,
            run_id VARCHAR NOT NULL,
            n_docs INTEGER NOT NULL,
            n_new INTEGER NOT NULL,
            done_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        CREATE TABLE ingest_runs (
            id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            inputs VARCHAR NOT NULL,
            summary VARCHAR
        );
        CREATE TABLE ingest_errors (
            id VARCHAR PRIMARY KEY,
            run_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        """,
    ),
]

LATEST = MIGRATIONS[-1][0]

MIGRATIONS.append(
    (
        2,
        "understanding: actors, mentions, times, places, counts, quotes",
        """
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            country VARCHAR,
            sector VARCHAR,
            aliases VARCHAR[] NOT NULL DEFAULT []
        );
        CREATE TABLE article_analysis (
            article_id VARCHAR PRIMARY KEY,
            provenance VARCHAR[] NOT NULL,
            analyzed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, text VARCHAR NOT NULL,
            span INTEGER[] NOT NULL, label VARCHAR NOT NULL, country VARCHAR, sector VARCHAR,
            sentence INTEGER NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_actor ON mentions(actor_id);
        CREATE TABLE times (
            article_id VARCHAR NOT NULL, text VARCHAR NOT NULL, span INTEGER[] NOT NULL,
            date DATE, end_date DATE, precision VARCHAR NOT NULL, relative BOOLEAN NOT NULL
        );
        CREATE INDEX times_article ON times(article_id);
        CREATE TABLE places (
            article_id VARCHAR NOT NULL, text VARCHAR NOT NULL, span INTEGER[] NOT NULL,
            name VARCHAR NOT NULL, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
            disputed BOOLEAN NOT NULL
        );
        CREATE INDEX places_article ON places(article_id);
        CREATE TABLE counts (
            article_id VARCHAR NOT NULL, text VARCHAR NOT NULL, span INTEGER[] NOT NULL,
            number DOUBLE NOT NULL, object VARCHAR NOT NULL, verb VARCHAR,
            precision VARCHAR NOT NULL
        );
        CREATE INDEX counts_article ON counts(article_id);
        CREATE TABLE quotes (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR NOT NULL,
            direct BOOLEAN NOT NULL, cue VARCHAR, speaker VARCHAR, span INTEGER[] NOT NULL,
            kind VARCHAR NOT NULL
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        """,
    )
)
LATEST = MIGRATIONS[-1][0]

# Events, claims, stories and framing are nested records: each row keeps the whole
# record as JSON (``payload``) plus the columns that queries filter and sort on.
MIGRATIONS.append(
    (
        3,
        "events, claims, stories, framing",
        """
        CREATE TABLE article_events (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL,
            date DATE, actor_countries VARCHAR[], recipient_countries VARCHAR[],
            payload JSON NOT NULL
        );
        CREATE INDEX article_events_article ON article_events(article_id);
        CREATE TABLE article_claims (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, payload JSON NOT NULL
        );
        CREATE INDEX article_claims_article ON article_claims(article_id);
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, date DATE,
            actor_countries VARCHAR[], recipient_countries VARCHAR[],
            n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL, payload JSON NOT NULL
        );
        CREATE TABLE claims (
            id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, n_sources INTEGER NOT NULL,
            story_id VARCHAR, payload JSON NOT NULL
        );
        CREATE TABLE stories (
            id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, start DATE, "end" DATE,
            payload JSON NOT NULL
        );
        CREATE TABLE framing (
            story_id VARCHAR NOT NULL, referent VARCHAR NOT NULL, payload JSON NOT NULL,
            PRIMARY KEY (story_id, referent)
        );
        """,
    )
)
LATEST = MIGRATIONS[-1][0]

# Sentence embeddings of claim and story texts, keyed by model and text hash: the
# cross-article step re-runs over the whole store after every ingest, and re-embedding
# every claim each time made a small incremental ingest cost as much as the first one.
MIGRATIONS.append(
    (
        4,
        "embedding cache",
        """
        CREATE TABLE embeddings (
            model VARCHAR NOT NULL, key VARCHAR NOT NULL, vec BLOB NOT NULL,
            PRIMARY KEY (model, key)
        );
        """,
    )
)
LATEST = MIGRATIONS[-1][0]

# What the cross-article results were computed from (a fingerprint of the articles and
# their analyses): a run whose inputs did not change skips the cross-article stages, and
# a run that was interrupted before recording it is finished by the next one.
MIGRATIONS.append(
    (
        5,
        "corpus state",
        """
        CREATE TABLE corpus_state (
            key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL,
            updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        """,
    )
)
LATEST = MIGRATIONS[-1][0]

# `chronicler watch` (issue 17): each watched source's state, HTTP validators per URL
# (a 304 costs nothing), and the items a source has already handed over (never fetched
# again). Read and written through chronicler.store.sources.
MIGRATIONS.append(
    (
        6,  # 5 is the corpus state (landed first)
        "watched sources",
        """
        CREATE TABLE watch_sources (
            id VARCHAR PRIMARY KEY, location VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            outlet VARCHAR, tags VARCHAR[] NOT NULL DEFAULT [], interval_s DOUBLE NOT NULL,
            last_check TIMESTAMP, last_ok TIMESTAMP, last_status VARCHAR, last_error VARCHAR,
            failures INTEGER NOT NULL DEFAULT 0, next_due TIMESTAMP,
            n_checks INTEGER NOT NULL DEFAULT 0, n_not_modified INTEGER NOT NULL DEFAULT 0,
            n_articles INTEGER NOT NULL DEFAULT 0, n_errors INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE watch_http (
            url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, body_hash VARCHAR,
            checked_at TIMESTAMP NOT NULL
        );
        CREATE TABLE watch_seen (
            source_id VARCHAR NOT NULL, key VARCHAR NOT NULL, sig VARCHAR NOT NULL,
            first_seen TIMESTAMP NOT NULL, PRIMARY KEY (source_id, key)
        );
        """,
    )
)
LATEST = MIGRATIONS[-1][0]

# The claim alignment's memory between runs (chronicler.corpus.increment): per claim, a
# digest of every fact its pairs read and the group it ended in; the pairs that linked,
# with their similarity; per group, a digest of what the contest check reads, and the
# denial/claim group pairs it found. A run re-pairs only the claims whose digest changed,
# re-groups only the link components they touch and checks contests only where a group
# changed; the rest is read back from here.
MIGRATIONS.append(
    (
        7,
        "claim alignment memory",
        """
        CREATE TABLE claim_facts (
            id VARCHAR PRIMARY KEY, fact VARCHAR NOT NULL, group_id VARCHAR NOT NULL
        );
        CREATE TABLE claim_links (
            a VARCHAR NOT NULL, b VARCHAR NOT NULL, sim DOUBLE NOT NULL
        );
        CREATE TABLE claim_group_facts (id VARCHAR PRIMARY KEY, fact VARCHAR NOT NULL);
        CREATE TABLE claim_contests (denial VARCHAR NOT NULL, claim VARCHAR NOT NULL);
        """,
    )
)
LATEST = MIGRATIONS[-1][0]
