package dev.baton.triage;

import dev.baton.text.TextMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds one cue by its phrases, in the customer's current turn and, at a discount, their earlier
 * messages (see {@link Turns#customerMessages}).
 */
final class LexiconDetector implements CueDetector {

    /**
     * "rough week ngl. anyway, what time is the event?" — the customer sets a mild feeling aside
     * themselves before asking. Mild cues said before such a pivot count at this share.
     */
    private static final double SET_ASIDE_DISCOUNT = 0.5;
    /**
     * How heavy a phrase may be and still be a mild feeling the customer can set aside. Annoyance short of
     * insult can be; sadness only while it is a bad day ("rough week", 0.4–0.5): loneliness or a loss told before
     * "anyway" ("don't really have anyone to talk to… anyway how do I…", 0.6 and over) is still there.
     */
    private static final double MILD_ANNOYANCE = 0.8;
    private static final double MILD_SADNESS = 0.6;
    private static final Pattern PIVOT = Pattern.compile(
            "(?<![\\p{L}])(?:anyway|anyways|anyhow|that said|but yeah|moving on)(?![\\p{L}])");

    /** The heaviest single word that {@link #isOneWord} still counts as one word whose target is unknown. */
    static final double ONE_WORD = 0.55;
    private static final Pattern ONE_PHRASE = Pattern.compile("\"[^\"]*\"");

    private final CueKind kind;
    private final Lexicon lexicon;
    private final TextMemo<Optional<Reading>> memo = new TextMemo<>();

    /** The phrases found in one message's text, before its weight in the conversation is applied. */
    private record Reading(double strength, String evidence) {
    }

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
        for (Turns.Weighted message : Turns.customerMessages(conversation)) {
            score(conversation, message.index(), message.weight()).ifPresent(cues::add);
        }
        return cues;
    }

    private List<Lexicon.Hit> setAside(String text, List<Lexicon.Hit> hits) {
        if (kind != CueKind.FRUSTRATION && kind != CueKind.SADNESS_GRIEF) {
            return hits;
        }
        Matcher pivot = PIVOT.matcher(text);
        if (!pivot.find()) {
            return hits;
        }
        int at = pivot.start();
        return hits.stream()
                .map(h -> h.start() < at && h.weight() < mildBelow()
                        ? new Lexicon.Hit(h.weight() * SET_ASIDE_DISCOUNT, h.words(), h.start()) : h)
                .toList();
    }

    /** The weight under which this kind's phrases are mild enough to set aside. */
    private double mildBelow() {
        return kind == CueKind.SADNESS_GRIEF ? MILD_SADNESS : MILD_ANNOYANCE;
    }

    private Optional<Cue> score(Conversation conversation, int index, double discount) {
        return memo.get(conversation.get(index).text(), this::read)
                .map(r -> new Cue(kind, r.strength() * discount, index, r.evidence()));
    }

    private Optional<Reading> read(String message) {
        String text = Lexicon.normalise(message);
        List<Lexicon.Hit> hits = setAside(text, lexicon.find(text));
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        String evidence = hits.stream().map(h -> "\"" + h.words() + "\"").distinct()
                .collect(Collectors.joining(", "));
        return Optional.of(new Reading(Lexicon.noisyOr(hits), evidence));
    }

    /**
     * Whether a lexicon cue rests on a single phrase of weight {@link #ONE_WORD} or less: one word or emoji
     * whose target the lexicon cannot see ("🙄", "rude"), not a phrase that says what it is about.
     */
    static boolean isOneWord(Cue cue) {
        return !LearnedCueDetector.isLearned(cue) && cue.score() <= ONE_WORD && ONE_PHRASE.matcher(cue.evidence()).matches();
    }

    /** How many message texts this detector has read rather than remembered (for tests). */
    long reads() {
        return memo.computed();
    }
}
