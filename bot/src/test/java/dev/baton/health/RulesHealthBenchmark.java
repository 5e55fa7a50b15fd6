package dev.baton.health;

import dev.baton.console.api.RulesHealth;
import dev.baton.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the rules health page takes over a large history: 100,000 handoffs in a 30-day period, each with
 * its customer message, decision, created event, and for most a claim, a staff reply, feedback or a deadline
 * event; plus 100,000 answered conversations. Prints numbers; asserts nothing about them. Run with
 * {@code mvn -B -q -o -pl bot -am test -Dbaton.excludedGroups= -Dtest=RulesHealthBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>On the 2-core development machine (shared with other work): 2.2 to 3.9 s per report over 100,000
 * handoffs and 200,000 decisions; the handoff query alone takes 0.5 s in the sqlite3 shell, the decision
 * count another 0.5 s.
 *
 * <p>The history is written with batched SQL rather than through the stores: the stores commit row by row
 * (as the bot must), which would take minutes for a million rows; the report reads only the rows' shape.
 */
@Tag("benchmark")
class RulesHealthBenchmark {

    private static final int HANDOFFS = 100_000;
    private static final int ANSWERED = 100_000;
    private static final Instant FROM = Instant.parse("2024-05-01T00:00:00Z");
    private static final long PERIOD_MILLIS = 30L * 86_400_000L;
    private static final String[] RULES = {"billing-channel", "grief-to-sam", "urgent-crisis", "default"};
    private static final String[] CUES = {"anger", "sadness_grief", "anxiety", "urgency", "frustration",
        "human_request", "out_of_scope"};
    private static final String[] PEOPLE = {"alex", "sam"};
    private static final String[] KINDS = {"needed_person", "bot_could_answer", "asked_again"};

    @Test
    void healthOverAHundredThousandHandoffs() throws Exception {
        Path dir = Files.createTempDirectory("baton-health-bench");
        try (Database database = Database.open(dir.resolve("baton.db"))) {
            long started = System.nanoTime();
            database.transaction(c -> {
                write(c);
                return null;
            });
            System.out.printf("wrote %,d handoffs and %,d answered conversations in %.1f s%n", HANDOFFS, ANSWERED,
                    (System.nanoTime() - started) / 1e9);
            RulesHealthReport report = new RulesHealthReport(database);
            for (int run = 1; run <= 5; run++) {
                long t = System.nanoTime();
                RulesHealth health = report.compute(FROM, FROM.plusMillis(PERIOD_MILLIS), List.of(RULES),
                        History.ROSTER);
                System.out.printf("run %d: %.0f ms (%d handoffs counted, answer rate %.2f)%n", run,
                        (System.nanoTime() - t) / 1e6, health.byRule().stream().mapToInt(r -> r.handoffs()).sum(),
                        health.answers().rate());
            }
        }
    }

    private static void write(Connection c) throws SQLException {
        Random random = new Random(5);
        String alex = History.ROSTER.byId("alex").orElseThrow().discordUserId();
        try (PreparedStatement customer = c.prepareStatement("INSERT INTO customers (id, name, first_seen, last_seen)"
                + " VALUES ('c', 'Customer', 0, 0)")) {
            customer.executeUpdate();
        }
        try (PreparedStatement conversation = c.prepareStatement("INSERT INTO conversations (id, customer_id, place,"
                + " channel_id, state, started_at, last_message_at) VALUES (?, 'c', 'channel', 'support', ?, ?, ?)");
             PreparedStatement message = c.prepareStatement("INSERT INTO messages (id, conversation_id, channel_id,"
                     + " author_id, author_name, author_kind, text, created_at) VALUES (?, ?, 'support', ?, ?, ?, 'text', ?)");
             PreparedStatement decision = c.prepareStatement("INSERT INTO decisions (conversation_id, message_id,"
                     + " verdict, confidence, decided_at, latency_micros) VALUES (?, ?, ?, 0.9, ?, 1000)");
             PreparedStatement handoff = c.prepareStatement("INSERT INTO handoffs (id, conversation_id, state, reason,"
                     + " assignee_id, packet, created_at, updated_at, rule) VALUES (?, ?, 'claimed', ?, ?, '{}', ?, ?, ?)");
             PreparedStatement event = c.prepareStatement("INSERT INTO handoff_events (handoff_id, at, actor, kind)"
                     + " VALUES (?, ?, ?, ?)");
             PreparedStatement feedback = c.prepareStatement("INSERT INTO feedback (conversation_id, handoff_id, kind,"
                     + " actor, at) VALUES (?, ?, ?, 'alex', ?)")) {
            long messageId = 0;
            for (int i = 1; i <= HANDOFFS + ANSWERED; i++) {
                boolean handedOff = i <= HANDOFFS;
                long at = FROM.toEpochMilli() + (long) (random.nextDouble() * PERIOD_MILLIS);
                conversation.setLong(1, i);
                conversation.setString(2, handedOff ? "handed_off" : "bot");
                conversation.setLong(3, at);
                conversation.setLong(4, at);
                conversation.addBatch();
                messageId++;
                add(message, messageId, i, "c", "Customer", "customer", at);
                decision.setLong(1, i);
                decision.setLong(2, messageId);
                decision.setString(3, handedOff ? "handoff" : "answer");
                decision.setLong(4, at);
                decision.addBatch();
                if (handedOff) {
                    String person = PEOPLE[random.nextInt(PEOPLE.length)];
                    handoff.setLong(1, i);
                    handoff.setLong(2, i);
                    handoff.setString(3, CUES[random.nextInt(CUES.length)]);
                    handoff.setString(4, person);
                    handoff.setLong(5, at);
                    handoff.setLong(6, at);
                    handoff.setString(7, RULES[random.nextInt(RULES.length)]);
                    handoff.addBatch();
                    add(event, i, at, "baton", "created");
                    long pickup = at + 1_000L * random.nextInt(3_600);
                    if (random.nextInt(10) < 8) {
                        add(event, i, pickup, person, "claimed");
                    }
                    if (random.nextInt(10) < 7) {
                        messageId++;
                        add(message, messageId, i, alex, "Alex", "staff", pickup + 5_000);
                    }
                    if (random.nextInt(10) == 0) {
                        add(event, i, at + 600_000, "baton", "reminded");
                    }
                    if (random.nextInt(4) == 0) {
                        feedback.setLong(1, i);
                        feedback.setLong(2, i);
                        feedback.setString(3, KINDS[random.nextInt(KINDS.length)]);
                        feedback.setLong(4, pickup);
                        feedback.addBatch();
                    }
                }
                if (i % 10_000 == 0) {
                    for (PreparedStatement s : List.of(conversation, message, decision, handoff, event, feedback)) {
                        s.executeBatch();
                    }
                }
            }
        }
    }

    private static void add(PreparedStatement message, long id, long conversation, String author, String name,
                            String kind, long at) throws SQLException {
        message.setLong(1, id);
        message.setLong(2, conversation);
        message.setString(3, author);
        message.setString(4, name);
        message.setString(5, kind);
        message.setLong(6, at);
        message.addBatch();
    }

    private static void add(PreparedStatement event, long handoff, long at, String actor, String kind)
            throws SQLException {
        event.setLong(1, handoff);
        event.setLong(2, at);
        event.setString(3, actor);
        event.setString(4, kind);
        event.addBatch();
    }
}
