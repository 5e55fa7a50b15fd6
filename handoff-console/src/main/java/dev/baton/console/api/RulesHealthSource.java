package dev.baton.console.api;

import java.time.Instant;

/** How the rules did over a period, for the rules health page and its CSV exports. */
public interface RulesHealthSource {

    /** Per rule and per cue: handoffs, feedback, precision, pickup times, deadline breaches, answer rate. */
    RulesHealth health(Instant from, Instant to);
}
