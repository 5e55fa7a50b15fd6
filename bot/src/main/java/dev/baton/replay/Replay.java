package dev.baton.replay;

import dev.baton.live.RulesInForce;
import dev.baton.console.api.ReplayReport;
import dev.baton.store.Database;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draft rules over stored conversations, next to the live rules over the same ones: what would have been
 * answered or handed off, for which reason, by which rule, to whom.
 *
 * <p>Replays reuse the evidence stored with each decision (every cue the detectors scored and the nearest
 * knowledge-base entry) and apply each rule set's settings to it with the engine's pure verdict; the
 * detectors never run again. Only the nearest entry is ever looked up again, and only where the stored one
 * cannot serve (see {@link Nearness}); {@link Stats} counts how often. Reads the database, never writes it.
 *
 * <p>The whole period is read in one go on the database's connection, so its numbers are consistent. Beside a
 * running Baton, give the replay a connection of its own ({@link Database#openReadOnly}): the live database's
 * single connection serves the desk, which would wait meanwhile (about 0.3 s per 10,000 conversations).
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

    private Replay() {
    }

    /**
     * How a replay went, for the log and the command line.
     *
     * @param foundAgainLive  decision points whose nearest entry was looked up again under the live rules
     * @param foundAgainDraft the same under the draft (0 when it shares the live knowledge base)
     */
    public record Stats(int conversations, int decisionPoints, int foundAgainLive, int foundAgainDraft,
                        long readMillis, long millis) {
    }

    public record Result(ReplayReport report, Stats stats) {
    }

    /**
     * The draft over the conversations with a decision or a handoff from {@code from} (inclusive) to
     * {@code to} (exclusive), compared with the live rules over the same conversations.
     */
    public static ReplayReport run(Database database, RulesInForce live, RulesInForce draft, Instant from, Instant to) {
        return runWithStats(database, live, draft, from, to).report();
    }

    public static Result runWithStats(Database database, RulesInForce live, RulesInForce draft, Instant from, Instant to) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(draft, "draft");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a replay period must end after it starts: " + from + " to " + to);
        }
        long started = System.nanoTime();
        History history = HistoryReader.read(database, from, to);
        long read = System.nanoTime();
        Nearness.Resolved liveNearest = Nearness.resolve(history.points(), live, true);
        Nearness.Resolved draftNearest = draft.sameKnowledgeAs(live)
                ? new Nearness.Resolved(liveNearest.nearest(), 0)
                : Nearness.resolve(history.points(), draft, false);
        Simulation.Outcomes outcomes = Simulation.run(history, live, liveNearest.nearest(), draft,
                draftNearest.nearest());
        long millis = (System.nanoTime() - started) / 1_000_000;
        ReplayReport report = Comparison.compare(history, outcomes.live(), outcomes.draft(), millis);
        Stats stats = new Stats(history.cases().size(), history.points().size(), liveNearest.foundAgain(),
                draftNearest.foundAgain(), (read - started) / 1_000_000, millis);
        LOG.info("Replayed {} conversations ({} decision points) from {} to {} in {} ms ({} ms reading);"
                        + " nearest entry looked up again for {} points under the live rules, {} under the draft;"
                        + " {} conversations change", stats.conversations(), stats.decisionPoints(), from, to,
                millis, stats.readMillis(), stats.foundAgainLive(), stats.foundAgainDraft(), report.changed().size());
        return new Result(report, stats);
    }
}
