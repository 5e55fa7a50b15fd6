package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/** Did people get helped, and did anyone have to repeat themselves: for the care page and its CSV. */
public interface CareFiguresSource {

    /** The figures the handoffs list can show behind a number, as {@code figure=} names them. */
    List<String> FIGURES = List.of("handoffs", "asked", "answered", "up", "down", "comments", "checked", "repeats",
            "replied", "resolved", "rated_after_answer", "down_after_answer");

    /** Per person, per rule and per ISO week, with the period's reasons. */
    CareFigures care(Instant from, Instant to);

    /**
     * The handoffs counted in one number, oldest first.
     *
     * @param group  a row's {@link CareFigures.Row#group()}, or {@code reason:<cue>}
     * @param figure one of {@link #FIGURES}
     * @throws ActionRejected for a group or figure it does not know
     */
    List<CareFigures.Handoff> behind(Instant from, Instant to, String group, String figure);
}
