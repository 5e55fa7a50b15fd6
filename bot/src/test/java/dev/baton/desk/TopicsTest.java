package dev.baton.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.routing.Roster;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Alex covers billing and account, Sam install and printing (see {@link TwoPersonTeam}). */
class TopicsTest {

    private static final KnowledgeEntry REFUNDS = new KnowledgeEntry("refunds", "Billing", List.of("refund?"), "…", null);
    private static final KnowledgeEntry DOWNLOAD = new KnowledgeEntry("download", "install", List.of("where?"), "…", null);
    private static final KnowledgeEntry RULES = new KnowledgeEntry("rules", null, List.of("rules?"), "…", null);
    private static final KnowledgeBase KNOWLEDGE = new KnowledgeBase("test", List.of(REFUNDS, DOWNLOAD, RULES));
    private static final Roster ROSTER = TwoPersonTeam.roster("100000000000000001", "100000000000000002");

    @ParameterizedTest(name = "nearest {0} at {1}, answered [{2}], customer says \"{3}\" -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "refunds  | 0.9  | -        | hi                      | billing",
            "refunds  | 0.2  | -        | hi                      | billing",
            "refunds  | 0.19 | -        | hi                      | ''",
            "rules    | 0.9  | -        | hi                      | ''",
            "refunds  | 0.1  | download | hi                      | install",
            "refunds  | 0.9  | download | my printing is slow     | billing install printing",
            "refunds  | 0.1  | gone     | my Account and printing | account printing",
    })
    void topicsComeFromAFairNearestGuessWhatWasAnsweredAndRosterTopicsNamedOutright(
            String nearest, double confidence, String answered, String said, String expected) {
        KnowledgeEntry entry = KNOWLEDGE.find(nearest).orElseThrow();
        Conversation conversation = Conversation.of(Message.customer(said), Message.staff("the billing team"));

        Set<String> topics = Topics.of(conversation, new Match(entry, confidence, "?"),
                answered == null ? List.of() : List.of(answered), KNOWLEDGE, ROSTER);

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), List.copyOf(topics));
    }

    @Test
    void nothingTheEngineCanReadHasNoTopicsAndAnUnknownNearestGivesNoGuess() {
        assertEquals(Set.of(), Topics.of(null, null, List.of("download"), KNOWLEDGE, ROSTER));
        assertEquals(Set.of("install"), Topics.of(Conversation.of(Message.customer("hi")), null, List.of("download"),
                KNOWLEDGE, ROSTER));
    }

    @Test
    void onlyTheCustomersWordsNameASubject() {
        List<Message> messages = List.of(Message.customer("Install failed"), Message.bot("Billing is elsewhere"),
                Message.staff("printing?"));

        assertEquals(Set.of("install", "failed"), Topics.customerWords(messages));
    }
}
