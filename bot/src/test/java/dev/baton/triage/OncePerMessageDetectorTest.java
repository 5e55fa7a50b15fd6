package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.learn.TestModels;
import dev.baton.text.HashingEmbedder;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.text.TextMemo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deciding a conversation again reads its new message, not its history (issue 16). */
class OncePerMessageDetectorTest {

    private static final Conversation FIRST = Conversation.of(
            Message.customer("this is so annoying, my rank is gone"));
    private static final Conversation LONGER = Conversation.of(
            Message.customer("this is so annoying, my rank is gone"),
            Message.bot("Ranks sync within an hour of purchase."),
            Message.customer("still nothing. I waited two hours. it is broken"),
            Message.bot("Ranks sync within an hour of purchase."),
            Message.customer("ugh, useless. can I talk to a person please"));

    /** The sentence model stand-in, counting what it is asked to embed. */
    private static final class CountingEmbedder implements TextEmbedder {
        private final TextEmbedder delegate = new HashingEmbedder();
        private final Map<String, Integer> calls = new HashMap<>();

        @Override
        public float[] embed(String text) {
            calls.merge(text, 1, Integer::sum);
            return delegate.embed(text);
        }

        int calls(String text) {
            return calls.getOrDefault(text, 0);
        }
    }

    @Test
    void theLearnedHeadsReadAnEarlierMessageOnlyOnce() {
        CountingEmbedder embedder = new CountingEmbedder();
        Heads heads = TestModels.withCueOn("frustration", "this is so annoying, my rank is gone", 0.9,
                new HashingEmbedder()).cues();
        LearnedCueDetector detector = new LearnedCueDetector(embedder, heads);

        detector.detect(FIRST);
        detector.detect(LONGER);

        assertEquals(1, embedder.calls("this is so annoying, my rank is gone"));
        assertEquals(3, detector.reads(), "one reading per customer message, however often it is decided");
    }

    @Test
    void theLexiconReadsAnEarlierMessageOnlyOnce() {
        LexiconDetector detector = LexiconDetector.forKind(CueKind.FRUSTRATION);
        for (int end = 1; end <= LONGER.size(); end += 2) {
            detector.detect(new Conversation(LONGER.messages().subList(0, end)));
        }
        assertEquals(3, detector.reads(), "three decisions over three customer messages read each once, not 1+2+3");
    }

    @Test
    void rememberedReadingsGiveTheSameCuesAsAFreshDetector() {
        Heads heads = TestModels.withCueOn("frustration", "this is so annoying, my rank is gone", 0.9,
                new HashingEmbedder()).cues();
        List<CueDetector> warm = TriageEngine.standardDetectors(new HashingEmbedder(), heads);
        new TriageEngineCues(warm).of(FIRST);
        new TriageEngineCues(warm).of(new Conversation(LONGER.messages().subList(0, 3)));

        List<Cue> remembered = new TriageEngineCues(warm).of(LONGER);
        List<Cue> fresh = new TriageEngineCues(TriageEngine.standardDetectors(new HashingEmbedder(), heads)).of(LONGER);

        assertEquals(fresh, remembered);
    }

    @Test
    void theMemoIsBoundedAndForgetsTheLeastRecentlyUsed() {
        TextMemo<Integer> memo = new TextMemo<>(2);
        memo.get("a", String::length);
        memo.get("bb", String::length);
        memo.get("a", String::length);
        memo.get("ccc", String::length);
        assertEquals(2, memo.size());
        assertEquals(3, memo.computed());

        memo.get("a", String::length);
        assertEquals(3, memo.computed(), "\"a\" was used recently, so it stayed");
        memo.get("bb", String::length);
        assertEquals(4, memo.computed(), "\"bb\" was the least recently used, so it went");
    }

    /** Every detector's cues, in detector order, as the engine gathers them. */
    private record TriageEngineCues(List<CueDetector> detectors) {
        List<Cue> of(Conversation conversation) {
            return detectors.stream().flatMap(d -> d.detect(conversation).stream()).toList();
        }
    }
}
