package dev.baton.console.api;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the console needs from Baton, one interface per feature: the roster, the queue, the
 * actions on a handoff, the playground, the rules, staff feedback, rules health, the metrics, a
 * stream of changes, the cue kinds and the care figures. The bot module implements them (one class may implement several); the console
 * never sees Baton's stores, engine or Discord, and each of its route classes takes only the
 * interfaces it uses.
 */
public record ConsoleBackends(StaffDirectory staff, HandoffQueue queue, HandoffActions actions,
                              Playground playground, RulesEditor rules, StaffFeedback feedback,
                              RulesHealthSource health, MetricsSource metrics, ConsoleEventSource events,
                              CueVocabulary cues, CareFiguresSource care) {

    public ConsoleBackends {
        // Every part is required: a console wired without one fails here, not on the first request.
        Stream.of(staff, queue, actions, playground, rules, feedback, health, metrics, events, cues, care)
                .forEach(Objects::requireNonNull);
    }
}
