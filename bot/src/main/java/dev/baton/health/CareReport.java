package dev.baton.health;

import dev.baton.console.api.CareFigures;
import dev.baton.routing.Roster;
import dev.baton.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Did people get helped, and did anyone have to repeat themselves: the care figures over a period, from the
 * stored handoffs, their events, staff messages, decisions, after-care answers and repeat checks. Only
 * reads; practice conversations from the console's playground never count. The numbers are worked out in
 * {@link CareTable}, from one row per handoff and the decisions per day, both read under one hold of the
 * database so they agree.
 *
 * <p>What counts (a handoff belongs to the period and the ISO week, UTC, it was created in; {@code from}
 * inclusive, {@code to} exclusive):
 * <ul>
 *   <li>satisfaction: of the rating prompts answered, the 👍 share is up / (up + down); also the prompts
 *       asked, the answers and the comments (closing lines ask nothing and are left out);</li>
 *   <li>repeat rate: handoffs with a repeat / handoffs checked;</li>
 *   <li>time to first human reply: creation to the first staff message in its conversation at or after it
 *       (before any later handoff of the same conversation); median and p90, nearest rank;</li>
 *   <li>time to resolve: creation to its first {@code resolved} event; median and p90;</li>
 *   <li>handoff rate: handoffs (per main reason, per week, or all) / customer messages Baton decided on in
 *       the same stretch; bot answer rate: decisions with verdict answer / all decisions;</li>
 *   <li>👎 after a bot answer: rating answers of 👎 on handoffs whose conversation had a bot answer before
 *       the handoff, and their share of the rated handoffs after a bot answer;</li>
 *   <li>a handoff counts for the person after-care names as having resolved it, else its assignee.</li>
 * </ul>
 */
public final class CareReport {

    private static final long DAY_MILLIS = 86_400_000L;

    private static final String HANDOFFS = """
            WITH first_answer AS (
                SELECT d.conversation_id, MIN(d.decided_at) AS at FROM decisions d
                WHERE d.verdict = 'answer' AND d.decided_at < ? GROUP BY d.conversation_id)
            SELECT h.id, h.rule, h.reason, COALESCE(a.resolved_by, h.assignee_id), cu.name, h.created_at,
                (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = h.conversation_id
                    AND m.author_kind = 'staff' AND m.created_at >= h.created_at
                    AND m.created_at < COALESCE((SELECT MIN(n.created_at) FROM handoffs n
                        WHERE n.conversation_id = h.conversation_id AND n.id > h.id), 9223372036854775807)),
                (SELECT MIN(e.at) FROM handoff_events e WHERE e.handoff_id = h.id AND e.kind = 'resolved'),
                CASE WHEN a.message_id IS NOT NULL THEN a.kind END, a.verdict,
                CASE WHEN COALESCE(a.comment, '') <> '' THEN 1 ELSE 0 END,
                CASE WHEN r.handoff_id IS NOT NULL THEN 1 ELSE 0 END, r.kind,
                CASE WHEN fa.at IS NOT NULL AND fa.at < h.created_at THEN 1 ELSE 0 END
            FROM handoffs h JOIN conversations c ON c.id = h.conversation_id
                LEFT JOIN customers cu ON cu.id = c.customer_id
                LEFT JOIN aftercare a ON a.handoff_id = h.id
                LEFT JOIN repeat_checks r ON r.handoff_id = h.id
                LEFT JOIN first_answer fa ON fa.conversation_id = h.conversation_id
            WHERE c.practice = 0 AND h.created_at >= ? AND h.created_at < ?""";

    private static final String DECISIONS_PER_DAY = "SELECT d.decided_at / " + DAY_MILLIS + ", COUNT(*),"
            + " COALESCE(SUM(CASE WHEN d.verdict = 'answer' THEN 1 ELSE 0 END), 0)"
            + " FROM decisions d JOIN conversations c ON c.id = d.conversation_id"
            + " WHERE c.practice = 0 AND d.decided_at >= ? AND d.decided_at < ? GROUP BY 1";

    private final Database database;

    public CareReport(Database database) {
        this.database = database;
    }

    /**
     * The figures for {@code [from, to)}.
     *
     * @param ruleNames the live rules' names in file order ({@link RulesHealthReport#ruleNames}); each gets a row
     * @param roster    the live roster: everyone gets a row, and people are named by it
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    public CareFigures compute(Instant from, Instant to, List<String> ruleNames, Roster roster) {
        check(from, to);
        record Read(List<CareFacts> handoffs, Map<LocalDate, DayDecisions> decisions) {
        }
        Read read = database.read(c -> new Read(handoffs(c, from, to), decisions(c, from, to)));
        return CareTable.of(from, to, ruleNames, roster, read.handoffs(), read.decisions());
    }

    /**
     * The handoffs one number of {@link #compute} counts, oldest first.
     *
     * @param group  {@code all}, {@code person:<id>}, {@code rule:<name>}, {@code week:<2026-W49>} or
     *               {@code reason:<cue>}
     * @param figure one of {@code CareFiguresSource.FIGURES}
     * @throws IllegalArgumentException for a group or figure it does not know, or an empty period
     */
    public List<CareFigures.Handoff> behind(Instant from, Instant to, Roster roster, String group, String figure) {
        check(from, to);
        List<CareFacts> all = database.read(c -> handoffs(c, from, to));
        return CareTable.behind(all, group, figure)
                .orElseThrow(() -> new IllegalArgumentException("no figure " + figure + " for " + group))
                .stream()
                .map(h -> new CareFigures.Handoff(h.id(), h.createdAt(), h.customerName(),
                        CareTable.name(roster, h.person()), h.rule(), h.reason()))
                .toList();
    }

    private static void check(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period must end after it starts: from " + from + " to " + to);
        }
    }

    private static List<CareFacts> handoffs(Connection c, Instant from, Instant to) throws SQLException {
        List<CareFacts> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(HANDOFFS)) {
            s.setLong(1, to.toEpochMilli());
            s.setLong(2, from.toEpochMilli());
            s.setLong(3, to.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new CareFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), instant(rs, 7), instant(rs, 8),
                            rs.getString(9), rs.getString(10), rs.getInt(11) == 1, rs.getInt(12) == 1,
                            rs.getString(13), rs.getInt(14) == 1));
                }
            }
        }
        return found;
    }

    private static Map<LocalDate, DayDecisions> decisions(Connection c, Instant from, Instant to) throws SQLException {
        Map<LocalDate, DayDecisions> perDay = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(DECISIONS_PER_DAY)) {
            s.setLong(1, from.toEpochMilli());
            s.setLong(2, to.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    perDay.put(LocalDate.ofEpochDay(rs.getLong(1)), new DayDecisions(rs.getInt(2), rs.getInt(3)));
                }
            }
        }
        return perDay;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
