package dev.baton.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds one cue by its phrases. The customer's current turn counts in full; their earlier messages
 * count at a discount, so a feeling that has been building across turns still shows, but one from long
 * ago that Baton already answered past does not decide on its own.
 */
final class LexiconDetector implements CueDetector {

    private static final double EARLIER_DISCOUNT = 0.5;

    private final CueKind kind;
    private final Lexicon lexicon;

    LexiconDetector(CueKind kind, Lexicon lexicon) {
        this.kind = kind;
        this.lexicon = lexicon;
    }

    static LexiconDetector forKind(CueKind kind) {
        return new LexiconDetector(kind, Lexicon.load(kind.wireName()));
    }

    /** Signs that the customer needs something investigated or fixed, which an FAQ answer never does. */
    static LexiconDetector troubleshooting() {
        return new LexiconDetector(CueKind.OUT_OF_SCOPE, Lexicon.load("troubleshooting"));
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        List<Cue> cues = new ArrayList<>();
        for (int index : Turns.currentTurn(conversation)) {
            score(conversation, index, 1.0).ifPresent(cues::add);
        }
        for (int index : Turns.earlierCustomerMessages(conversation)) {
            score(conversation, index, EARLIER_DISCOUNT).ifPresent(cues::add);
        }
        return cues;
    }

    private java.util.Optional<Cue> score(Conversation conversation, int index, double discount) {
        List<Lexicon.Hit> hits = lexicon.find(Lexicon.normalise(conversation.get(index).text()));
        if (hits.isEmpty()) {
            return java.util.Optional.empty();
        }
        String evidence = hits.stream().map(h -> "\"" + h.words() + "\"").distinct()
                .collect(Collectors.joining(", "));
        return java.util.Optional.of(new Cue(kind, Lexicon.noisyOr(hits) * discount, index, evidence));
    }
}
