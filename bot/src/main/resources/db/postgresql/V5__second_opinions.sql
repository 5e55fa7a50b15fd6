-- PostgreSQL twin of db/sqlite/V5.
ALTER TABLE decisions ADD COLUMN second_opinion TEXT;
