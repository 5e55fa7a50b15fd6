package dev.baton.triage;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a conversation goes to a person. The order is the priority when several apply: crisis first,
 * then the feelings, then the shape of the conversation, then plain coverage.
 *
 * <p>This is the one place that says what each cue is; everything else reads it from here:
 * <ul>
 *   <li>{@link #label()}: the few plain words the console, replay and the CLI show for it;
 *   <li>{@link #queueRank()}: 0 for the handoffs the console's queue puts first, 1 for those that go ahead
 *       of the rest, 2 for the rest;
 *   <li>{@link #sensitive()}: only people with {@code sensitive: true} in team.yaml are given it;
 *   <li>{@link #feeling()}: how the customer feels, as a handoff summary says it ("angry"); empty for the
 *       kinds that say why a person is needed rather than how the customer feels;
 *   <li>{@link #need()}: what the customer does, as the language model is asked to recognise it ("the
 *       customer is angry or hostile"); empty for a kind the model is never asked about;
 *   <li>{@link #alwaysOnBecause()}: why rules.yaml can never turn it off; empty when it can.
 * </ul>
 * What the customer is told when it is the main reason is Baton's built-in wording in
 * {@code dev.baton.handoff.DefaultWording} (restated in {@code config/messages.yaml}), which must decide for
 * every kind.
 */
public enum CueKind {

    // label, queue rank, sensitive, feeling, need ("the customer …"), why it is always on
    CRISIS("crisis", 0, true, "in crisis",
            "speaks of harming themselves or someone else, or of being in danger",
            "someone who may be in danger must always reach a person"),
    ANGER("anger", 2, false, "angry",
            "is angry or hostile",
            null),
    SADNESS_GRIEF("grief", 1, true, "sad",
            "is grieving or deeply sad, for example after a death or a loss",
            null),
    ANXIETY("anxiety", 1, true, "anxious",
            "is worried, scared or anxious",
            null),
    URGENCY("urgency", 1, false, "urgent",
            "needs it urgently or has a deadline",
            null),
    FRUSTRATION("frustration", 2, false, "frustrated",
            "is frustrated: something keeps failing or they have tried several times",
            null),
    HUMAN_REQUEST("asked for a person", 2, false, null,
            "asks for a person (a human, an agent, staff, someone real)",
            "a customer who asks for a person always gets one"),
    NONLINEAR("tangled conversation", 2, false, null,
            "jumps between several unrelated problems at once",
            null),
    OUT_OF_SCOPE("out of scope", 2, false, null,
            // Judged against the knowledge base, not read from the customer's words.
            null,
            "a question the knowledge base cannot answer must go to a person, or nobody answers it");

    private final String label;
    private final int queueRank;
    private final boolean sensitive;
    private final String feeling;
    private final String need;
    private final String alwaysOnBecause;

    CueKind(String label, int queueRank, boolean sensitive, String feeling, String need, String alwaysOnBecause) {
        this.label = label;
        this.queueRank = queueRank;
        this.sensitive = sensitive;
        this.feeling = feeling;
        this.need = need;
        this.alwaysOnBecause = alwaysOnBecause;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CueKind fromWire(String value) {
        for (CueKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cue \"" + value + "\"");
    }

    /** A handoff reason in a few plain words, as the console labels it: "grief", "asked for a person". */
    public String label() {
        return label;
    }

    /**
     * Where a handoff for it stands in the console's queue, among those of the same hold and priority:
     * 0 first (and ahead of every priority), 1 before the rest, 2 in turn. A handoff takes the lowest rank
     * of all its reasons.
     */
    public int queueRank() {
        return queueRank;
    }

    /** Whether only people with {@code sensitive: true} in team.yaml may take a handoff for it. */
    public boolean sensitive() {
        return sensitive;
    }

    /** How the customer feels, in a word or two for the handoff summary; empty when it is not a feeling. */
    public Optional<String> feeling() {
        return Optional.ofNullable(feeling);
    }

    public boolean isFeeling() {
        return feeling != null;
    }

    /**
     * What the customer does when it applies, completing "the customer …", as the language model is asked
     * to recognise it; empty when the model is never asked about it.
     */
    public Optional<String> need() {
        return Optional.ofNullable(need);
    }

    /** Why its setting can never be turned off in rules.yaml (only made more or less sensitive); empty if it can. */
    public Optional<String> alwaysOnBecause() {
        return Optional.ofNullable(alwaysOnBecause);
    }

    public boolean alwaysOn() {
        return alwaysOnBecause != null;
    }
}
