-- PostgreSQL twin of db/sqlite/V7.

CREATE TABLE aftercare (
    handoff_id      BIGINT PRIMARY KEY REFERENCES handoffs (id),
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    customer_id     TEXT   NOT NULL,
    resolved_by     TEXT   NOT NULL,
    kind            TEXT   NOT NULL CHECK (kind IN ('rating', 'closing_line')),
    asked_at        BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    message_id      TEXT,
    verdict         TEXT CHECK (verdict IN ('up', 'down')),
    answered_at     BIGINT,
    comment         TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX aftercare_by_time ON aftercare (asked_at);

CREATE TABLE repeat_checks (
    handoff_id  BIGINT PRIMARY KEY REFERENCES handoffs (id),
    checked_at  BIGINT NOT NULL,
    kind        TEXT CHECK (kind IN ('customer_restated', 'staff_reasked')),
    message_id  BIGINT REFERENCES messages (id),
    earlier_id  BIGINT REFERENCES messages (id),
    score       DOUBLE PRECISION,
    CHECK ((kind IS NULL) = (message_id IS NULL) AND (kind IS NULL) = (earlier_id IS NULL))
);
