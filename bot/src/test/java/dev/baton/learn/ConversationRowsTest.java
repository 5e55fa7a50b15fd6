package dev.baton.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<CueExamples.Row> rows(String conversation) throws IOException {
        return ConversationRows.of(JSON.readTree(conversation), "conversations test");
    }

    private static boolean label(CueExamples.Row row, String head) {
        return row.y()[CueExamples.HEADS.indexOf(head)];
    }

    private static boolean known(CueExamples.Row row, String head) {
        return row.known()[CueExamples.HEADS.indexOf(head)];
    }

    @Test
    void aHandoffTeachesItsReasonsOnTheLastMessageAndNothingOfTheKnowledgeBase() throws IOException {
        List<CueExamples.Row> rows = rows("""
                {"messages": [{"author": "customer", "text": "how do i export"},
                  {"author": "bot", "text": "Settings > Export."},
                  {"author": "customer", "text": "the export is blank AGAIN. useless. i need it for my accountant today"}],
                 "expect": {"action": "handoff", "reasons": ["frustration", "urgency", "out_of_scope"]}}""");

        assertEquals(1, rows.size());
        CueExamples.Row row = rows.get(0);
        assertEquals("the export is blank AGAIN. useless. i need it for my accountant today", row.text());
        assertTrue(label(row, "frustration") && label(row, "urgency"));
        assertFalse(label(row, "anger") || label(row, "smalltalk"));
        assertEquals(ConversationRows.WEIGHT, row.weight());
        assertEquals("conversations test", row.source());
    }

    @Test
    void aPlainQuestionInAMoodTeachesNoCueInTheMessageOrAnyOfItsSentences() throws IOException {
        List<CueExamples.Row> rows = rows("""
                {"messages": [{"author": "customer", "text": "i'm scared of how much i spend on taxis lol. can i put them under transport?"}],
                 "expect": {"action": "answer", "entry": "categories"}}""");

        assertEquals(List.of("i'm scared of how much i spend on taxis lol. can i put them under transport?",
                "i'm scared of how much i spend on taxis lol.", "can i put them under transport?"),
                rows.stream().map(CueExamples.Row::text).toList());
        for (CueExamples.Row row : rows) {
            for (String head : CueExamples.HEADS) {
                assertTrue(known(row, head) && !label(row, head), head + " in " + row.text());
            }
        }
    }

    @Test
    void goingBackToAnEarlierIssueIsNotTaughtFromTheLastMessageAlone() throws IOException {
        CueExamples.Row row = rows("""
                {"messages": [{"author": "customer", "text": "my sync is broken"},
                  {"author": "bot", "text": "Pull down to refresh."},
                  {"author": "customer", "text": "ok. where do i change my email"},
                  {"author": "bot", "text": "Settings > Account > Email."},
                  {"author": "customer", "text": "thanks. still nothing on the sync though"}],
                 "expect": {"action": "handoff", "reasons": ["nonlinear"]}}""").get(0);

        assertFalse(known(row, "nonlinear"));
        assertTrue(known(row, "anger") && !label(row, "anger"));

        CueExamples.Row tangled = rows("""
                {"messages": [{"author": "customer", "text": "refund my order and also why is my name wrong and the app crashes"}],
                 "expect": {"action": "handoff", "reasons": ["nonlinear"]}}""").get(0);
        assertTrue(label(tangled, "nonlinear"));
    }

    @Test
    void smallTalkTeachesTheSmallTalkHead() throws IOException {
        List<CueExamples.Row> rows = rows("""
                {"messages": [{"author": "customer", "text": "hey all, new here. nice server!"}],
                 "expect": {"action": "smalltalk"}}""");

        assertEquals(1, rows.size());
        assertTrue(label(rows.get(0), "smalltalk"));
    }

    @Test
    void aConversationThatDoesNotEndWithTheCustomerIsRefusedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop-conversations.jsonl");
        Files.writeString(file, """
                {"messages": [{"author": "customer", "text": "hi"}], "expect": {"action": "smalltalk"}}
                {"messages": [{"author": "bot", "text": "hi"}], "expect": {"action": "smalltalk"}}
                """);
        List<ConversationRows.Set> sets = ConversationRows.find(dir.resolve("absent"), dir);
        assertEquals(List.of(new ConversationRows.Set("shop", file)), sets);

        IOException e = assertThrows(IOException.class, () -> ConversationRows.rows(sets.get(0)));
        assertEquals(file + ":2: the last message must be the customer's", e.getMessage());
    }
}
