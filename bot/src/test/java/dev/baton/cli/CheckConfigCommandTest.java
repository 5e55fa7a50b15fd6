package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.config.BatonConfig;
import dev.baton.config.SampleConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

    @TempDir
    Path temp;

    private Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyTheSample() {
        dir = SampleConfig.copyTo(temp.resolve("config"));
    }

    private int run(Map<String, String> environment, String... args) {
        return new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void edit(String file, String replace, String with) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(replace), "test data: `" + replace + "` is not in " + file);
        Files.writeString(path, text.replace(replace, with));
    }

    @Nested
    @DisplayName("A valid configuration")
    class Valid {

        @Test
        void exitsWithZeroAndSummarisesEachFile() {
            assertEquals(0, run("check-config", dir.toString()), err::toString);

            List<String> lines = out().lines().toList();
            assertEquals(dir + ": every file is valid.", lines.get(0));
            assertTrue(lines.get(1).matches(" {2}knowledge\\.yaml +\\d+ entries; topics: account, billing, community,"
                    + " install, moderation, printing"), lines.get(1));
            assertEquals("  team.yaml       5 people; teams: billing, community, support; 3 take sensitive"
                    + " conversations", lines.get(2));
            assertEquals("  rules.yaml      5 routes, then the default (team support, normal); 2 channels;"
                    + " deadlines for urgent, high, normal, low", lines.get(5));
            assertEquals("  llm.yaml        no language model (no BATON_LLM_BASE_URL or base_url), so Baton decides"
                    + " everything offline", lines.get(6));
            assertTrue(lines.get(7).matches(" {2}database +SQLite file .*baton\\.db"), lines.get(7));
            assertEquals(8, lines.size(), out());
            assertEquals("", err());
        }

        @Test
        void saysWhichPostgresqlItWouldUseWithoutPrintingThePassword() {
            Map<String, String> environment = Map.of("BATON_DATABASE_URL", "jdbc:postgresql://db.example.org/baton",
                    "BATON_DATABASE_USER", "baton", "BATON_DATABASE_PASSWORD", "s3cret");

            assertEquals(0, run(environment, "check-config", dir.toString()), out()::toString);

            assertTrue(out().contains("\n  database        PostgreSQL at jdbc:postgresql://db.example.org/baton as baton"
                    + " (password ****) (BATON_DATABASE_URL)\n"), out());
            assertFalse(out().contains("s3cret"), out());
        }

        @Test
        void withoutOptionalFilesSaysWhatTakesTheirPlace() throws IOException {
            Files.delete(dir.resolve(BatonConfig.RULES));
            Files.delete(dir.resolve(BatonConfig.MESSAGES));

            assertEquals(0, run("check-config", dir.toString()));

            assertTrue(out().contains("  messages.yaml   absent: Baton's built-in wording"), out());
            assertTrue(out().contains("  rules.yaml      absent: built-in rules (anyone on the roster, normal priority,"
                    + " no deadlines)"), out());
        }

        @Test
        void saysWhichLanguageModelLlmYamlConfiguresAndForWhat() throws IOException {
            Files.writeString(dir.resolve(BatonConfig.LLM), "base_url: http://localhost:11434/v1\nmodel: llama3.2\n"
                    + "use: [phrasing, summary]\ntimeout: 8s\n");

            assertEquals(0, run("check-config", dir.toString()), out()::toString);

            assertTrue(out().contains("\n  llm.yaml        language model llama3.2 at http://localhost:11434/v1, no API"
                    + " key; for summary, phrasing; timeout 8s\n"), out());
        }

        @Test
        void saysAModelNamedInTheEnvironmentComesFromThereAndThatAKeyIsSetWithoutPrintingIt() {
            Map<String, String> environment = Map.of("BATON_LLM_BASE_URL", "https://api.example.com/v1",
                    "BATON_LLM_MODEL", "gpt-4o-mini", "BATON_LLM_API_KEY", "sk-live-1234");

            assertEquals(0, run(environment, "check-config", dir.toString()), out()::toString);

            assertTrue(out().contains("\n  llm.yaml        language model gpt-4o-mini at https://api.example.com/v1"
                    + " (from BATON_LLM_BASE_URL and BATON_LLM_MODEL), API key set; for summary, second_opinion, phrasing;"
                    + " timeout 4s\n"), out());
            assertFalse(out().contains("sk-live-1234"), out());
        }

        @Test
        void saysWhichShardsThisInstanceMayHoldAndRefusesABadShardSettingInOneLine() {
            assertEquals(0, run(Map.of("BATON_SHARDS", "0-3/8"), "check-config", dir.toString()), out()::toString);
            assertTrue(out().contains("\n  shards          may hold shards 0-3/8 (BATON_SHARDS)"), out());

            assertEquals(1, run(Map.of("BATON_SHARDS", "4-9/8"), "check-config", dir.toString()), out()::toString);
            assertTrue(out().contains("the environment: BATON_SHARDS is \"4-9/8\": shards 4-9 are not within 0-7"),
                    out());
        }

        @Test
        void neverPrintsAPasswordWrittenIntoTheEndpoint() {
            Map<String, String> environment = Map.of("BATON_LLM_BASE_URL", "https://me:sk-live-1234@api.example.com/v1",
                    "BATON_LLM_MODEL", "gpt-4o-mini");

            assertEquals(0, run(environment, "check-config", dir.toString()), out()::toString);

            assertTrue(out().contains(" at https://****@api.example.com/v1 (from"), out());
            assertFalse(out().contains("sk-live-1234"), out());
        }

        @Test
        void saysWhenAModelIsConfiguredButUsedForNothing() throws IOException {
            Files.writeString(dir.resolve(BatonConfig.LLM), "model: llama3.2\nuse: []\n");

            assertEquals(0, run(Map.of("BATON_LLM_BASE_URL", "http://localhost:11434/v1"), "check-config",
                    dir.toString()), out()::toString);

            assertTrue(out().contains("  llm.yaml        language model llama3.2 at http://localhost:11434/v1 (from"
                    + " BATON_LLM_BASE_URL), no API key; used for nothing (use: []); timeout 4s"), out());
        }

        @Test
        void withoutLlmYamlSaysItIsAbsent() throws IOException {
            Files.delete(dir.resolve(BatonConfig.LLM));

            assertEquals(0, run("check-config", dir.toString()));

            assertTrue(out().contains("  llm.yaml        absent: no language model (no BATON_LLM_BASE_URL or base_url),"
                    + " so Baton decides everything offline"), out());
        }

        @Test
        void isFoundThroughBatonConfigDirWhenNoDirectoryIsGiven() {
            assertEquals(0, run(Map.of("BATON_CONFIG_DIR", dir.toString()), "check-config"), err::toString);

            assertTrue(out().startsWith(dir + ": every file is valid."), out());
        }
    }

    @Nested
    @DisplayName("A configuration with problems")
    class WithProblems {

        @Test
        void aBadDatabaseUrlIsOneLineNamingTheVariable() {
            assertEquals(1, run(Map.of("BATON_DATABASE_URL", "postgres://db/baton"), "check-config", dir.toString()));

            List<String> lines = out().lines().toList();
            assertTrue(lines.get(0).startsWith("the environment: BATON_DATABASE_URL must start with jdbc:postgresql://"),
                    lines.get(0));
            assertEquals("1 problem in the environment; Baton would not start with this database setting.",
                    lines.get(1));
            assertEquals(2, lines.size(), out());
        }

        @Test
        void exitsWithOneAndPrintsEachProblemWithItsHintAndACount() throws IOException {
            edit(BatonConfig.RULES, "priority: urgent", "priority: asap");
            edit(BatonConfig.RULES, "frustration: {sensitivity: low}", "frustration: {sensitivty: low}");

            assertEquals(1, run("check-config", dir.toString()));

            Path rules = dir.resolve("rules.yaml");
            List<String> lines = out().lines().toList();
            assertEquals(5, lines.size(), out());
            assertTrue(lines.get(0).startsWith(rules + ":" + lineOf(rules, "  frustration: {sensitivty") + ":17: unknown key"
                    + " `sensitivty` (did you mean `sensitivity`?)"), lines.get(0));
            assertEquals("    hint: rename it to `sensitivity`", lines.get(1));
            assertTrue(lines.get(2).startsWith(rules + ":" + lineOf(rules, "priority: asap") + ":17: `priority` must be"
                    + " `urgent`, `high`, `normal` or `low`, but found `asap`"), lines.get(2));
            assertEquals("    hint: write one of them, e.g. `priority: urgent`", lines.get(3));
            assertEquals("2 problems in rules.yaml; Baton would not start with this configuration, and a running Baton"
                    + " keeps its current rules.", lines.get(4));
        }

        @Test
        void aBrokenTeamFileDoesNotHideATypoInTheRulesTeamNames() throws IOException {
            edit(BatonConfig.TEAM, "    max_open: 4\n", "    max_open: lots\n");
            edit(BatonConfig.RULES, "      team: billing\n", "      team: biling\n");

            assertEquals(1, run("check-config", dir.toString()));

            String printed = out();
            assertTrue(printed.contains(dir.resolve("team.yaml") + ":" + lineOf(dir.resolve("team.yaml"),
                    "max_open: lots")), printed);
            assertTrue(printed.contains(dir.resolve("rules.yaml") + ":" + lineOf(dir.resolve("rules.yaml"),
                    "team: biling") + ":13: no one in team.yaml is in team `biling` (did you mean `billing`?)"), printed);
            assertTrue(printed.contains("2 problems in team.yaml and rules.yaml") || printed.contains("in rules.yaml and team.yaml"),
                    printed);
        }

        @Test
        void aPersonDefinedInAnEntryWithProblemsIsStillKnownToTheRules() throws IOException {
            // Dana's entry is broken, but she is named in team.yaml: rules naming her are not wrong too.
            edit(BatonConfig.TEAM, "    max_open: 4\n", "    max_open: lots\n");
            edit(BatonConfig.RULES, "      team: billing\n", "      person: dana\n");

            assertEquals(1, run("check-config", dir.toString()));

            assertFalse(out().contains("rules.yaml:"), out());
        }

        @Test
        void givesAProblemWithoutAHintOfItsOwnTheFilesDocumentation() throws IOException {
            edit(BatonConfig.TEAM, "  - id: dana", "  - id: alex");

            assertEquals(1, run("check-config", dir.toString()));

            List<String> lines = out().lines().toList();
            assertTrue(lines.get(0).startsWith(dir.resolve("team.yaml") + ":"), lines.get(0));
            assertTrue(lines.get(0).endsWith(": duplicate id `alex`: already used on line "
                    + lineOf(dir.resolve("team.yaml"), "  - id: alex")), lines.get(0));
            assertEquals("    hint: the comments at the top of team.yaml describe every key, its allowed values and"
                    + " its default", lines.get(1));
            assertEquals("1 problem in team.yaml; Baton would not start with this configuration, and a running Baton"
                    + " keeps its current rules.", lines.get(2));
        }

        @Test
        void countsTheProblemsOfEveryFile() throws IOException {
            edit(BatonConfig.TEAM, "max_open: 4", "max_open: four");
            edit(BatonConfig.DISCORD, "quiet_gap_minutes: 30", "quiet_gap_minutes: soon");
            edit(BatonConfig.RULES, "zone: Europe/London", "zone: London/Europe");

            assertEquals(1, run("check-config", dir.toString()));

            assertTrue(out().contains("\n3 problems in team.yaml, discord.yaml and rules.yaml; "), out());
        }

        @Test
        void refusesAnApiKeyInLlmYamlWithoutPrintingIt() throws IOException {
            Files.writeString(dir.resolve(BatonConfig.LLM), "model: llama3.2\napi_key: sk-live-1234\n");

            assertEquals(1, run("check-config", dir.toString()));

            assertEquals(List.of(dir.resolve("llm.yaml") + ":2:1: `api_key` does not belong in llm.yaml: Baton never"
                    + " reads an API key from a file",
                    "    hint: put the key in the BATON_LLM_API_KEY environment variable; config files get shared and"
                    + " committed",
                    "1 problem in llm.yaml; Baton would not start with this configuration, and a running Baton keeps"
                    + " its current rules."), out().lines().toList());
        }

        @Test
        void halfALanguageModelIsAProblemNamingWhatToSet() {
            assertEquals(1, run(Map.of("BATON_LLM_MODEL", "llama3.2"), "check-config", dir.toString()));

            assertEquals(List.of(dir.resolve("llm.yaml") + ":0:0: a language model is named (llama3.2) but not where to"
                    + " reach it: set BATON_LLM_BASE_URL (or base_url in llm.yaml), e.g. http://localhost:11434/v1",
                    "    hint: the environment (BATON_LLM_BASE_URL, BATON_LLM_MODEL) wins over base_url and model in"
                    + " llm.yaml; together they must name both an endpoint and a model, or neither",
                    "1 problem in llm.yaml or the environment; Baton would not start with this language model"
                    + " configuration."), out().lines().toList());
        }

        @Test
        void aBadBaseUrlInTheEnvironmentIsAProblem() {
            assertEquals(1, run(Map.of("BATON_LLM_BASE_URL", "localhost:11434", "BATON_LLM_MODEL", "llama3.2"),
                    "check-config", dir.toString()));

            assertTrue(out().startsWith(dir.resolve("llm.yaml") + ":0:0: BATON_LLM_BASE_URL must be an absolute http"
                    + " or https URL"), out());
        }

        @Test
        void namesFilesByTheDirectoryAsGivenSoTheyAreRelativeToWhereTheCommandRuns() throws IOException {
            edit(BatonConfig.RULES, "priority: urgent", "priority: asap");
            Path relative = Path.of("").toAbsolutePath().relativize(dir);

            assertEquals(1, run("check-config", relative.toString()));

            assertTrue(out().startsWith(relative.resolve("rules.yaml") + ":"), out());
        }

        @Test
        void saysWhenARequiredFileIsMissing() throws IOException {
            Files.delete(dir.resolve(BatonConfig.KNOWLEDGE));

            assertEquals(1, run("check-config", dir.toString()));

            assertTrue(out().startsWith(dir.resolve("knowledge.yaml") + ":0:0: knowledge base file not found"), out());
            assertTrue(out().contains("    hint: check the directory: BATON_CONFIG_DIR"), out());
        }
    }

    @Nested
    @DisplayName("A wrong command line")
    class Usage {

        @Test
        void aDirectoryThatDoesNotExistExitsWithTwo() {
            Path missing = temp.resolve("nowhere");

            assertEquals(2, run("check-config", missing.toString()));

            assertEquals("baton: check-config: " + missing + " is not a directory (give the configuration directory,"
                    + " e.g. `check-config config`)\n", err());
            assertEquals("", out());
        }

        @Test
        void anUnknownOptionExitsWithTwoAndTheUsage() {
            assertEquals(2, run("check-config", "--strict", dir.toString()));

            assertTrue(err().startsWith("baton: check-config: unknown option --strict\nusage:"), err());
        }

        @Test
        void twoDirectoriesExitWithTwo() {
            assertEquals(2, run("check-config", dir.toString(), dir.toString()));

            assertTrue(err().startsWith("baton: check-config takes one directory, not 2"), err());
        }

        @Test
        void theHelpListsTheCommand() {
            assertEquals(0, run("help"));

            assertTrue(out().contains("  check-config [DIR]"), out());
        }
    }

    @Test
    void startingWithABadConfigurationShowsTheSameProblemsAndHints() throws IOException {
        edit(BatonConfig.RULES, "priority: urgent", "priority: asap");

        int exit = run(Map.of("BATON_CONSOLE_PORT", "off"), "run", "--config", dir.toString(), "--data",
                temp.resolve("data").toString());

        assertEquals(2, exit);
        assertTrue(err().startsWith("baton: the configuration is not valid:\n" + dir.resolve("rules.yaml") + ":"), err());
        assertTrue(err().contains("\n    hint: write one of them, e.g. `priority: urgent`\n"), err());
        assertTrue(err().contains("1 problem in rules.yaml; `check-config` checks the files without starting Baton."),
                err());
    }

    private static int lineOf(Path file, String snippet) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(snippet)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(snippet + " not in " + file);
    }
}
