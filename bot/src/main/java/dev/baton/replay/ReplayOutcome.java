package dev.baton.replay;

import dev.baton.routing.Person;
import dev.baton.rules.Priority;
import dev.baton.triage.CueKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What became of one conversation under one rule set: Baton answered it throughout, or it went to a person. */
sealed interface ReplayOutcome {

    /** When it was settled: the handoff, or the last answer. */
    Instant at();

    /** @param entries the knowledge-base entries Baton answered with, in order, each once */
    record Answered(List<String> entries, Instant at) implements ReplayOutcome {
        public Answered {
            entries = List.copyOf(entries);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @param reasons  every cue that fired, most important first; {@code reasons.get(0)} is the main reason
     * @param rule     the routing rule that matched, {@code default} when none did
     * @param why      the router's sentence naming the facts that chose the person
     */
    record HandedOff(List<CueKind> reasons, Person person, String rule, Priority priority, boolean privateThread,
                     Instant at, String why) implements ReplayOutcome {
        public HandedOff {
            reasons = List.copyOf(reasons);
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(at, "at");
        }

        CueKind reason() {
            return reasons.get(0);
        }
    }
}
