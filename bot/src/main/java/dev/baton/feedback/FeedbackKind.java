package dev.baton.feedback;

import dev.baton.yaml.NearMiss;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a member of staff said about a handoff, or about a conversation Baton answered, with one click. */
public enum FeedbackKind {
    /** The handoff was right: this needed a person. */
    NEEDED_PERSON,
    /** The handoff was not needed: the knowledge base had the answer. */
    BOT_COULD_ANSWER,
    /** Baton held on too long: a person should have been brought in earlier (also on answered conversations). */
    SHOULD_HAVE_COME_SOONER,
    /** Staff had to ask the customer for something already in the transcript. */
    ASKED_AGAIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The judgement that contradicts this one, if any. A person who clicks "bot could answer" after
     * "needed a person" changed their mind (or mis-clicked); counting both would make precision meaningless.
     */
    public Optional<FeedbackKind> opposite() {
        return switch (this) {
            case NEEDED_PERSON -> Optional.of(BOT_COULD_ANSWER);
            case BOT_COULD_ANSWER -> Optional.of(NEEDED_PERSON);
            case SHOULD_HAVE_COME_SOONER, ASKED_AGAIN -> Optional.empty();
        };
    }

    /** The kind with this wire name; anything else is refused with the choices (and a guess at a typo). */
    public static FeedbackKind fromWire(String value) {
        if (value == null || value.isBlank()) {
            throw missing();
        }
        String typed = value.strip();
        for (FeedbackKind kind : values()) {
            if (kind.wireName().equals(typed)) {
                return kind;
            }
        }
        List<String> names = Arrays.stream(values()).map(FeedbackKind::wireName).toList();
        String guess = NearMiss.suggest(typed.replace('-', '_').replace(' ', '_'), names)
                .map(name -> " Did you mean " + name + "?").orElse("");
        throw new FeedbackRejected(FeedbackRejected.Why.UNKNOWN_KIND,
                "\"" + typed + "\" is not a kind of feedback: choose " + choices() + "." + guess);
    }

    /** No kind given at all. */
    static FeedbackRejected missing() {
        return new FeedbackRejected(FeedbackRejected.Why.UNKNOWN_KIND, "Say which feedback this is: " + choices() + ".");
    }

    private static String choices() {
        return "needed_person, bot_could_answer, should_have_come_sooner or asked_again";
    }
}
