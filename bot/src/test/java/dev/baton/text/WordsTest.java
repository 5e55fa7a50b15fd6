package dev.baton.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void normalisingFoldsCaseCurlyQuotesAndSpaces() {
        assertEquals("i can't log in", Words.normalise("  I can\u2019t   LOG\tin "));
    }

    @Test
    void contentStemsDropFunctionWordsAndJoinInflections() {
        assertEquals(List.of("refund", "rank"), Words.contentStems("How do I get my refunds for the ranks?"));
    }

    @Test
    void shortWordsAreNotStemmedAway() {
        assertEquals("is", Words.stem("is"));
        assertEquals("bus", Words.stem("bus"));
    }

    @Test
    void cachedVectorsAreReusedAndTheCacheStaysBounded() {
        int[] calls = {0};
        TextEmbedder counting = text -> {
            calls[0]++;
            return new float[] {text.length()};
        };
        CachingEmbedder cache = new CachingEmbedder(counting, 2);
        cache.embed("a");
        cache.embed("a");
        assertEquals(1, calls[0]);
        cache.embed("b");
        cache.embed("c");
        cache.embed("a");
        assertEquals(4, calls[0], "the oldest entry was evicted once the cache was full");
    }
}
