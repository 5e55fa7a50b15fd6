-- Console sessions and one-time setup links, in the database rather than one process's memory, so that
-- several Batons behind one address (on PostgreSQL) share every login and every link. Only digests
-- (SHA-256) of the session ids and link tokens are kept, never the values people hold. Times are epoch ms.
-- (V9 belongs to the shard leases.)

CREATE TABLE console_sessions (
    digest      TEXT PRIMARY KEY,
    username    TEXT    NOT NULL,
    csrf_token  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    last_used   INTEGER NOT NULL
);
CREATE INDEX console_sessions_by_user ON console_sessions (username);

CREATE TABLE console_setup_links (
    digest      TEXT PRIMARY KEY,
    username    TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX console_setup_links_by_user ON console_setup_links (username);
