-- PostgreSQL twin of db/sqlite/V8.
CREATE INDEX handoffs_by_assignee ON handoffs (assignee_id, created_at);
