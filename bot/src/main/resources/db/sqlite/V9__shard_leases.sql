-- Several Batons on one database (issue 17): each gateway shard is held by one instance at a time, under a lease
-- it renews every few seconds. A standby takes a lease that has run out; the token grows by one at every
-- takeover (a fencing token), and every change is a compare-and-set on the token. Times are epoch milliseconds.
-- On SQLite there is one process, which simply holds every shard through the same rows.
CREATE TABLE shard_leases (
    total       INTEGER NOT NULL CHECK (total >= 1),
    shard       INTEGER NOT NULL CHECK (shard >= 0 AND shard < total),
    holder      TEXT    NOT NULL,
    token       INTEGER NOT NULL CHECK (token >= 1),
    expires_at  INTEGER NOT NULL,
    PRIMARY KEY (total, shard)
);
