package dev.baton.repeats;

import dev.baton.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the wording of a chat message says, apart from its meaning: sentences, questions, "as I said", thanks. */
final class Phrasing {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    /**
     * A question, or a request for information that is one in all but punctuation ("I'll need your email").
     * Suggestions ("could you try …?") count: asking whether a customer tried what they said they tried is
     * asking them again.
     */
    private static final Pattern ASKS = Pattern.compile(
            "\\?|^\\W*(what|what's|whats|which|when|where|who|how|why|do|does|did|have|has|are|is|was|were|could|can"
                    + "|would|will)\\b[^.!]*$|\\b(please|pls|kindly) (send|give|tell|share|provide|confirm|let me know)"
                    + "|\\b(i'll|i will|i'd|i would|we'll|we will|i) need (your|the|to know|a)\\b"
                    + "|\\b(send|give|tell|share) me (your|the)\\b|\\blet me know (your|the|which|what)\\b"
                    + "|\\b(what|which)('s| is| was| are| were) (your|the)\\b|\\bif you (could|can) (send|share|give|tell|confirm)"
                    + "|\\bmind (sharing|sending|telling|confirming)\\b|\\b(drop|paste|post) (me )?(your|the)\\b");

    /** A customer saying outright that they are saying it again. */
    private static final Pattern RESTATES = Pattern.compile(
            "\\b(as i (said|mentioned|wrote|explained)|like i (said|told|wrote|mentioned)|i (already|just) (said|told|wrote"
                    + "|explained|mentioned)|as (already )?(mentioned|stated|said)|(to )?(recap|sum up|summari[sz]e)"
                    + "|just to be clear|again,|once again|basically|so yeah|i told (you|the bot|baton)|as before)\\b");

    /** A customer saying outright that what follows is new. */
    private static final Pattern ADDS = Pattern.compile(
            "\\b(also|one more thing|another thing|btw|by the way|in addition|additionally|forgot to (say|mention)"
                    + "|if (it|that) helps|not sure if (it's |its )?related|update:|now it also|oh and|and now|plus)\\b");

    private static final Pattern THANKS = Pattern.compile(
            "\\b(thanks|thank you|thx|ty|cheers|appreciate|great|perfect|brilliant|awesome|ok|okay|got it|works|worked"
                    + "|that did it|have a (good|nice))\\b");

    private Phrasing() {
    }

    /** The message's sentences; a message without sentence breaks is its own one sentence. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(text.strip())) {
            if (!Words.contentStems(part).isEmpty()) {
                sentences.add(part.strip());
            }
        }
        return sentences.isEmpty() ? List.of(text.strip()) : sentences;
    }

    /** The sentences of a message that ask for something. */
    static List<String> asks(List<String> sentences) {
        return sentences.stream().filter(s -> ASKS.matcher(Words.normalise(s)).find()).toList();
    }

    static boolean restates(String text) {
        return RESTATES.matcher(Words.normalise(text)).find();
    }

    static boolean adds(String text) {
        return ADDS.matcher(Words.normalise(text)).find();
    }

    /** Thanks, okays and other short acknowledgements: a message that says nothing new and repeats nothing. */
    static boolean acknowledges(String text) {
        return THANKS.matcher(Words.normalise(text)).find() && Words.contentStems(text).size() <= 4;
    }
}
