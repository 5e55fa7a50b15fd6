package dev.baton.aftercare;

/** What {@link AfterCarePolicy} chose for a resolved handoff. */
public sealed interface Choice {

    /** Post {@code kind}; {@code why} says which rule chose it, for the timeline. */
    record Post(Kind kind, String why) implements Choice {
    }

    /** Post nothing; {@code why} goes in the {@code aftercare_not_sent} event. */
    record Nothing(String why) implements Choice {
    }
}
