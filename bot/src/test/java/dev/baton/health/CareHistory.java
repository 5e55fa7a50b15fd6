package dev.baton.health;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.Outcome;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A small support history with a known answer for the care figures, written through the real stores, with
 * the after-care and repeat-check rows the Discord side would write put in with plain SQL. The period is
 * Monday 10 to Sunday 23 June 2024 (UTC), ISO weeks 2024-W24 and 2024-W25; the roster is {@link History}'s
 * (Alex, Sam).
 *
 * <pre>
 * handoff  created      rule     reason         to    bot answer before  staff reply  resolved (by)     after-care               repeat check
 * H1       06-10 10:00  billing  anger          alex  yes (09:50)        +60s         +600s  (alex)     rating 👍 "Thanks, sorted!"  none
 * H2       06-11 10:00  billing  anger          alex  yes (09:50)        +120s        +1200s (sam)      rating 👎 (by sam)       customer restated
 * H3       06-12 10:00  default  human_request  sam   -                  +30s         +300s  (sam)      rating 👍                none
 * H4       06-18 10:00  default  anger          alex  -                  -            +3600s (alex)     rating, not answered     none
 * H5       06-19 10:00  billing  frustration    alex  -                  -            -                 -                        -
 * H6       06-20 10:00  default  out_of_scope   alex  -                  -            +60s   (alex)     closing line             -
 * practice 06-12 11:00, H0 06-09 23:59:59.999 and H7 06-24 00:00 (outside the period): rated 👎; never counted
 * answered, no handoff: A 06-19 12:00
 *
 * decisions in the period: 3 answers (H1's, H2's, A's) and 6 handoffs: 9. W24: 2 answers + 3 handoffs; W25: 1 + 3.
 * </pre>
 */
public final class CareHistory {

    public static final Instant FROM = Instant.parse("2024-06-10T00:00:00Z");
    public static final Instant TO = Instant.parse("2024-06-24T00:00:00Z");
    public static final String EARLIER = "My order is 4411 and I was charged twice for it.";
    public static final String RESTATED = "Like I said: order 4411, charged twice.";
    public static final String COMMENT = "Thanks, sorted!";

    /** The handoffs written, by the names in the table above. */
    public record Written(HandoffRecord h1, HandoffRecord h2, HandoffRecord h3, HandoffRecord h4, HandoffRecord h5,
                          HandoffRecord h6, HandoffRecord practice) {
    }

    private final History history;

    private CareHistory(History history) {
        this.history = history;
    }

    public static Written write(History history) {
        return new CareHistory(history).write();
    }

    private Written write() {
        HandoffRecord h0 = history.at("2024-06-09T23:59:59.999Z").handoff().rule("billing").create();
        resolve(h0, "alex", Duration.ofSeconds(10));
        rating(h0, "alex", "down", "");
        checked(h0, null, null, null);

        ConversationRecord a1 = history.at("2024-06-10T09:50:00Z").answered();
        HandoffRecord h1 = history.at("2024-06-10T10:00:00Z").handoff().rule("billing").in(a1.id()).create();
        history.after(Duration.ofSeconds(60)).staffReply(h1.conversationId(), "alex");
        resolve(h1, "alex", Duration.ofSeconds(600));
        rating(h1, "alex", "up", COMMENT);
        checked(h1, null, null, null);

        ConversationRecord a2 = history.at("2024-06-11T09:50:00Z").answered();
        long earlier = say(a2, AuthorKind.CUSTOMER, EARLIER, Duration.ofMinutes(5));
        HandoffRecord h2 = history.at("2024-06-11T10:00:00Z").handoff().rule("billing").in(a2.id()).create();
        history.after(Duration.ofSeconds(120)).staffReply(h2.conversationId(), "alex");
        long restated = say(a2, AuthorKind.CUSTOMER, RESTATED, Duration.ofSeconds(30));
        resolve(h2, "sam", Duration.ofSeconds(1200));
        rating(h2, "sam", "down", "");
        checked(h2, "customer_restated", restated, earlier);

        HandoffRecord h3 = history.at("2024-06-12T10:00:00Z").handoff().rule("default").reason("human_request")
                .to("sam").create();
        history.after(Duration.ofSeconds(30)).staffReply(h3.conversationId(), "sam");
        resolve(h3, "sam", Duration.ofSeconds(300));
        rating(h3, "sam", "up", "");
        checked(h3, null, null, null);

        HandoffRecord practice = history.at("2024-06-12T11:00:00Z").handoff().practice().create();
        resolve(practice, "alex", Duration.ofSeconds(10));
        rating(practice, "alex", "down", "practice");
        checked(practice, null, null, null);

        HandoffRecord h4 = history.at("2024-06-18T10:00:00Z").handoff().rule("default").create();
        resolve(h4, "alex", Duration.ofSeconds(3600));
        rating(h4, "alex", null, "");
        checked(h4, null, null, null);

        HandoffRecord h5 = history.at("2024-06-19T10:00:00Z").handoff().rule("billing").reason("frustration").create();
        history.at("2024-06-19T12:00:00Z").answered();

        HandoffRecord h6 = history.at("2024-06-20T10:00:00Z").handoff().rule("default").reason("out_of_scope").create();
        resolve(h6, "alex", Duration.ofSeconds(60));
        aftercare(h6, "alex", "closing_line", null, "");

        HandoffRecord h7 = history.at("2024-06-24T00:00:00Z").handoff().rule("billing").create();
        history.after(Duration.ofSeconds(5)).staffReply(h7.conversationId(), "alex");
        resolve(h7, "alex", Duration.ofSeconds(10));
        rating(h7, "alex", "down", "");
        return new Written(h1, h2, h3, h4, h5, h6, practice);
    }

    private void resolve(HandoffRecord handoff, String by, Duration after) {
        history.at(handoff.createdAt().plus(after).toString()).lifecycle.resolve(handoff.id(), by, Outcome.SOLVED, "");
    }

    private void rating(HandoffRecord handoff, String resolvedBy, String verdict, String comment) {
        aftercare(handoff, resolvedBy, "rating", verdict, comment);
    }

    /** The after-care row as the Discord side writes it: asked a second after the resolve, answered a minute after. */
    private void aftercare(HandoffRecord handoff, String resolvedBy, String kind, String verdict, String comment) {
        ConversationRecord c = history.conversations.conversation(handoff.conversationId()).orElseThrow();
        long asked = history.clock.instant().toEpochMilli() + 1000;
        history.database.write(db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO aftercare (handoff_id, conversation_id,"
                    + " customer_id, resolved_by, kind, asked_at, expires_at, verdict, answered_at, comment, message_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, handoff.id());
                s.setLong(2, c.id());
                s.setString(3, c.customerId());
                s.setString(4, resolvedBy);
                s.setString(5, kind);
                s.setLong(6, asked);
                s.setLong(7, asked + Duration.ofDays(1).toMillis());
                s.setString(8, verdict);
                s.setObject(9, verdict == null ? null : asked + 60_000);
                s.setString(10, comment);
                s.setString(11, "9" + (1_000_000_000_000_000L + handoff.id()));
                return s.executeUpdate();
            }
        });
    }

    /** A repeat check a second after the after-care prompt: without a kind, checked and nothing found. */
    private void checked(HandoffRecord handoff, String kind, Long message, Long earlier) {
        history.database.write(db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO repeat_checks (handoff_id, checked_at, kind,"
                    + " message_id, earlier_id, score) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, handoff.id());
                s.setLong(2, history.clock.instant().toEpochMilli() + 2000);
                s.setString(3, kind);
                s.setObject(4, message);
                s.setObject(5, earlier);
                s.setObject(6, kind == null ? null : 0.92);
                return s.executeUpdate();
            }
        });
    }

    private long say(ConversationRecord c, AuthorKind kind, String text, Duration after) {
        history.after(after);
        return history.conversations.insert(new NewMessage(null, c.id(), c.replyChannelId(), c.customerId(),
                "Customer", kind, text, List.of(), null, null, history.clock.instant())).orElseThrow();
    }
}
