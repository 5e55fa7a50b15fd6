package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * A change to the live configuration.
 *
 * @param actor    the console user who applied it, or {@code file} for an edit on disk
 * @param status   applied or rejected
 * @param diff     a unified diff against the version that was live
 * @param problems why it was rejected; empty when applied
 */
public record RuleChange(long id, Instant at, String actor, String actorName, String file, String status,
                         String diff, List<String> problems) {

    public RuleChange {
        problems = List.copyOf(problems);
    }
}
