-- Issue 18: did we help, and did anyone have to repeat themselves? Times are epoch milliseconds (UTC).

-- After-care: what Baton asked (or said) in the conversation when a person resolved a handoff, and the
-- customer's answer. One row per handoff: Baton asks once, and takes one answer per customer per handoff.
CREATE TABLE aftercare (
    handoff_id      INTEGER PRIMARY KEY REFERENCES handoffs (id),
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    customer_id     TEXT    NOT NULL,            -- the Discord user asked; nobody else may answer
    resolved_by     TEXT    NOT NULL,            -- roster id of the person who resolved it, named in the prompt
    kind            TEXT    NOT NULL CHECK (kind IN ('rating', 'closing_line')),
    asked_at        INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,            -- buttons pressed later are refused politely
    message_id      TEXT,                        -- the Discord message carrying the buttons, once posted
    verdict         TEXT CHECK (verdict IN ('up', 'down')),
    answered_at     INTEGER,
    comment         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX aftercare_by_time ON aftercare (asked_at);

-- "Nobody repeated": each resolved handoff checked once for the first place after pickup where the customer
-- said again what Baton already had, or a person asked for something already given. A row without a kind
-- was checked and had no repeat (the repeat rate's denominator); with one, the evidence pair is two stored
-- messages. The handoff's timeline carries a found repeat as a 'repeat' event too.
CREATE TABLE repeat_checks (
    handoff_id  INTEGER PRIMARY KEY REFERENCES handoffs (id),
    checked_at  INTEGER NOT NULL,
    kind        TEXT CHECK (kind IN ('customer_restated', 'staff_reasked')),  -- NULL: no repeat
    message_id  INTEGER REFERENCES messages (id),   -- the repeat, after pickup
    earlier_id  INTEGER REFERENCES messages (id),   -- what it repeats, before pickup
    score       REAL,
    CHECK ((kind IS NULL) = (message_id IS NULL) AND (kind IS NULL) = (earlier_id IS NULL))
);
