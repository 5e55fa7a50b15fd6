package dev.baton.cli;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.Settings;
import dev.baton.Wiring;
import dev.baton.config.BatonConfig;
import dev.baton.live.RulesInForce;
import dev.baton.replay.Replay;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.StoreException;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code baton replay --rules DRAFT_DIR}: the draft over the stored conversations of a period, next to the
 * live rules, as a table or as JSON. Reads the live configuration and the database, writes nothing.
 * Exit 0 with a report, 1 when the draft, the live configuration or the database cannot be used (each
 * problem printed as {@code file:line:column: message}), 2 for a wrong command line.
 */
final class ReplayCommand {

    static final Set<String> FLAGS = Set.of("--json");
    static final int DEFAULT_LIMIT = 50;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<Wiring> wiring;

    ReplayCommand(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock,
                  Supplier<Wiring> wiring) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
        this.wiring = wiring;
    }

    int run(Options options) {
        Path draftDir = options.requiredPath("--rules");
        Settings settings = Settings.fromEnvironment(environment);
        Path liveDir = options.path("--config", settings.configDir());
        Path dataDir = options.path("--data", settings.dataDir());
        ReplayPeriod period = ReplayPeriod.parse(options, clock);
        boolean json = options.flag("--json");
        int limit = options.wholeNumber("--limit", DEFAULT_LIMIT);
        options.rejectUnknown();
        if (!Files.isDirectory(draftDir)) {
            throw new UsageException("--rules: no draft directory at " + draftDir);
        }

        DraftDirectory draftFiles = new DraftDirectory(liveDir, draftDir);
        Loaded live;
        Loaded draft;
        try {
            live = load(liveDir);
        } catch (ConfigException e) {
            return problems("the live configuration in " + liveDir + " has problems", e.problems());
        }
        try {
            draft = draftFiles.load(ReplayCommand::load);
        } catch (ConfigException e) {
            return problems("the draft in " + draftDir + " has problems", e.problems());
        } catch (UncheckedIOException e) {
            err.println("baton: " + e.getMessage());
            return 1;
        }
        Wiring parts = wiring.get(); // the sentence model loads only once both configurations are known to be good

        Replay.Result result;
        try (Database database = Database.openReadOnly(DatabaseLocation.fromEnvironment(environment, dataDir))) {
            result = Replay.runWithStats(database, live.ruleSet(parts), draft.ruleSet(parts), period.from(),
                    period.to());
        } catch (StoreException e) {
            err.println("baton: " + e.getMessage() + (e.getMessage().startsWith("no database")
                    ? " (BATON_DATA_DIR or --data says where Baton keeps its data)" : ""));
            return 1;
        }
        Replay.Stats stats = result.stats();
        String timing = String.format(Locale.ROOT, "Replayed %,d conversations (%,d decision points) in %.1f s; the"
                        + " nearest knowledge-base entry was matched again for %,d points under the live rules and %,d"
                        + " under the draft.", stats.conversations(), stats.decisionPoints(), stats.millis() / 1000.0,
                stats.foundAgainLive(), stats.foundAgainDraft());
        if (json) {
            out.println(write(result));
            err.println(timing);
        } else {
            List<String> changes = draftFiles.changedFiles();
            out.printf(Locale.ROOT, "Draft %s%s against the live rules in %s, %s.%n%n", draftDir,
                    changes.isEmpty() ? " (no changed files)" : " (" + String.join(", ", changes) + ")", liveDir,
                    period.words());
            out.print(ReplayTable.render(result.report(), period.words(), limit));
            out.println();
            out.println(timing);
        }
        return 0;
    }

    /** A configuration directory's files, loaded and checked. */
    private record Loaded(BatonConfig config, RuleBook rules) {

        RulesInForce ruleSet(Wiring wiring) {
            return wiring.rules(config).withBook(rules);
        }
    }

    private static Loaded load(Path dir) {
        BatonConfig config = BatonConfig.load(dir);
        return new Loaded(config, config.rules());
    }

    private int problems(String what, List<Problem> problems) {
        err.println("baton: " + what + ":");
        problems.forEach(p -> err.println(p.toString()));
        return 1;
    }

    private static String write(Replay.Result result) {
        try {
            return JSON.writeValueAsString(result.report());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a replay report could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
