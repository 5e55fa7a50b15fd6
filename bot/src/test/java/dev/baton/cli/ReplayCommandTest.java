package dev.baton.cli;

import static dev.baton.replay.Past.cue;
import static dev.baton.triage.CueKind.ANGER;
import static dev.baton.triage.CueKind.FRUSTRATION;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.replay.Past;
import dev.baton.routing.RosterLoader;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code baton replay} against a real database (this run's backend) and configuration directories. The live team is Alex
 * and Dana (billing) and Sam (support, takes sensitive conversations); the draft team has no Alex. Ann's
 * frustrated refund question went to Alex, Ben's password question was answered, and Cat's angry price
 * question went to Dana, who had waited longer.
 */
@Tag("database")
class ReplayCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-09T00:00:00Z");
    private static final String TEAM = """
            people:
              - id: alex
                name: Alex
                discord_user_id: "100000000000000001"
                team: billing
                topics: [billing, account]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: dana
                name: Dana
                discord_user_id: "100000000000000002"
                team: billing
                topics: [billing]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: sam
                name: Sam
                discord_user_id: "100000000000000003"
                team: support
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
            """;
    private static final String TEAM_WITHOUT_ALEX = TEAM.substring(TEAM.indexOf("  - id: dana"))
            .transform(rest -> "people:\n" + rest);

    @TempDir
    Path dir;
    private Path config;
    private Path draft;
    private Path data;
    private DatabaseLocation database;
    private Past.Conversation ann;

    private final CliRun cli = new CliRun();

    @BeforeEach
    void storeAWeek() throws IOException {
        config = Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("..", "config", "knowledge.yaml"), config.resolve("knowledge.yaml"));
        Files.writeString(config.resolve("team.yaml"), TEAM);
        draft = Files.createDirectories(dir.resolve("draft"));
        Files.writeString(draft.resolve("team.yaml"), TEAM_WITHOUT_ALEX);
        data = dir.resolve("data");
        KnowledgeBase knowledge = KnowledgeBaseLoader.load(config.resolve("knowledge.yaml"));
        database = TestDatabases.freshLocation(data);
        try (Database database = Database.open(this.database)) {
            Past past = new Past(database, knowledge, RosterLoader.parse("team.yaml", new StringReader(TEAM)));
            ann = past.conversation("Ann").says("I was charged twice, so annoying", at("02T10:00"))
                    .decided(at("02T10:00"), past.nearest("refund-policy", 0.8), cue(FRUSTRATION, 0.6))
                    .handedOffTo("alex", at("02T10:00")).resolved(at("02T10:30"));
            past.conversation("Ben").says("How do I reset my password?", at("02T11:00"))
                    .decided(at("02T11:00"), past.nearest("password-reset", 0.9));
            past.conversation("Cat").says("WHY does Plus cost so much", at("02T12:00"))
                    .decided(at("02T12:00"), past.nearest("plus-price", 0.9), cue(ANGER, 0.7))
                    .handedOffTo("dana", at("02T12:00")).resolved(at("02T12:30"));
        }
    }

    private static Instant at(String dayAndTime) {
        return Instant.parse("2026-11-" + dayAndTime + ":00Z");
    }

    /** Runs in an environment that names this run's database: the SQLite file in {@code data}, or PostgreSQL. */
    private int run(String... args) {
        Map<String, String> environment = new HashMap<>(Map.of("BATON_CONFIG_DIR", config.toString(),
                "BATON_DATA_DIR", data.toString()));
        if (database instanceof DatabaseLocation.Postgres postgres) {
            environment.put("BATON_DATABASE_URL", postgres.url());
        }
        return runWith(environment, args);
    }

    private int runWith(Map<String, String> environment, String... args) {
        return cli.run(environment, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void printsTheSummaryTheComparisonAndTheChangedConversations() {
        assertEquals(0, run("replay", "--rules", draft.toString()), this::err);

        List<String> lines = new ArrayList<>(out().lines().toList());
        String timing = lines.remove(lines.size() - 1);
        assertEquals(List.of(
                "Draft " + draft + " (team.yaml) against the live rules in " + config + ", in the last 7 days.",
                "",
                "2 handoffs in the last 7 days: 2 to Dana; as many as live; 1 goes to someone else.",
                "",
                "                        live    draft   change",
                "handoffs                   2        2",
                "answered by Baton          1        1",
                "",
                "to Dana                    1        2       +1",
                "to Alex                    1        0       -1",
                "",
                "team billing               2        2",
                "",
                "rule default               2        2",
                "",
                "reason: anger              1        1",
                "reason: frustration        1        1",
                "",
                "1 conversation changes:",
                "2026-11-02 10:00  rerouted  Ann, conversation " + ann.id() + " (handoff " + ann.handoffId() + ")",
                "    live:  handoff: frustration → Alex (rule default)",
                "    draft: handoff: frustration → Dana (rule default)",
                ""), lines);
        assertTrue(timing.startsWith("Replayed 3 conversations (3 decision points) in "), timing);
        assertTrue(timing.endsWith("matched again for 0 points under the live rules and 0 under the draft."), timing);
    }

    @Test
    void printsTheReportAsJsonWithIsoTimesAndEveryChangedConversation() throws IOException {
        assertEquals(0, run("replay", "--rules", draft.toString(), "--json", "--limit", "0"), this::err);

        JsonNode report = new ObjectMapper().readTree(out());
        assertAll(
                () -> assertEquals("2026-11-02T00:00:00Z", report.get("from").asText()),
                () -> assertEquals("2026-11-09T00:00:00Z", report.get("to").asText()),
                () -> assertEquals(3, report.get("conversations").asInt()),
                () -> assertEquals(1, report.get("live").get("byPerson").get("Alex").asInt()),
                () -> assertEquals(2, report.get("draft").get("byPerson").get("Dana").asInt()),
                () -> assertEquals("rerouted", report.get("changed").get(0).get("change").asText()),
                () -> assertEquals("2026-11-02T10:00:00Z", report.get("changed").get(0).get("at").asText()),
                () -> assertEquals(ann.handoffId().longValue(), report.get("changed").get(0).get("handoffId").asLong()),
                () -> assertTrue(err().startsWith("Replayed 3 conversations"), err()));
    }

    @Test
    void listsNoMoreChangedConversationsThanTheLimit() {
        assertEquals(0, run("replay", "--rules", draft.toString(), "--limit", "0"));

        assertTrue(out().contains("1 conversation changes (showing the first 0; --limit N for more):\n\n"), out());
        assertTrue(!out().contains("    live:"), out());
    }

    @Test
    void replaysTheGivenDaysOnly() throws IOException {
        assertEquals(0, run("replay", "--rules", draft.toString(), "--from", "2026-11-02", "--to", "2026-11-02T11:30",
                "--json"), this::err);

        assertEquals(2, new ObjectMapper().readTree(out()).get("conversations").asInt());
    }

    @Test
    void everyProblemInTheDraftIsPrintedWhereItIsAndNothingIsReplayed() throws IOException {
        Files.writeString(draft.resolve("team.yaml"), TEAM_WITHOUT_ALEX + "typical_pickup: 10\n");
        Files.writeString(draft.resolve("rules.yml"), "default: {team: support}\n");

        assertEquals(1, run("replay", "--rules", draft.toString()));

        assertEquals("", out());
        List<String> lines = err().lines().toList();
        assertEquals("baton: the draft in " + draft + " has problems:", lines.get(0));
        assertEquals(draft.resolve("rules.yml") + ":0:0: Baton reads no file of this name; did you mean rules.yaml?",
                lines.get(1));
        assertTrue(lines.get(2).startsWith(draft.resolve("team.yaml") + ":14:1: "), lines.get(2));
    }

    @Test
    void aMissingDatabaseSaysWhereItWasLookedFor() {
        // About the SQLite file, whatever this run's backend: no BATON_DATABASE_URL.
        assertEquals(1, runWith(Map.of("BATON_CONFIG_DIR", config.toString(), "BATON_DATA_DIR", data.toString()),
                "replay", "--rules", draft.toString(), "--data", dir.resolve("elsewhere").toString()));

        assertTrue(err().startsWith("baton: no database at " + dir.resolve("elsewhere").resolve("baton.db")
                .toAbsolutePath()), err());
        assertTrue(Files.notExists(dir.resolve("elsewhere")), "never created");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--since 7d --from 2026-11-01  | give either --since or --from (and --to), not both",
            "--to 2026-11-08               | --to needs --from",
            "--since 7days                 | --since takes a length such as 7d, 24h, 90m or 1w2d, not \"7days\"",
            "--since 0d                    | --since must be longer than nothing, was \"0d\"",
            "--from 2026-11-08 --to 2026-11-01 | --from must be before --to",
            "--from 1 November             | unexpected argument \"November\"",
            "--from yesterday              | --from takes a date such as 2026-11-01",
            "--limit -3                    | --limit must be a whole number, 0 or more, was \"-3\"",
            "--json true                   | unexpected argument \"true\"",
    })
    void aWrongCommandLineIsAUsageError(String args, String message) {
        List<String> command = new ArrayList<>(List.of("replay", "--rules", draft.toString()));
        command.addAll(List.of(args.split(" ")));

        assertEquals(2, run(command.toArray(String[]::new)));

        assertTrue(err().startsWith("baton: " + message), err());
    }

    @Test
    void theDraftDirectoryIsRequiredAndMustExist() {
        assertEquals(2, run("replay"));
        assertTrue(err().startsWith("baton: --rules is required"), err());

        cli.reset();
        assertEquals(2, run("replay", "--rules", dir.resolve("nowhere").toString()));
        assertTrue(err().startsWith("baton: --rules: no draft directory at " + dir.resolve("nowhere")), err());
    }
}
