-- Issue 6: what the optional language model added to a decision, as JSON
-- {"outcome": "agreed|changed|failed|rejected", "detail": "...", "millis": 812, "phrasing": "..."}; NULL when
-- no model was asked (none configured, or the engine was sure). The verdict, cues and nearest entry stay
-- the offline engine's evidence, so replays re-decide from what Baton itself measured.
ALTER TABLE decisions ADD COLUMN second_opinion TEXT;
