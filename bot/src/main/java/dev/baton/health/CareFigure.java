package dev.baton.health;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Each number of the care page that counts handoffs, and which handoffs it counts: the list a number
 * links to is exactly the handoffs its predicate keeps, so the two cannot disagree. The wire names are
 * {@code CareFiguresSource.FIGURES}, in the same order.
 */
enum CareFigure {
    HANDOFFS("handoffs", f -> true),
    ASKED("asked", CareFacts::asked),
    ANSWERED("answered", CareFacts::answered),
    UP("up", CareFacts::up),
    DOWN("down", CareFacts::down),
    COMMENTS("comments", f -> f.asked() && f.commented()),
    CHECKED("checked", CareFacts::checked),
    REPEATS("repeats", f -> f.checked() && f.repeat() != null),
    REPLIED("replied", f -> f.firstReplyAt() != null),
    RESOLVED("resolved", f -> f.resolvedAt() != null),
    RATED_AFTER_ANSWER("rated_after_answer", f -> f.answered() && f.afterBotAnswer()),
    DOWN_AFTER_ANSWER("down_after_answer", f -> f.down() && f.afterBotAnswer());

    private final String wireName;
    private final Predicate<CareFacts> counts;

    CareFigure(String wireName, Predicate<CareFacts> counts) {
        this.wireName = wireName;
        this.counts = counts;
    }

    String wireName() {
        return wireName;
    }

    boolean counts(CareFacts handoff) {
        return counts.test(handoff);
    }

    static Optional<CareFigure> fromWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
