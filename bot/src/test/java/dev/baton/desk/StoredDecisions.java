package dev.baton.desk;

import dev.baton.knowledge.Match;
import dev.baton.store.Database;
import dev.baton.triage.Decision;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Decision rows written by the desk's own {@link DecisionLog}, for tests that need a stored history
 * (replays, rule health) without running the engine on every message.
 */
public final class StoredDecisions {

    private StoredDecisions() {
    }

    /**
     * Writes the row as the desk does, with the entry nearest the message beside it.
     *
     * @param keepNearest false for a row as Baton wrote them before it kept the nearest entry of every
     *                    decision, which a replay has to look up again
     */
    public static void record(Database database, long conversationId, long messageRow, Decision decision,
                              Match nearest, boolean keepNearest, Instant at) {
        DecisionLog.record(database, conversationId, messageRow, decision, nearest, 0.0, 0, at);
        if (keepNearest) {
            return;
        }
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE decisions SET nearest_kb_id = NULL,"
                    + " nearest_confidence = NULL WHERE id = (SELECT MAX(id) FROM decisions)")) {
                return s.executeUpdate();
            }
        });
    }
}
