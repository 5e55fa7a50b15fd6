package dev.baton.desk;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.knowledge.Match;
import dev.baton.store.Database;
import dev.baton.store.StoreException;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes one row per decision: the record replays and rule-health numbers are computed from. */
final class DecisionLog {


    private DecisionLog() {
    }

    /** As {@link #record(Database, long, long, Decision, Match, double, long, Instant, Map)} when no model was asked. */
    static void record(Database database, long conversationId, long messageRow, Decision decision, Match nearest,
                       double smallTalk, long micros, Instant at) {
        record(database, conversationId, messageRow, decision, nearest, smallTalk, micros, at, null);
    }

    /**
     * @param nearest the entry nearest the last customer message, answer or not: replays re-decide from it
     * @param smallTalk how much the message read as small talk only (see V6), kept for replays
     * @param model   what the language model added (see V5), or null when it was not asked
     */
    static void record(Database database, long conversationId, long messageRow, Decision decision, Match nearest,
                       double smallTalk, long micros, Instant at, Map<String, Object> model) {
        String verdict = decision instanceof Decision.Answer ? "answer"
                : decision instanceof Decision.SmallTalk ? "smalltalk" : "handoff";
        String kbId = decision instanceof Decision.Answer answer ? answer.entry() : null;
        List<String> reasons = decision instanceof Decision.Handoff handoff
                ? handoff.reasons().stream().map(CueKind::wireName).toList() : List.of();
        List<Map<String, Object>> cues = decision.cues().stream()
                .map(c -> Map.<String, Object>of("kind", c.kind().wireName(), "score", c.score(),
                        "message", c.message(), "evidence", c.evidence()))
                .toList();
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decisions (conversation_id, message_id, verdict,"
                    + " kb_id, reasons, confidence, cues, decided_at, latency_micros, nearest_kb_id, nearest_confidence,"
                    + " second_opinion, small_talk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, conversationId);
                s.setLong(2, messageRow);
                s.setString(3, verdict);
                s.setString(4, kbId);
                s.setString(5, json(reasons));
                s.setDouble(6, decision.confidence());
                s.setString(7, json(cues));
                s.setLong(8, at.toEpochMilli());
                s.setLong(9, micros);
                s.setString(10, nearest.entry().id());
                s.setDouble(11, nearest.confidence());
                s.setString(12, model == null ? null : json(model));
                s.setDouble(13, smallTalk);
                return s.executeUpdate();
            }
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write a decision as JSON", e);
        }
    }
}
