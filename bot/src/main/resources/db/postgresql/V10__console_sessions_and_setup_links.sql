-- PostgreSQL twin of db/sqlite/V10.

CREATE TABLE console_sessions (
    digest      TEXT PRIMARY KEY,
    username    TEXT   NOT NULL,
    csrf_token  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    last_used   BIGINT NOT NULL
);
CREATE INDEX console_sessions_by_user ON console_sessions (username);

CREATE TABLE console_setup_links (
    digest      TEXT PRIMARY KEY,
    username    TEXT   NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX console_setup_links_by_user ON console_setup_links (username);
