-- PostgreSQL twin of db/sqlite/V2.
ALTER TABLE conversations ADD COLUMN practice INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1));
