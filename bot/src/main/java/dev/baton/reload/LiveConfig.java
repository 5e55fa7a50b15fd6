package dev.baton.reload;

import dev.baton.config.BatonConfig;
import dev.baton.live.RulesInForce;
import dev.baton.yaml.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration in force, swapped atomically when a file changes on disk or a manager applies a
 * draft from the console. A change that does not load is refused as a whole: the previous rules stay
 * live, the problems go to the log and to the console, and the refusal is recorded like every change.
 *
 * <p>The desk reads {@link #get()} once per message, so a message is always decided by one consistent
 * set of rules, and a swap never waits for a message (or the other way round).
 */
public final class LiveConfig implements Supplier<RulesInForce> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConfig.class);

    /** What is live: the loaded files, the rules in force built from them, and their text and version. */
    public record Live(BatonConfig config, RulesInForce rules, ConfigSnapshot snapshot, Instant loadedAt) {
    }

    /** A change Baton refused; the rules that were live stayed live. */
    public record Rejection(Instant at, String actor, String version, List<ConfigException.Problem> problems) {
        public Rejection {
            problems = List.copyOf(problems);
        }
    }

    /** A draft loaded next to the live rules, never swapped in: for checking, trying and replaying. */
    public record Draft(BatonConfig config, RulesInForce rules, ConfigSnapshot snapshot) {
    }

    /**
     * Builds the desk's rules from a loaded configuration.
     *
     * @param previous the rules live until now (null at startup), whose engine may be reused when the
     *                 knowledge base did not change: embedding it again takes seconds
     */
    public interface RulesFactory {
        RulesInForce build(BatonConfig config, RulesInForce previous, boolean knowledgeChanged);
    }

    /** The live version moved on since the draft was started; applying it would undo someone's change. */
    public static final class StaleVersion extends RuntimeException {
        public StaleVersion(String message) {
            super(message);
        }
    }

    private final Path directory;
    private final RulesFactory factory;
    private final RuleChangeLog changes;
    private final Clock clock;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private volatile Rejection lastRejected;

    private LiveConfig(Path directory, RulesFactory factory, RuleChangeLog changes, Clock clock) {
        this.directory = directory;
        this.factory = factory;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Loads the configuration at startup.
     *
     * @throws ConfigException with every problem when it does not load: Baton does not start on bad rules
     */
    public static LiveConfig load(Path directory, RulesFactory factory, RuleChangeLog changes, Clock clock) {
        ConfigSnapshot snapshot = ConfigSnapshot.read(directory);
        return of(directory, snapshot, BatonConfig.load(directory), factory, changes, clock);
    }

    /**
     * The configuration already loaded at startup.
     *
     * @param snapshot the files as read <em>before</em> {@code loaded} was loaded, so an edit in between
     *                 shows up as a change on the watcher's next look
     */
    public static LiveConfig of(Path directory, ConfigSnapshot snapshot, BatonConfig loaded, RulesFactory factory,
                                RuleChangeLog changes, Clock clock) {
        LiveConfig config = new LiveConfig(directory, factory, changes, clock);
        config.live.set(new Live(loaded, factory.build(loaded, null, true), snapshot, clock.instant()));
        return config;
    }

    @Override
    public RulesInForce get() {
        return live.get().rules();
    }

    public Live live() {
        return live.get();
    }

    public Path directory() {
        return directory;
    }

    /** The latest refused change, unless a change went live after it. */
    public Optional<Rejection> lastRejected() {
        return Optional.ofNullable(lastRejected);
    }

    /**
     * Loads what is on disk now if it differs from what is live: swaps it in, or refuses it. Called by
     * {@link ConfigWatcher}; a refused version is recorded once, not on every poll.
     *
     * @return true when new rules went live
     */
    public synchronized boolean reloadFromDisk() {
        ConfigSnapshot onDisk = ConfigSnapshot.read(directory);
        Live current = live.get();
        if (onDisk.version().equals(current.snapshot().version())) {
            return false;
        }
        Rejection refused = lastRejected;
        if (refused != null && refused.actor().equals(RuleChangeLog.FILE) && refused.version().equals(onDisk.version())) {
            return false;
        }
        try {
            BatonConfig loaded = BatonConfig.load(directory);
            swap(current, loaded, onDisk, RuleChangeLog.FILE);
            return true;
        } catch (ConfigException e) {
            refuse(current, onDisk, RuleChangeLog.FILE, e.problems());
            return false;
        }
    }

    /** Every problem a draft has, or none; loads nothing live. */
    public List<ConfigException.Problem> check(Map<String, String> draft) {
        try {
            draft(draft);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    /**
     * Loads a draft (file name to full text; other files as live) next to the live rules.
     *
     * @throws ConfigException when the draft has problems
     */
    public Draft draft(Map<String, String> files) {
        requireReloadable(files);
        Live current = live.get();
        ConfigSnapshot snapshot = current.snapshot().with(files);
        BatonConfig loaded = BatonConfig.load(directory, files);
        boolean knowledgeChanged = !Objects.equals(snapshot.text(BatonConfig.KNOWLEDGE),
                current.snapshot().text(BatonConfig.KNOWLEDGE));
        return new Draft(loaded, factory.build(loaded, current.rules(), knowledgeChanged), snapshot);
    }

    /**
     * Applies a draft from the console: checks it, writes its files and makes it live, recording the
     * change under {@code actor}. Nothing changes when it is refused.
     *
     * @param baseVersion the live version the draft was made from
     * @throws StaleVersion     when the live version is no longer {@code baseVersion}
     * @throws ConfigException  with every problem when the draft does not load (recorded as refused)
     */
    public synchronized Live apply(String actor, Map<String, String> files, String baseVersion) {
        requireReloadable(files);
        Live current = live.get();
        if (!current.snapshot().version().equals(baseVersion)) {
            throw new StaleVersion("the rules changed since this draft was started (live version "
                    + current.snapshot().version() + ", draft made from " + baseVersion
                    + "); look at the latest change, then make your edit again");
        }
        ConfigSnapshot next = current.snapshot().with(files);
        if (next.version().equals(current.snapshot().version())) {
            return current;
        }
        BatonConfig loaded;
        try {
            loaded = BatonConfig.load(directory, files);
        } catch (ConfigException e) {
            refuse(current, next, actor, e.problems());
            throw e;
        }
        write(files, current.snapshot());
        return swap(current, loaded, next, actor);
    }

    private Live swap(Live current, BatonConfig loaded, ConfigSnapshot snapshot, String actor) {
        boolean knowledgeChanged = !Objects.equals(snapshot.text(BatonConfig.KNOWLEDGE),
                current.snapshot().text(BatonConfig.KNOWLEDGE));
        Live next = new Live(loaded, factory.build(loaded, current.rules(), knowledgeChanged), snapshot,
                clock.instant());
        live.set(next);
        lastRejected = null;
        List<String> files = record(current.snapshot(), snapshot, actor, RuleChangeLog.Status.APPLIED, List.of());
        LOG.info("new rules are live (version {}, {} by {}): {} knowledge-base entries, {} people, {} routes",
                snapshot.version(), String.join(", ", files), actor, loaded.knowledge().size(),
                loaded.roster().people().size(), loaded.rules().routes().size());
        return next;
    }

    private void refuse(Live current, ConfigSnapshot snapshot, String actor, List<ConfigException.Problem> problems) {
        lastRejected = new Rejection(clock.instant(), actor, snapshot.version(), problems);
        List<String> problemLines = problems.stream().map(ConfigException.Problem::toString).toList();
        record(current.snapshot(), snapshot, actor, RuleChangeLog.Status.REJECTED,
                problems.stream().map(this::asRecorded).toList());
        LOG.error("refused a change to the configuration by {}; the previous rules stay live:\n  {}", actor,
                problems.stream().map(p -> p + (p.hasHint() ? "\n      hint: " + p.hint() : ""))
                        .collect(Collectors.joining("\n  ")));
    }

    /**
     * A problem as the change history keeps it: {@code rules.yaml:6:12: …}, the file named as in the
     * configuration directory (as the console's editor names it), not by where that directory is on this server.
     */
    private String asRecorded(ConfigException.Problem problem) {
        Path file = Path.of(problem.file());
        String name = file.startsWith(directory) ? directory.relativize(file).toString() : problem.file();
        return new ConfigException.Problem(name, problem.line(), problem.column(), problem.message()).toString();
    }

    /** One row per changed file; returns the changed file names. */
    private List<String> record(ConfigSnapshot before, ConfigSnapshot after, String actor,
                                RuleChangeLog.Status status, List<String> problems) {
        List<String> changed = new ArrayList<>();
        Set<String> names = new TreeSet<>(before.files().keySet());
        names.addAll(after.files().keySet());
        Instant at = clock.instant();
        for (String name : names) {
            String was = before.files().get(name);
            String now = after.files().get(name);
            if (!Objects.equals(was, now)) {
                changed.add(name);
                changes.record(at, actor, name, status, Diffs.unified(name, was, now), problems);
            }
        }
        return changed;
    }

    /** Each file replaced atomically, so neither Baton's watcher nor an editor ever reads half a file. */
    private void write(Map<String, String> files, ConfigSnapshot live) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (Objects.equals(live.files().get(file.getKey()), file.getValue())) {
                continue;
            }
            Path target = directory.resolve(file.getKey());
            try {
                Path temporary = Files.createTempFile(directory, "." + file.getKey(), ".tmp");
                Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + " (is the configuration directory"
                        + " read-only? then edit the files where they are mounted from)", e);
            }
        }
    }

    /** @throws IllegalArgumentException naming a file that only changes with a restart (or that Baton never reads) */
    public static void requireReloadable(Map<String, String> files) {
        for (String name : files.keySet()) {
            if (!ConfigSnapshot.RELOADABLE.contains(name)) {
                throw new IllegalArgumentException("`" + name + "` cannot be changed while Baton runs; the files that"
                        + " can are " + String.join(", ", ConfigSnapshot.RELOADABLE));
            }
        }
    }
}
