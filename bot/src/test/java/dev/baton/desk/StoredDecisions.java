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
     * Writes the row as the desk does, with the nearest entry beside it (null: a row from before Baton stored
     * it, which a replay has to look up again).
     */
    public static void record(Database database, long conversationId, long messageRow, Decision decision,
                              Match nearest, Instant at) {
        DecisionLog.record(database, conversationId, messageRow, decision, 0, at);
        // The desk's log writes the nearest entry itself once routing rules are in; until then it is set here.
        database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE decisions SET nearest_kb_id = ?, nearest_confidence = ?"
                    + " WHERE id = (SELECT MAX(id) FROM decisions)")) {
                s.setString(1, nearest == null ? null : nearest.entry().id());
                if (nearest == null) {
                    s.setNull(2, java.sql.Types.REAL);
                } else {
                    s.setDouble(2, nearest.confidence());
                }
                return s.executeUpdate();
            }
        });
    }
}
