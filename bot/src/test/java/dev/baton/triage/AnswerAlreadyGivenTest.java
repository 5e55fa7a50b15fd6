package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerAlreadyGivenTest {

    private static final KnowledgeEntry TRIAL = new KnowledgeEntry("free-trial", "billing",
            List.of("Is there a free trial?"), "New accounts can try Plus free for 14 days, once per account.", null);

    private static Match nearest(KnowledgeEntry entry) {
        return new Match(entry, 0.9, entry.questions().get(0));
    }

    @Test
    void aFollowUpWhoseBestEntryIsTheAnswerAlreadyGivenIsOutOfScope() {
        Conversation conversation = Conversation.of(Message.customer("is there a trial"), Message.bot(TRIAL.answer()),
                Message.customer("i already used one on my old account, can i get another?"));

        List<Cue> cues = AnswerAlreadyGiven.check(conversation, nearest(TRIAL));

        assertEquals(1, cues.size());
        assertEquals(CueKind.OUT_OF_SCOPE, cues.get(0).kind());
        assertEquals(0.9, cues.get(0).score(), 1e-9, "as sure as the answer it would have given again");
        assertEquals(2, cues.get(0).message());
        assertTrue(cues.get(0).evidence().contains("free-trial") && cues.get(0).evidence().contains("message 1"),
                cues.get(0).evidence());
    }

    @Test
    void theAnswerCountsAsGivenWhateverWordsBatonPutAroundIt() {
        Conversation conversation = Conversation.of(Message.customer("is there a trial"),
                Message.bot("Good question!  new accounts can try plus free for 14 days, once per account.\nAnything else?"),
                Message.customer("can i get another one?"));

        assertEquals(1, AnswerAlreadyGiven.check(conversation, nearest(TRIAL)).size());
    }

    @Test
    void theEntryBatonNotedItGaveCountsWhateverTheWordsWere() {
        Conversation reworded = Conversation.of(Message.customer("is there a trial"),
                Message.answer("Yes: two weeks of Plus for free, one time for each account.", "free-trial"),
                Message.customer("can i get another one?"));
        Conversation noted = Conversation.of(Message.customer("is there a trial"),
                Message.answer(TRIAL.answer(), "plus-price"), Message.customer("can i get another one?"));

        assertEquals(1, AnswerAlreadyGiven.check(reworded, nearest(TRIAL)).size());
        assertEquals(List.of(), AnswerAlreadyGiven.check(noted, nearest(TRIAL)), "the note says which entry it was");
    }

    @Test
    void anotherEntryOrNoAnswerYetIsLeftToTheMatch() {
        KnowledgeEntry price = new KnowledgeEntry("plus-price", "billing", List.of("How much is Plus?"),
                "Plus costs $4 a month.", null);
        Conversation afterTrial = Conversation.of(Message.customer("is there a trial"), Message.bot(TRIAL.answer()),
                Message.customer("thanks! and how much is plus after that?"));
        Conversation firstQuestion = Conversation.of(Message.customer("is there a free trial?"));

        assertEquals(List.of(), AnswerAlreadyGiven.check(afterTrial, nearest(price)));
        assertEquals(List.of(), AnswerAlreadyGiven.check(firstQuestion, nearest(TRIAL)));
    }

    @Test
    void anAnswerGivenEarlierInTheConversationCountsToo() {
        Conversation conversation = Conversation.of(Message.customer("is there a trial"), Message.bot(TRIAL.answer()),
                Message.customer("how much is plus"), Message.bot("Plus costs $4 a month."),
                Message.customer("back to the trial thing, it ended after 3 days"));

        List<Cue> cues = AnswerAlreadyGiven.check(conversation, nearest(TRIAL));

        assertEquals(1, cues.size());
        assertTrue(cues.get(0).evidence().contains("message 1"), cues.get(0).evidence());
    }

    @Test
    void onlyAnswersGivenBeforeTheCustomersTurnCount() {
        Conversation conversation = Conversation.of(Message.customer("is there a trial"));

        assertEquals(List.of(), AnswerAlreadyGiven.check(conversation, nearest(TRIAL)));
    }
}
