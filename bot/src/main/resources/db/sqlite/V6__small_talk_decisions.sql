-- Issue 13: a decision may be small talk (a greeting or chit-chat: Baton replies briefly, nobody is called),
-- and the small-talk score is kept so that replays decide it again from stored evidence. SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt; nothing references decisions.
CREATE TABLE decisions_v6 (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id    INTEGER NOT NULL REFERENCES conversations (id),
    message_id         INTEGER NOT NULL REFERENCES messages (id),
    verdict            TEXT    NOT NULL CHECK (verdict IN ('answer', 'handoff', 'smalltalk')),
    kb_id              TEXT,
    reasons            TEXT    NOT NULL DEFAULT '[]',
    confidence         REAL    NOT NULL,
    cues               TEXT    NOT NULL DEFAULT '[]',
    decided_at         INTEGER NOT NULL,
    latency_micros     INTEGER NOT NULL,
    nearest_kb_id      TEXT,
    nearest_confidence REAL,
    second_opinion     TEXT,
    small_talk         REAL
);
INSERT INTO decisions_v6 (id, conversation_id, message_id, verdict, kb_id, reasons, confidence, cues, decided_at,
                          latency_micros, nearest_kb_id, nearest_confidence, second_opinion)
    SELECT id, conversation_id, message_id, verdict, kb_id, reasons, confidence, cues, decided_at, latency_micros,
           nearest_kb_id, nearest_confidence, second_opinion FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_v6 RENAME TO decisions;
CREATE INDEX decisions_by_time ON decisions (decided_at);
