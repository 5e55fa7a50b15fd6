package dev.baton.health;

import dev.baton.console.api.RulesHealth;
import dev.baton.feedback.FeedbackKind;
import java.util.ArrayList;
import java.util.List;

/** Handoffs counted under one name (a rule, a cue, a person or a team). */
final class Tally {

    private int handoffs;
    private int breaches;
    private final int[] marked = new int[FeedbackKind.values().length];
    private final List<Long> pickupSecs = new ArrayList<>();

    void add(HandoffFacts handoff) {
        handoffs++;
        if (handoff.breached()) {
            breaches++;
        }
        for (FeedbackKind kind : handoff.feedback()) {
            marked[kind.ordinal()]++;
        }
        Long secs = handoff.pickupSecs();
        if (secs != null) {
            pickupSecs.add(secs);
        }
    }

    /** Feedback counts are handoffs marked so by anyone: two people agreeing is still one handoff. */
    RulesHealth.Row row(String name) {
        int needed = marked[FeedbackKind.NEEDED_PERSON.ordinal()];
        int couldAnswer = marked[FeedbackKind.BOT_COULD_ANSWER.ordinal()];
        int askedAgain = marked[FeedbackKind.ASKED_AGAIN.ordinal()];
        Percentiles pickup = Percentiles.of(pickupSecs);
        return new RulesHealth.Row(name, handoffs, needed, couldAnswer,
                marked[FeedbackKind.SHOULD_HAVE_COME_SOONER.ordinal()], askedAgain,
                ratio(needed, needed + couldAnswer), pickup.p50(), pickup.p90(), breaches,
                ratio(askedAgain, handoffs));
    }

    RulesHealth.Pickup pickup(String kind, String name) {
        Percentiles pickup = Percentiles.of(pickupSecs);
        return new RulesHealth.Pickup(kind, name, handoffs, pickupSecs.size(), pickup.p50(), pickup.p90(), breaches);
    }

    static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
