package dev.baton.reload;

import dev.baton.store.TestDatabases;
import dev.baton.live.RulesInForce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.config.BatonConfig;
import dev.baton.config.SampleConfig;
import dev.baton.desk.TestClock;
import dev.baton.store.Database;
import dev.baton.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("database")
class LiveConfigTest {

    private static final String RULES = "rules.yaml";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<Boolean> builds = new ArrayList<>();
    private Database database;
    private RuleChangeLog changes;
    private LiveConfig config;

    @BeforeEach
    void start() {
        SampleConfig.copyTo(dir);
        database = TestDatabases.fresh();
        changes = new RuleChangeLog(database);
        config = LiveConfig.load(dir, this::rules, changes, clock);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    /** Cheap rules without an engine: these tests are about which configuration is live, not decisions. */
    private RulesInForce rules(BatonConfig loaded, RulesInForce previous, boolean knowledgeChanged) {
        builds.add(knowledgeChanged);
        return new RulesInForce(null, loaded.knowledge(), loaded.roster(), loaded.wording());
    }

    private String rulesText() {
        return config.live().snapshot().text(RULES).orElseThrow();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private String withDefaultPriority(String priority) {
        return rulesText().replace("default:\n  team: support\n  priority: normal",
                "default:\n  team: support\n  priority: " + priority);
    }

    @Test
    void anEditOnDiskSeenByTwoBatonsSharingTheFilesIsRecordedOnceThoughBothReload() throws IOException {
        LiveConfig other = LiveConfig.load(dir, this::rules, new RuleChangeLog(database), clock);
        write(RULES, withDefaultPriority("high"));

        assertTrue(config.reloadFromDisk());
        assertTrue(other.reloadFromDisk());

        assertEquals("high", other.live().config().rules().fallback().priority().wireName());
        assertEquals(1, changes.recent(10).size());
    }

    @Test
    void aDraftAppliedOnOneBatonIsNotRecordedAgainAsAFileEditByAnotherThatReloadsIt() {
        LiveConfig other = LiveConfig.load(dir, this::rules, new RuleChangeLog(database), clock);

        config.apply("carol", Map.of(RULES, withDefaultPriority("high")), config.live().snapshot().version());
        assertTrue(other.reloadFromDisk());

        assertEquals("high", other.live().config().rules().fallback().priority().wireName());
        List<RuleChangeLog.Change> recorded = changes.recent(10);
        assertEquals(1, recorded.size(), recorded::toString);
        assertEquals("carol", recorded.get(0).actor());
    }

    @Test
    void theSameEditMadeAgainAfterItWasUndoneIsRecordedAgain() throws IOException {
        String before = rulesText();
        write(RULES, withDefaultPriority("high"));
        config.reloadFromDisk();
        String edited = rulesText();
        write(RULES, before);
        config.reloadFromDisk();
        write(RULES, edited);

        assertTrue(config.reloadFromDisk());

        assertEquals(3, changes.recent(10).size());
    }

    @Test
    void twoBatonsOnOnePostgresReloadingTheSameEditAtOnceRecordItOnce() throws Exception {
        dev.baton.store.DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        try (Database forA = Database.open(location); Database forB = Database.open(location)) {
            RuleChangeLog log = new RuleChangeLog(forA);
            for (int round = 0; round < 5; round++) {
                LiveConfig a = LiveConfig.load(dir, this::rules, log, clock);
                LiveConfig b = LiveConfig.load(dir, this::rules, new RuleChangeLog(forB), clock);
                write(RULES, withDefaultPriority(round % 2 == 0 ? "high" : "low"));
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    var first = two.submit(() -> {
                        go.await();
                        return a.reloadFromDisk();
                    });
                    var second = two.submit(() -> {
                        go.await();
                        return b.reloadFromDisk();
                    });
                    go.countDown();
                    assertTrue(first.get() && second.get());
                } finally {
                    two.shutdownNow();
                }
                assertEquals(round + 1, log.recent(100).size(), "round " + round);
            }
        }
    }

    @Test
    void aValidEditOnDiskGoesLiveAndIsRecordedAsAChangeByTheFile() throws IOException {
        write(RULES, withDefaultPriority("high"));
        clock.advance(Duration.ofSeconds(5));

        assertTrue(config.reloadFromDisk());

        assertEquals("high", config.live().config().rules().fallback().priority().wireName());
        List<RuleChangeLog.Change> recorded = changes.recent(10);
        assertEquals(1, recorded.size());
        RuleChangeLog.Change change = recorded.get(0);
        assertEquals("file", change.actor());
        assertEquals(RULES, change.file());
        assertEquals(RuleChangeLog.Status.APPLIED, change.status());
        assertEquals(clock.instant(), change.at());
        assertTrue(change.diff().contains("-  priority: normal\n+  priority: high"), change.diff());
        assertTrue(change.diff().startsWith("--- a/rules.yaml\n+++ b/rules.yaml\n@@"), change.diff());
    }

    @Test
    void anInvalidEditOnDiskIsRefusedOnceAndThePreviousRulesStayLive() throws IOException {
        RulesInForce before = config.get();
        String version = config.live().snapshot().version();
        write(RULES, withDefaultPriority("soonish"));

        assertFalse(config.reloadFromDisk());
        assertFalse(config.reloadFromDisk(), "polling again changes nothing");

        assertSame(before, config.get());
        assertEquals(version, config.live().snapshot().version());
        LiveConfig.Rejection rejection = config.lastRejected().orElseThrow();
        assertEquals("file", rejection.actor());
        assertTrue(rejection.problems().get(0).toString().contains("rules.yaml:"), rejection.problems().toString());
        assertTrue(rejection.problems().get(0).message().contains("soonish"), rejection.problems().toString());
        List<RuleChangeLog.Change> recorded = changes.recent(10);
        assertEquals(1, recorded.size(), "recorded once, not on every poll");
        assertEquals(RuleChangeLog.Status.REJECTED, recorded.get(0).status());
        assertTrue(recorded.get(0).problems().get(0).contains("soonish"));
        assertTrue(recorded.get(0).problems().get(0).startsWith(RULES + ":"),
                () -> "named as in the configuration directory, as the console names it: " + recorded.get(0).problems());
    }

    @Test
    void fixingARefusedFileMakesItLiveAndClearsTheRefusal() throws IOException {
        write(RULES, withDefaultPriority("soonish"));
        config.reloadFromDisk();
        write(RULES, withDefaultPriority("low"));

        assertTrue(config.reloadFromDisk());

        assertTrue(config.lastRejected().isEmpty());
        assertEquals("low", config.live().config().rules().fallback().priority().wireName());
    }

    @Test
    void applyingADraftWritesTheFileMakesItLiveAndNamesWhoDidIt() throws IOException {
        String base = config.live().snapshot().version();
        String draft = withDefaultPriority("urgent");

        LiveConfig.Live live = config.apply("carol", Map.of(RULES, draft), base);

        assertEquals("urgent", live.config().rules().fallback().priority().wireName());
        assertEquals(draft, Files.readString(dir.resolve(RULES)));
        assertEquals("carol", changes.recent(10).get(0).actor());
        assertFalse(config.reloadFromDisk(), "the watcher sees its own write as already live");
        assertEquals(1, changes.recent(10).size());
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }

    @Test
    void aDraftMadeFromAnOlderVersionIsRefusedAndNothingIsWritten() throws IOException {
        String base = config.live().snapshot().version();
        config.apply("carol", Map.of(RULES, withDefaultPriority("high")), base);
        String onDisk = Files.readString(dir.resolve(RULES));

        assertThrows(LiveConfig.StaleVersion.class,
                () -> config.apply("dana", Map.of(RULES, withDefaultPriority("low")), base));

        assertEquals(onDisk, Files.readString(dir.resolve(RULES)));
        assertEquals("high", config.live().config().rules().fallback().priority().wireName());
    }

    @Test
    void anInvalidDraftIsRefusedRecordedAndNotWritten() throws IOException {
        String onDisk = Files.readString(dir.resolve(RULES));
        String base = config.live().snapshot().version();

        ConfigException refused = assertThrows(ConfigException.class,
                () -> config.apply("carol", Map.of(RULES, withDefaultPriority("soonish")), base));

        assertTrue(refused.getMessage().contains("soonish"));
        assertEquals(onDisk, Files.readString(dir.resolve(RULES)));
        assertEquals("carol", config.lastRejected().orElseThrow().actor());
        assertEquals(RuleChangeLog.Status.REJECTED, changes.recent(1).get(0).status());
    }

    @Test
    void theEngineIsOnlyRebuiltWhenTheKnowledgeBaseChanged() throws IOException {
        builds.clear();
        write(RULES, withDefaultPriority("high"));
        config.reloadFromDisk();
        write("knowledge.yaml", Files.readString(dir.resolve("knowledge.yaml")) + "\n# a comment\n");
        config.reloadFromDisk();

        assertEquals(List.of(false, true), builds);
    }

    @Test
    void aDraftIsLoadedBesideTheLiveRulesWithoutChangingThem() {
        RulesInForce before = config.get();

        LiveConfig.Draft draft = config.draft(Map.of(RULES, withDefaultPriority("low")));

        assertEquals("low", draft.config().rules().fallback().priority().wireName());
        assertSame(before, config.get());
        assertTrue(changes.recent(10).isEmpty());
        assertEquals(List.of(), config.check(Map.of(RULES, withDefaultPriority("low"))));
        assertEquals(1, config.check(Map.of(RULES, withDefaultPriority("soonish"))).size());
    }

    @Test
    void filesThatNeedARestartCannotBeChangedWhileRunning() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> config.apply("carol", Map.of("discord.yaml", "guild_id: \"\""), config.live().snapshot().version()));
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> config.apply("carol", Map.of("llm.yaml", "model: llama3.2"), config.live().snapshot().version()));

        assertTrue(refused.getMessage().contains("discord.yaml"));
        assertTrue(model.getMessage().startsWith("`llm.yaml` cannot be changed while Baton runs"), model.getMessage());
    }

    @Test
    void everyFileBatonReadsIsEitherReloadedOrReadOnlyAtStartup() {
        List<String> both = new ArrayList<>(ConfigSnapshot.RELOADABLE);
        both.addAll(ConfigSnapshot.RESTART_ONLY);

        assertEquals(new java.util.TreeSet<>(BatonConfig.FILES), new java.util.TreeSet<>(both));
        assertEquals(BatonConfig.FILES.size(), both.size(), "no file is both");
    }

    @ParameterizedTest(name = "an edit to {0} on disk waits for a restart")
    @ValueSource(strings = {"discord.yaml", "llm.yaml"})
    void anEditToARestartOnlyFileOnDiskWaitsForARestart(String file) throws IOException {
        BatonConfig before = config.live().config();
        write(file, file.equals("llm.yaml") ? "base_url: http://localhost:11434/v1\nmodel: llama3.2\n"
                : "quiet_gap_minutes: 12\n");

        assertFalse(config.reloadFromDisk());

        assertSame(before, config.live().config());
        assertTrue(changes.recent(10).isEmpty(), "not a change to the live rules");
    }

    @Test
    void theWatcherWaitsUntilTwoLooksAgreeSoAHalfSavedFileIsNotRefused() {
        ConfigWatcher.Stable stable = new ConfigWatcher.Stable();

        assertFalse(stable.settled("a"));
        assertTrue(stable.settled("a"));
        assertFalse(stable.settled("b"));
        assertTrue(stable.settled("b"));
    }
}
