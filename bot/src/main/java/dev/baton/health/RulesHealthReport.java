package dev.baton.health;

import dev.baton.console.api.RulesHealth;
import dev.baton.feedback.FeedbackKind;
import dev.baton.routing.Roster;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the rules did over a period, from the stored handoffs, their events, staff replies, decisions and
 * feedback; practice conversations from the console's playground never count.
 *
 * <p>Four queries whatever the period holds: one row per handoff created in it (its first claim, first staff
 * reply, deadline breach and feedback found through indexed sub-queries), the decisions in it, answers per
 * day, and answered conversations marked "should have come sooner". The numbers are then worked out in
 * {@link HealthFigures}. All four run under one hold of the database, so they agree with each other.
 *
 * <p>What counts:
 * <ul>
 *   <li>a handoff belongs to the period it was created in ({@code from} inclusive, {@code to} exclusive),
 *       and its feedback counts with it whenever given;</li>
 *   <li>time to pickup runs from creation to the first claim or the first staff message in the conversation
 *       after it (before any later handoff of the same conversation), whichever is first;</li>
 *   <li>a handoff counts for the person who picked it up, else for whoever it is with now, and for that
 *       person's team in the roster given ({@value HealthFigures#NO_TEAM} otherwise);</li>
 *   <li>a handoff that was reminded, re-routed or escalated breached a pickup deadline, once however often.</li>
 * </ul>
 */
public final class RulesHealthReport {

    private static final long DAY_MILLIS = 86_400_000L;

    private static final String HANDOFFS = """
            WITH period AS (
                SELECT h.id, h.rule, h.reason, h.assignee_id, h.created_at,
                    (SELECT e.id FROM handoff_events e WHERE e.handoff_id = h.id AND e.kind = 'claimed'
                        ORDER BY e.at, e.id LIMIT 1) AS claim_id,
                    (SELECT m.id FROM messages m WHERE m.conversation_id = h.conversation_id
                        AND m.author_kind = 'staff' AND m.created_at >= h.created_at
                        AND m.created_at < COALESCE((SELECT MIN(n.created_at) FROM handoffs n
                            WHERE n.conversation_id = h.conversation_id AND n.id > h.id), 9223372036854775807)
                        ORDER BY m.created_at, m.id LIMIT 1) AS reply_id,
                    CASE WHEN EXISTS (SELECT 1 FROM handoff_events e WHERE e.handoff_id = h.id
                        AND e.kind IN ('reminded', 'rerouted', 'escalated')) THEN 1 ELSE 0 END AS breached,
                    (SELECT {kinds} FROM feedback f
                        WHERE f.conversation_id = h.conversation_id AND f.handoff_id = h.id) AS kinds
                FROM handoffs h JOIN conversations c ON c.id = h.conversation_id
                WHERE c.practice = 0 AND h.created_at >= ? AND h.created_at < ?)
            SELECT p.id, p.rule, p.reason, p.assignee_id, p.created_at, claim.at, claim.actor,
                reply.created_at, reply.author_id, reply.author_name, p.breached, p.kinds
            FROM period p
                LEFT JOIN handoff_events claim ON claim.id = p.claim_id
                LEFT JOIN messages reply ON reply.id = p.reply_id""";

    private static final String DECISIONS = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN d.verdict = 'answer' THEN 1 ELSE 0 END), 0)"
            + " FROM decisions d JOIN conversations c ON c.id = d.conversation_id"
            + " WHERE c.practice = 0 AND d.decided_at >= ? AND d.decided_at < ?";

    private static final String ANSWERS_PER_DAY = "SELECT d.decided_at / " + DAY_MILLIS + ", COUNT(*)"
            + " FROM decisions d JOIN conversations c ON c.id = d.conversation_id"
            + " WHERE c.practice = 0 AND d.verdict = 'answer' AND d.decided_at >= ? AND d.decided_at < ?"
            + " GROUP BY 1";

    private static final String SOONER = "SELECT COUNT(DISTINCT f.conversation_id)"
            + " FROM feedback f JOIN conversations c ON c.id = f.conversation_id"
            + " WHERE c.practice = 0 AND f.handoff_id IS NULL AND f.kind = 'should_have_come_sooner'"
            + " AND EXISTS (SELECT 1 FROM decisions d WHERE d.conversation_id = f.conversation_id"
            + " AND d.verdict = 'answer' AND d.decided_at >= ? AND d.decided_at < ?)";

    private final Database database;

    public RulesHealthReport(Database database) {
        this.database = database;
    }

    /**
     * The numbers for {@code [from, to)}.
     *
     * @param ruleNames the live rules' names, in file order (see {@link #ruleNames(RuleBook)}); each gets a
     *                  row even when it routed nothing
     * @param roster    the live roster: who is on which team, and everyone gets a pickup row
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    public RulesHealth compute(Instant from, Instant to, List<String> ruleNames, Roster roster) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period must end after it starts: from " + from + " to " + to);
        }
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        record Read(List<HandoffFacts> handoffs, AnswerFacts answers) {
        }
        Read read = database.read(c -> new Read(handoffs(c, database.dialect(), start, end), answers(c, start, end)));
        return HealthFigures.of(from, to, ruleNames, roster, read.handoffs(), read.answers());
    }

    /** The names of a rule book's routes in file order, then its default route's. */
    public static List<String> ruleNames(RuleBook rules) {
        Set<String> names = new LinkedHashSet<>();
        rules.routes().stream().map(Route::name).forEach(names::add);
        names.add(rules.fallback().name());
        return List.copyOf(names);
    }

    private static List<HandoffFacts> handoffs(Connection c, Dialect dialect, long start, long end)
            throws SQLException {
        List<HandoffFacts> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(HANDOFFS.replace("{kinds}", dialect.joinDistinct("f.kind")))) {
            s.setLong(1, start);
            s.setLong(2, end);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(facts(rs));
                }
            }
        }
        return found;
    }

    private static HandoffFacts facts(ResultSet rs) throws SQLException {
        Instant created = Instant.ofEpochMilli(rs.getLong(5));
        Instant claimedAt = instant(rs, 6);
        Instant repliedAt = instant(rs, 8);
        // The claim wins a tie: it names the roster id, where a reply only has the Discord id.
        boolean claimFirst = claimedAt != null && (repliedAt == null || !repliedAt.isBefore(claimedAt));
        Instant pickedUpAt = claimFirst ? claimedAt : repliedAt;
        String pickedUpBy = claimFirst ? rs.getString(7) : repliedAt != null ? rs.getString(9) : null;
        String pickedUpByName = !claimFirst && repliedAt != null ? rs.getString(10) : null;
        return new HandoffFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), created,
                pickedUpAt, pickedUpBy, pickedUpByName, rs.getInt(11) == 1, kinds(rs.getString(12)));
    }

    private static Set<FeedbackKind> kinds(String commaSeparated) {
        Set<FeedbackKind> kinds = EnumSet.noneOf(FeedbackKind.class);
        if (commaSeparated != null && !commaSeparated.isEmpty()) {
            for (String kind : commaSeparated.split(",")) {
                kinds.add(FeedbackKind.fromWire(kind));
            }
        }
        return kinds;
    }

    private static AnswerFacts answers(Connection c, long start, long end) throws SQLException {
        int decisions;
        int answered;
        try (PreparedStatement s = c.prepareStatement(DECISIONS)) {
            s.setLong(1, start);
            s.setLong(2, end);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                decisions = rs.getInt(1);
                answered = rs.getInt(2);
            }
        }
        Map<LocalDate, Integer> perDay = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(ANSWERS_PER_DAY)) {
            s.setLong(1, start);
            s.setLong(2, end);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    perDay.put(LocalDate.ofEpochDay(rs.getLong(1)), rs.getInt(2));
                }
            }
        }
        int sooner;
        try (PreparedStatement s = c.prepareStatement(SOONER)) {
            s.setLong(1, start);
            s.setLong(2, end);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sooner = rs.getInt(1);
            }
        }
        return new AnswerFacts(decisions, answered, sooner, perDay);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
