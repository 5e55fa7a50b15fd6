package dev.baton.cli;

import dev.baton.store.DatabaseLocation;
import dev.baton.store.StoreException;
import dev.baton.Settings;
import dev.baton.Wiring;
import dev.baton.discord.DiscordStartException;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseException;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.repeats.RepeatDetector;
import dev.baton.rules.RuleBook;
import dev.baton.yaml.ConfigException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Parses the command line and runs one command. Returns the process exit code. */
public final class Cli {

    static final String USAGE = """
            usage: java -jar baton.jar [command] [options]

            commands:
              run      [--config DIR] [--data DIR] run Baton: Discord (when DISCORD_TOKEN is set) and storage (default)
              check-config [DIR]                   check every configuration file as Baton does at startup and on
                                                   reload, without starting it (DIR default: BATON_CONFIG_DIR, else
                                                   config); prints each problem as DIR/file:line:column: message
                                                   with a hint; exit 0 valid, 1 problems, 2 usage error
              chat     [--kb FILE]                 talk to the engine as a customer, one message per line
              triage   --kb FILE [--answer-threshold P]
                                                   JSON Lines on stdin -> one decision per line on stdout
              repeats                              JSON Lines on stdin ({"messages": [...], "picked_up_at": N}) ->
                                                   one line per transcript on stdout: did the customer have to
                                                   repeat themselves after a person picked it up
              bench    [--data DIR] [--only models,conversations,tally,written,sets,unseen,scope,cues,speed,holdout,model] [--verbose true]
                       [--answer-threshold P] [--llm-base-url URL --llm-model NAME] [--band B]
                                                   measure the engine on the evaluation data (default ../shared/data);
                                                   model: offline vs with the language model's second opinion (the
                                                   model from BATON_LLM_* or the flags, key only from
                                                   BATON_LLM_API_KEY; --band default 0.1)
              replay   --rules DRAFT_DIR [--since 7d | --from 2026-11-01 [--to 2026-11-08]] [--json] [--limit N]
                                                   draft rules over the stored conversations of a period, next to
                                                   the live rules: what would be answered or handed off, to whom.
                                                   DRAFT_DIR holds only the files that change; the rest are live.
                                                   --since 7d (default; also 24h, 90m, 1w2d) or --from/--to as
                                                   dates or times in UTC (--to exclusive, default now); --limit:
                                                   changed conversations listed (default 50; --json lists all).
                                                   Reads the database, never writes it. Exit 1 when the draft has
                                                   problems (printed as file:line:column: message).
              migrate  --to URL [--data DIR]       copy a stopped Baton's SQLite database (baton.db in --data, else
                                                   BATON_DATA_DIR) into an empty PostgreSQL one (URL
                                                   jdbc:postgresql://host:port/db; user and password from
                                                   BATON_DATABASE_USER, BATON_DATABASE_PASSWORD), all or nothing,
                                                   then compare every table's rows and SHA-256 on both sides;
                                                   exit 0 when they match, 1 when refused or different
              train    [--data DIR] [--written DIR] [--shared DIR] [--out DIR] [--only cues,answers] [--epochs N]
                       [--seed N]                  rebuild the shipped weight files from the training data (default
                                                   training-data; docs/models.md says where it comes from), Baton's
                                                   written examples (default bot/training/written) and the shared dev
                                                   halves that may be trained on (default ../shared/data; skipped when
                                                   absent); prints the cross-validated and out-of-fold numbers and
                                                   each file's SHA-256. --seed (default 13): another seed gives other
                                                   weights, and shows how much of a number is the seed's luck
              help     (also --help, -h)           this text

            The default knowledge base is config/knowledge.yaml.
            Environment: DISCORD_TOKEN, BATON_CONFIG_DIR (default config), BATON_DATA_DIR (default data),
            BATON_DISCORD_REST_URL, BATON_DISCORD_GATEWAY_URL (default: Discord's own),
            BATON_CONSOLE_PORT (default 8080; off for no console), BATON_CONSOLE_HOST (default 127.0.0.1),
            BATON_ADMIN_PASSWORD, BATON_METRICS_PORT, BATON_CONSOLE_URL,
            BATON_TRUSTED_PROXIES, BATON_ACCESS_LOG_DAYS (default 90);
            BATON_DATABASE_URL (jdbc:postgresql://host:port/db; default: the SQLite file BATON_DATA_DIR/baton.db),
            BATON_DATABASE_USER, BATON_DATABASE_PASSWORD; an optional language model:
            BATON_LLM_BASE_URL, BATON_LLM_MODEL, BATON_LLM_API_KEY (see config/llm.yaml).
            """;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<Wiring> wiring;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, System.getenv());
    }

    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        this(in, out, err, environment, Clock.systemUTC());
    }

    /** @param clock "now" for commands that look back from it ({@code replay --since}) */
    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this(in, out, err, environment, clock, Wiring::new);
    }

    /** @param wiring Baton's parts, built only by commands that need the sentence model (tests pass a fast one) */
    Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, Clock clock,
        Supplier<Wiring> wiring) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
        this.wiring = wiring;
    }

    public int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.contains("--help") || rest.contains("-h")) {
            // Anywhere on the line, before any command runs: `baton --help`, `baton run -h`.
            out.print(USAGE);
            return 0;
        }
        String command = rest.isEmpty() || rest.get(0).startsWith("-") ? "run" : rest.remove(0);
        try {
            if (command.equals("check-config")) {
                // Takes a bare directory rather than --name value pairs, like most checkers.
                return CheckConfigCommand.run(rest, environment, out, err);
            }
            Options options = Options.parse(rest, command.equals("replay") ? ReplayCommand.FLAGS : Set.of());
            return switch (command) {
                case "triage" -> triage(options);
                case "repeats" -> repeats(options);
                case "run" -> run(options);
                case "chat" -> chat(options);
                case "bench" -> BenchCommand.run(options, out, environment, clock, wiring);
                case "train" -> TrainCommand.run(options, out, wiring);
                case "replay" -> new ReplayCommand(out, err, environment, clock, wiring).run(options);
                case "migrate" -> new MigrateCommand(out, err, environment, clock).run(options);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> usageError("unknown command \"" + command + "\"");
            };
        } catch (UsageException e) {
            return usageError(e.getMessage());
        } catch (KnowledgeBaseException e) {
            err.println("baton: the knowledge base is not valid:");
            ProblemReport.print(e.problems(), err);
            return 2;
        } catch (ConfigException e) {
            err.println("baton: the configuration is not valid:");
            ProblemReport.print(e.problems(), err);
            err.println(ProblemReport.count(e.problems()) + "; `check-config` checks the files without starting"
                    + " Baton.");
            return 2;
        } catch (DiscordStartException | IllegalArgumentException | StoreException e) {
            err.println("baton: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            err.println("baton: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("baton: " + e.getCause().getMessage());
            return 1;
        }
    }

    private int triage(Options options) throws IOException {
        KnowledgeBase kb = KnowledgeBaseLoader.load(options.requiredPath("--kb"));
        double threshold = options.probability("--answer-threshold", RuleBook.DEFAULT_ANSWER_CONFIDENCE);
        options.rejectUnknown();
        var engine = new Wiring().engine(kb, threshold);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        new TriageCommand(engine).run(reader, writer);
        writer.flush();
        return 0;
    }

    private int repeats(Options options) throws IOException {
        options.rejectUnknown();
        var detector = RepeatDetector.shipped(wiring.get().embedder());
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        new RepeatsCommand(detector).run(reader, writer);
        writer.flush();
        return 0;
    }

    private int run(Options options) throws InterruptedException {
        Settings fromEnv = Settings.fromEnvironment(environment);
        Path dataDir = options.path("--data", fromEnv.dataDir());
        Settings settings = new Settings(options.path("--config", fromEnv.configDir()), dataDir, fromEnv.discord(),
                fromEnv.console(), fromEnv.model(), DatabaseLocation.fromEnvironment(environment, dataDir), fromEnv.shards());
        options.rejectUnknown();
        return RunCommand.run(settings, wiring.get());
    }

    private int chat(Options options) throws IOException {
        Path kbPath = options.path("--kb", Path.of("config", "knowledge.yaml"));
        options.rejectUnknown();
        KnowledgeBase kb = KnowledgeBaseLoader.load(kbPath);
        new ChatCommand(new Wiring().engine(kb), kb).run(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
        return 0;
    }

    private int usageError(String message) {
        err.println("baton: " + message);
        err.print(USAGE);
        return 2;
    }
}
