package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * The configuration in force.
 *
 * @param version      changes whenever any live file changes; {@code apply} needs it to refuse stale drafts
 * @param files        the files a manager may edit here, with their live text
 * @param lastRejected the most recent change Baton refused to go live (from the console or a file on
 *                     disk), or null when the latest change went live
 */
public record LiveRules(String version, Instant loadedAt, List<ConfigFile> files, Rejected lastRejected) {

    public LiveRules {
        files = List.copyOf(files);
    }

    public record ConfigFile(String name, String text) {
    }

    /** A refused change: the live rules stayed as they were. */
    public record Rejected(Instant at, String actor, List<ConfigProblem> problems) {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
