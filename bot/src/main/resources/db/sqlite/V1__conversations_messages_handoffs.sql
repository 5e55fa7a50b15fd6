-- Baton's first schema: who wrote what where, which conversation it belongs to, what Baton decided,
-- and every handoff with its lifecycle. Times are epoch milliseconds (UTC): they sort and compare as
-- numbers, unlike ISO strings whose fraction digits vary.

CREATE TABLE customers (
    id          TEXT PRIMARY KEY,            -- Discord user id
    name        TEXT NOT NULL,               -- display name when last seen
    roles       TEXT NOT NULL DEFAULT '[]',  -- JSON array of role names in the server when last seen
    joined_at   INTEGER,                     -- when they joined the server; NULL if not a member (e.g. a DM)
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL
);

CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     TEXT    NOT NULL REFERENCES customers (id),
    place           TEXT    NOT NULL CHECK (place IN ('channel', 'thread', 'forum_post', 'dm')),
    channel_id      TEXT    NOT NULL,        -- where the customer started: a channel, a thread, a forum post or a DM
    thread_id       TEXT,                    -- the thread Baton talks in, once there is one
    state           TEXT    NOT NULL CHECK (state IN ('bot', 'handed_off', 'closed')),
    started_at      INTEGER NOT NULL,
    last_message_at INTEGER NOT NULL
);
CREATE INDEX conversations_by_customer_channel ON conversations (customer_id, channel_id, last_message_at);
CREATE INDEX conversations_by_thread ON conversations (thread_id);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    discord_id      TEXT UNIQUE,             -- de-duplicates redelivered gateway events
    conversation_id INTEGER REFERENCES conversations (id),
    channel_id      TEXT    NOT NULL,
    author_id       TEXT    NOT NULL,
    author_name     TEXT    NOT NULL,
    author_kind     TEXT    NOT NULL CHECK (author_kind IN ('customer', 'bot', 'staff', 'other')),
    text            TEXT    NOT NULL,
    attachments     TEXT    NOT NULL DEFAULT '[]', -- JSON array of file names
    reply_to        TEXT,                    -- Discord id of the message this one replies to
    kb_id           TEXT,                    -- for Baton's answers: the knowledge-base entry given
    created_at      INTEGER NOT NULL,
    edited_at       INTEGER,
    deleted_at      INTEGER                  -- deleted in Discord; the text is kept for the people helping
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);
CREATE INDEX messages_by_author ON messages (author_id, created_at);

-- Every earlier version of an edited message, so an edit after Baton decided can be explained.
CREATE TABLE message_edits (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  INTEGER NOT NULL REFERENCES messages (id),
    old_text    TEXT    NOT NULL,
    edited_at   INTEGER NOT NULL
);

-- What Baton decided for each customer message it acted on; the material for replays and rule health.
CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    message_id      INTEGER NOT NULL REFERENCES messages (id),
    verdict         TEXT    NOT NULL CHECK (verdict IN ('answer', 'handoff')),
    kb_id           TEXT,
    reasons         TEXT    NOT NULL DEFAULT '[]', -- JSON array of cue wire names, for handoffs
    confidence      REAL    NOT NULL,
    cues            TEXT    NOT NULL DEFAULT '[]', -- JSON: every scored cue with its evidence
    decided_at      INTEGER NOT NULL,
    latency_micros  INTEGER NOT NULL
);
CREATE INDEX decisions_by_time ON decisions (decided_at);

CREATE TABLE handoffs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    state           TEXT    NOT NULL CHECK (state IN ('waiting', 'claimed', 'transferred', 'resolved')),
    reason          TEXT    NOT NULL,        -- the main cue's wire name
    assignee_id     TEXT    NOT NULL,        -- roster id of the person it is routed to
    outcome         TEXT CHECK (outcome IN ('solved', 'not_solvable', 'no_response')),
    packet          TEXT    NOT NULL,        -- JSON snapshot of everything known at handoff time
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX handoffs_open ON handoffs (state, created_at);
CREATE INDEX handoffs_by_conversation ON handoffs (conversation_id);

-- One row per change of a handoff: the timeline the console shows and the audit trail.
CREATE TABLE handoff_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    handoff_id  INTEGER NOT NULL REFERENCES handoffs (id),
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,            -- 'baton' or a roster id
    kind        TEXT    NOT NULL,            -- created, claimed, transferred, resolved, reopened, notified, notify_failed
    from_state  TEXT,
    to_state    TEXT,
    detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX handoff_events_by_handoff ON handoff_events (handoff_id, id);
