-- Console logins and who looked at what. Times are epoch milliseconds (UTC), as in V1.

CREATE TABLE console_accounts (
    username        TEXT PRIMARY KEY,        -- a roster id, or 'admin'
    password_hash   TEXT    NOT NULL,        -- bcrypt, made by the console; never the password
    role            TEXT    NOT NULL CHECK (role IN ('agent', 'manager')),
    created_at      INTEGER NOT NULL,
    password_set_at INTEGER NOT NULL
);

CREATE TABLE console_access (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    username        TEXT    NOT NULL,
    what            TEXT    NOT NULL,        -- e.g. 'opened handoff 12', 'logged in'
    handoff_id      INTEGER,                 -- no foreign key: a failed look at an unknown id is worth keeping too
    remote_address  TEXT
);
CREATE INDEX console_access_by_time ON console_access (at, id);
