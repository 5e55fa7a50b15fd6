-- When each person last had a handoff routed to them is asked on every handoff (fair turns). Without this
-- index that read every handoff ever made; with it, one look per person, newest first.
CREATE INDEX handoffs_by_assignee ON handoffs (assignee_id, created_at);
