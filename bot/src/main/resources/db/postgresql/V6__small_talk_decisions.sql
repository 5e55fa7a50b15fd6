-- PostgreSQL twin of db/sqlite/V6. PostgreSQL changes a CHECK constraint in place, so no rebuild is needed;
-- the constraint keeps the name SQLite's rebuilt table would give it in PostgreSQL.
ALTER TABLE decisions DROP CONSTRAINT decisions_verdict_check;
ALTER TABLE decisions ADD CONSTRAINT decisions_verdict_check CHECK (verdict IN ('answer', 'handoff', 'smalltalk'));
ALTER TABLE decisions ADD COLUMN small_talk DOUBLE PRECISION;
