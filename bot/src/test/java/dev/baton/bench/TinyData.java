package dev.baton.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A few invented rows in the formats of {@code shared/data} (a chess club's knowledge base, its
 * conversations, scope questions and cue messages), small enough for a bench to run in a test.
 */
public final class TinyData {

    private static final String KB = """
            entries:
              - id: meeting-times
                topic: club
                questions:
                  - "When does the club meet?"
                  - "what nights are club meetings"
                answer: "We meet every Tuesday and Thursday from 7 pm in the library annex."
              - id: membership-fee
                topic: billing
                questions:
                  - "How much is the membership fee?"
                  - "what does joining the club cost"
                answer: "Membership is 20 euros a year; juniors join for free."
              - id: tournament-signup
                topic: events
                questions:
                  - "How do I sign up for the spring tournament?"
                  - "where is the tournament registration form"
                answer: "Register on the events page by the Friday before the tournament."
            """;

    private TinyData() {
    }

    /** Writes the data under {@code dir} (as {@code shared/data} is laid out) and returns {@code dir}. */
    public static Path writeTo(Path dir) throws IOException {
        write(dir.resolve("conversations/emberfall-kb.yaml"), KB);
        write(dir.resolve("kb/banking77.yaml"), KB);
        write(dir.resolve("kb/clinc150.yaml"), KB);
        // Under the hashing embedder tests use, rows marked "in band" score within 0.1 of answering (c3 0.54,
        // c4 0.44, "is there a fee…" 0.50, "how much for membership" 0.54, "the weather…" 0.42), or just below a
        // cue's threshold ("club meet nights": urgency 0.42); every other row is far from both.
        write(dir.resolve("conversations/emberfall-conversations.jsonl"), """
                {"id":"c1","messages":[{"author":"customer","text":"When does the club meet?"}],"expect":{"action":"answer","entry":"meeting-times"}}
                {"id":"c2","messages":[{"author":"customer","text":"hi!"},{"author":"bot","text":"Hello! What can I help with?"},{"author":"customer","text":"How much is the membership fee?"}],"expect":{"action":"answer","entry":"membership-fee"}}
                {"id":"c3","messages":[{"author":"customer","text":"how much for membership"}],"expect":{"action":"answer","entry":"membership-fee"}}
                {"id":"c4","messages":[{"author":"customer","text":"club membership fee for juniors"}],"expect":{"action":"answer","entry":"membership-fee"}}
                {"id":"c5","messages":[{"author":"customer","text":"the tournament form is broken AGAIN, this is useless, I want a refund now"}],"expect":{"action":"handoff","reasons":["anger","frustration"]}}
                {"id":"c6","messages":[{"author":"customer","text":"can I bring my own clock to the tournament"}],"expect":{"action":"handoff","reasons":["out_of_scope"]}}
                """);
        write(dir.resolve("bench/scope_banking77_oos.dev.jsonl"), """
                {"text":"How do I sign up for the spring tournament?","label":"answer","intent":"tournament-signup"}
                {"text":"is there a fee to join the club","label":"answer","intent":"membership-fee"}
                {"text":"how much is the fee for the tournament","label":"decline","scope":"oos_in_domain"}
                {"text":"who won the world championship in 1972","label":"decline","scope":"oos_out_of_domain"}
                """);
        write(dir.resolve("bench/scope_clinc150.dev.jsonl"), """
                {"text":"When does the club meet?","label":"in_scope","intent":"meeting-times"}
                {"text":"how much for membership","label":"in_scope","intent":"membership-fee"}
                {"text":"book me a flight to lisbon","label":"out_of_scope"}
                """);
        write(dir.resolve("bench/emotion_goemotions.dev.jsonl"), """
                {"text":"I am so angry at this, it is outrageous and I hate it","label":"anger","labels":["anger"]}
                {"text":"the weather was fine today","label":"none","labels":["none"]}
                """);
        write(dir.resolve("bench/urgency_mooc.dev.jsonl"), """
                {"text":"the exam closes in one hour and the page will not load, please help urgently","label":"urgent","urgency":7}
                {"text":"thanks for the nice lecture notes","label":"not_urgent","urgency":1}
                {"text":"club meet nights","label":"urgent","urgency":6}
                """);
        return dir;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
