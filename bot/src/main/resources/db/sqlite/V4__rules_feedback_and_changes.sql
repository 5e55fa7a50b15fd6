-- Issue 5: what the rules decided for each handoff, the evidence replays need, staff feedback, and the
-- audit trail of changes to the live rules. Times are epoch milliseconds (UTC), as in V1.

-- The parent channel of a thread or forum post, so per-channel rules still apply inside its threads.
ALTER TABLE conversations ADD COLUMN parent_id TEXT;

-- The nearest knowledge-base entry for every decision, answer or not: a replay under draft rules with a
-- different sensitivity or answer threshold needs it even where a cue fired and no answer was considered.
ALTER TABLE decisions ADD COLUMN nearest_kb_id TEXT;
ALTER TABLE decisions ADD COLUMN nearest_confidence REAL;

-- Which routing rule matched (its name in rules.yaml, 'default' for the default route), the priority it
-- gave, whether the conversation went to a private thread, and when pickup deadlines start counting.
ALTER TABLE handoffs ADD COLUMN rule TEXT NOT NULL DEFAULT 'default';
ALTER TABLE handoffs ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('urgent', 'high', 'normal', 'low'));
ALTER TABLE handoffs ADD COLUMN private_thread INTEGER NOT NULL DEFAULT 0 CHECK (private_thread IN (0, 1));
ALTER TABLE handoffs ADD COLUMN due_from INTEGER;  -- NULL: from created_at

-- One click from staff on a handoff page (or on a conversation Baton answered).
CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    handoff_id      INTEGER REFERENCES handoffs (id),   -- NULL for a conversation Baton answered
    kind            TEXT    NOT NULL CHECK (kind IN ('needed_person', 'bot_could_answer', 'should_have_come_sooner',
                                                     'asked_again')),
    actor           TEXT    NOT NULL,                   -- roster id or 'admin'
    at              INTEGER NOT NULL,
    note            TEXT    NOT NULL DEFAULT ''
);
-- A second click by the same person on the same handoff (or answered conversation) changes nothing;
-- a conversation handed off twice takes feedback on each handoff.
CREATE UNIQUE INDEX feedback_once ON feedback (conversation_id, COALESCE(handoff_id, 0), kind, actor);
CREATE INDEX feedback_by_time ON feedback (at);

-- Every change to the live configuration, applied or rejected: who, when, which file, the diff.
CREATE TABLE rule_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,            -- a console user, or 'file' for an edit on disk
    file        TEXT    NOT NULL,            -- e.g. rules.yaml
    status      TEXT    NOT NULL CHECK (status IN ('applied', 'rejected')),
    diff        TEXT    NOT NULL,            -- unified diff against the live version
    problems    TEXT    NOT NULL DEFAULT '[]' -- JSON array of "file:line:column: message" for a rejected change
);
CREATE INDEX rule_changes_by_time ON rule_changes (at, id);
