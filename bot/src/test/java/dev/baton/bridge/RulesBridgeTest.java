package dev.baton.bridge;

import dev.baton.store.TestDatabases;
import dev.baton.llm.Assistant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.config.SampleConfig;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.api.RulesEditor;
import dev.baton.console.api.DraftRejected;
import dev.baton.console.api.LiveRules;
import dev.baton.console.api.RuleChange;
import dev.baton.console.api.TryIt;
import dev.baton.console.api.TryItInput;
import dev.baton.conversation.ConversationStore;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.SupportDesk;
import dev.baton.desk.TestClock;
import dev.baton.handoff.HandoffStore;
import dev.baton.metrics.BatonMetrics;
import dev.baton.reload.ConfigSnapshot;
import dev.baton.reload.LiveConfig;
import dev.baton.reload.RuleChangeLog;
import dev.baton.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The console's rules pages over the real configuration, engine and stores (the sample community). */
@Tag("database")
class RulesBridgeTest {

    /** The engine is expensive to build (MiniLM): one for the whole class, reused by every reload. */
    private static final Wiring WIRING = new Wiring();
    private static final String RULES = "rules.yaml";
    private static final String GRIEF_ROUTE = "  - name: grief and anxiety, privately\n";
    private static final List<PlaygroundMessage> GRIEF = List.of(new PlaygroundMessage("customer",
            "My husband died last month and I don't know how to cancel his Lumen Plus subscription."));

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T11:00:00Z"));
    private Database database;
    private LiveConfig live;
    private RulesEditor rules;

    @BeforeEach
    void start() {
        database = TestDatabases.fresh();
        live = LiveConfig.load(SampleConfig.copyTo(dir), WIRING::rules, new RuleChangeLog(database), clock);
        HandoffStore handoffs = new HandoffStore(database);
        ConversationStore conversations = new ConversationStore(database);
        SupportDesk desk = WIRING.desk(live.live().config(), live, conversations, handoffs, BatonMetrics.standalone(),
                Assistant.off(), clock);
        rules = Wiring.consoleBackend(live, desk, conversations, handoffs, StaffReplies.NOT_CONNECTED,
                new ConsoleEvents(), BatonMetrics.standalone(), clock).backends().rules();
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private String liveRules() {
        return live.live().snapshot().text(RULES).orElseThrow();
    }

    /** The sample's grief route at another priority. */
    private String griefAt(String priority) {
        String text = liveRules();
        int route = text.indexOf(GRIEF_ROUTE);
        int at = text.indexOf("priority: high", route);
        return text.substring(0, at) + "priority: " + priority + text.substring(at + "priority: high".length());
    }

    @Test
    void theLiveFilesAreListedWithTheirVersionAndNoRefusal() {
        LiveRules now = rules.live();

        assertEquals(List.of("rules.yaml", "team.yaml", "messages.yaml", "knowledge.yaml"),
                now.files().stream().map(LiveRules.ConfigFile::name).toList());
        assertEquals(liveRules(), now.files().get(0).text());
        assertEquals(live.live().snapshot().version(), now.version());
        assertNull(now.lastRejected());
    }

    @Test
    void tryItShowsTheLiveRulesAndTheDraftSideBySide() {
        TryIt tried = rules.tryIt(Map.of(RULES, griefAt("low")), new TryItInput(GRIEF, null, List.of(), null));

        assertEquals("grief and anxiety, privately", tried.live().rule());
        assertEquals("high", tried.live().priority());
        assertEquals("low", tried.draft().priority());
        assertEquals("handoff", tried.live().decision().get("action").asText());
        assertTrue(tried.live().notice().contains(tried.live().assignee()), tried.live().notice());
        assertTrue(tried.draftProblems().isEmpty());
    }

    @Test
    void tryItWithABrokenDraftShowsTheLiveSideAndTheDraftsProblemsByFileName() {
        TryIt tried = rules.tryIt(Map.of(RULES, griefAt("soonish")), new TryItInput(GRIEF, null, List.of(), null));

        assertEquals("high", tried.live().priority());
        assertNull(tried.draft());
        assertEquals("rules.yaml", tried.draftProblems().get(0).file());
        assertTrue(tried.draftProblems().get(0).message().contains("soonish"));
        assertFalse(tried.draftProblems().get(0).hint().isBlank());
    }

    @Test
    void applyingMakesTheDraftLiveForTheNextConversationAndRecordsWhoDidIt() {
        String before = rules.live().version();
        String draft = griefAt("urgent");

        LiveRules applied = rules.apply("alex", Map.of(RULES, draft), before);

        assertNotEquals(before, applied.version());
        assertEquals(draft, applied.files().get(0).text());
        TryIt tried = rules.tryIt(Map.of(), new TryItInput(GRIEF, null, List.of(), null));
        assertEquals("urgent", tried.live().priority());
        RuleChange change = rules.changes(10).get(0);
        assertEquals("Alex", change.actorName());
        assertEquals("applied", change.status());
        assertTrue(change.diff().contains("+      priority: urgent"), change.diff());
    }

    @Test
    void aStaleDraftIsRefusedAsAConflictAndABrokenOneWithItsProblems() {
        String base = rules.live().version();
        rules.apply("alex", Map.of(RULES, griefAt("urgent")), base);

        ActionRejected stale = assertThrows(ActionRejected.class,
                () -> rules.apply("sam", Map.of(RULES, griefAt("low")), base));
        assertFalse(stale instanceof DraftRejected);

        DraftRejected broken = assertThrows(DraftRejected.class,
                () -> rules.apply("sam", Map.of(RULES, griefAt("soonish")), rules.live().version()));
        assertEquals("rules.yaml", broken.problems().get(0).file());
        assertEquals("sam", rules.live().lastRejected().actor());
        assertEquals("urgent", rules.tryIt(Map.of(), new TryItInput(GRIEF, null, List.of(), null)).live().priority());
    }

    @Test
    void filesThatNeedARestartAreRefusedInWords() {
        ActionRejected refused = assertThrows(ActionRejected.class,
                () -> rules.check(Map.of("discord.yaml", "guild_id: \"\"")));
        ActionRejected model = assertThrows(ActionRejected.class,
                () -> rules.check(Map.of("llm.yaml", "model: llama3.2")));

        assertTrue(refused.getMessage().contains("discord.yaml"));
        assertTrue(model.getMessage().contains("llm.yaml"), model.getMessage());
        assertEquals(ConfigSnapshot.RELOADABLE, rules.live().files().stream().map(LiveRules.ConfigFile::name).toList(),
                "the editor shows only the files it can change");
    }

    @Test
    void aReplayOfAnEmptyPeriodSaysSoAndABrokenDraftIsRefused() {
        Instant to = clock.instant();
        var report = rules.replay(Map.of(RULES, griefAt("low")), to.minusSeconds(7 * 86_400), to);
        assertEquals(0, report.conversations());

        assertInstanceOf(DraftRejected.class, assertThrows(ActionRejected.class,
                () -> rules.replay(Map.of(RULES, griefAt("soonish")), to.minusSeconds(86_400), to)));
    }
}
