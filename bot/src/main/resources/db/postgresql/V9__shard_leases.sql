-- PostgreSQL twin of db/sqlite/V9: one lease row per gateway shard, held by one Baton at a time (issue 17).
-- The token grows by one at every takeover (a fencing token); every change is a compare-and-set on it.
CREATE TABLE shard_leases (
    total       INTEGER NOT NULL CHECK (total >= 1),
    shard       INTEGER NOT NULL CHECK (shard >= 0 AND shard < total),
    holder      TEXT    NOT NULL,
    token       BIGINT  NOT NULL CHECK (token >= 1),
    expires_at  BIGINT  NOT NULL,
    PRIMARY KEY (total, shard)
);
