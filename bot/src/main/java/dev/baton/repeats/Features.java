package dev.baton.repeats;

import dev.baton.text.TextEmbedder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbers one candidate pair is judged by, each in [0, 1]. Both kinds of repeat share the vector; each
 * kind has its own learned head, which gives weight only to what matters for it (a person's message has no
 * "as I said", a customer's answers no question).
 */
final class Features {

    static final List<String> NAMES = List.of(
            "best_sentence_cosine",   // the closest sentence pair: a restatement is often one sentence of a longer message
            "cosine_to_whole",        // the closest sentence of the later message to the whole earlier one
            "later_words_in_earlier", // share of the later message's content words the earlier one has
            "earlier_words_in_later",
            "says_it_again",          // "as I said", "to recap", "like I told the bot"
            "says_it_is_new",         // "also", "one more thing", "not sure if related"
            "asked_detail_given",     // the person asks for a kind of detail the earlier message gives
            "asks_for_a_detail",      // the person asks for some recognised kind of detail at all
            "same_exact_value",       // both name the same order number, email, amount, version…
            "new_exact_value",        // the later message names one the earlier does not ("are you on iOS 18?")
            "acknowledges",           // thanks, ok, that worked
            "answers_a_question",     // a customer message right after a person's question
            "later_length",           // content words of the later message (a person's: of what it asks), over 20, at most 1
            "length_ratio",           // shorter over longer, in content words
            "customer_asks");         // a customer asking something new

    private Features() {
    }

    static float[] of(Reading later, Reading earlier, Kind kind, boolean answersQuestion) {
        double bestSentence = 0;
        double toWhole = 0;
        for (float[] unit : later.unitVectors()) {
            toWhole = Math.max(toWhole, TextEmbedder.cosine(unit, earlier.whole()));
            bestSentence = Math.max(bestSentence, TextEmbedder.cosine(unit, earlier.whole()));
            for (float[] sentence : earlier.unitVectors()) {
                bestSentence = Math.max(bestSentence, TextEmbedder.cosine(unit, sentence));
            }
        }
        boolean detailGiven = false;
        boolean asksDetail = false;
        if (kind == Kind.STAFF_REASKED) {
            for (String ask : later.units()) {
                asksDetail |= !Slot.askedIn(ask).isEmpty();
                detailGiven |= Slot.answered(ask, earlier.text());
            }
        }
        Set<String> sharedValues = new HashSet<>(later.values());
        sharedValues.retainAll(earlier.values());
        int laterWords = later.stems().size();
        int earlierWords = earlier.stems().size();
        boolean customer = kind == Kind.CUSTOMER_RESTATED;
        return new float[] {
                (float) Math.max(0, bestSentence),
                (float) Math.max(0, toWhole),
                share(later.stems(), earlier.stems()),
                share(earlier.stems(), later.stems()),
                flag(customer && Phrasing.restates(later.text())),
                flag(customer && Phrasing.adds(later.text())),
                flag(detailGiven),
                flag(asksDetail),
                flag(!sharedValues.isEmpty()),
                flag(!earlier.values().containsAll(later.values())),
                flag(customer && Phrasing.acknowledges(later.text())),
                flag(customer && answersQuestion),
                Math.min(1f, laterWords / 20f),
                laterWords == 0 || earlierWords == 0 ? 0f
                        : Math.min(laterWords, earlierWords) / (float) Math.max(laterWords, earlierWords),
                flag(customer && !Phrasing.asks(Phrasing.sentences(later.text())).isEmpty())};
    }

    private static float share(Set<String> of, Set<String> in) {
        if (of.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String stem : of) {
            if (in.contains(stem)) {
                shared++;
            }
        }
        return shared / (float) of.size();
    }

    private static float flag(boolean value) {
        return value ? 1f : 0f;
    }
}
