package dev.baton.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.llm.ModelFile;
import dev.baton.rules.Answering;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatonConfigTest {

    @TempDir
    Path temp;

    @Nested
    @DisplayName("The shipped sample configuration")
    class Shipped {

        private final BatonConfig config = BatonConfig.load(SampleConfig.directory());

        @Test
        void loadsWithoutAProblem() {
            assertEquals(5, config.roster().people().size());
            assertFalse(config.knowledge().entries().isEmpty());
        }

        @Test
        void hasTheRoutesItsCommentsDescribeInOrder() {
            assertEquals(List.of("crisis to an opted-in person now", "grief and anxiety, privately",
                            "billing channel to the billing team", "Lumen Plus subscribers sooner",
                            "out of hours, anyone on shift"),
                    config.rules().routes().stream().map(Route::name).toList());
            assertEquals(new Target.Team("support"), config.rules().fallback().target());
        }

        @Test
        void handsACrisisOnUrgentlyAndEscalatesToTheModeratorsWithinFiveMinutes() {
            Route crisis = config.rules().routes().get(0);
            assertEquals(Priority.URGENT, crisis.priority());
            assertEquals(Boolean.TRUE, crisis.privateThread());
            assertEquals(Duration.ofMinutes(5), config.rules().deadlinesOf(crisis).escalate());
            assertEquals("1180000000000000099", config.rules().deadlinesOf(crisis).escalateRoleId());
        }

        @Test
        void namesNoLanguageModelSoBatonStaysOffline() {
            assertEquals(ModelFile.ABSENT, config.model());
        }

        @Test
        void onlyAnswersInGeneralWhenMentioned() {
            assertEquals(Answering.WHEN_MENTIONED, config.rules().answeringIn("1180000000000000002", null));
            assertEquals(Answering.ALWAYS, config.rules().answeringIn("1180000000000000001", null));
        }
    }

    @Test
    void withoutARulesFileTheBuiltInRulesApply() throws IOException {
        Path dir = SampleConfig.copyTo(temp.resolve("config"));
        Files.delete(dir.resolve(BatonConfig.RULES));

        assertEquals(RuleBook.defaults(), BatonConfig.load(dir).rules());
    }

    @Test
    void withoutAnLlmFileNoModelIsConfigured() throws IOException {
        Path dir = SampleConfig.copyTo(temp.resolve("config"));
        Files.delete(dir.resolve(BatonConfig.LLM));

        assertEquals(ModelFile.ABSENT, BatonConfig.load(dir).model());
    }

    @Test
    void llmYamlIsLoadedLastAndItsProblemsReportedWithTheOthers() throws IOException {
        Path dir = SampleConfig.copyTo(temp.resolve("config"));
        Files.writeString(dir.resolve(BatonConfig.RULES), SampleConfig.text(BatonConfig.RULES)
                .replace("priority: urgent", "priority: asap"));
        Files.writeString(dir.resolve(BatonConfig.LLM), "model: llama3.2\napi_key: sk-live-1234\n");

        ConfigException e = assertThrows(ConfigException.class, () -> BatonConfig.load(dir));

        assertEquals(List.of(dir.resolve("rules.yaml").toString(), dir.resolve("llm.yaml").toString()),
                e.problems().stream().map(Problem::file).toList());
        assertEquals(BatonConfig.LLM, BatonConfig.FILES.get(BatonConfig.FILES.size() - 1));
    }

    @Test
    void problemsInSeveralFilesAreReportedTogether() throws IOException {
        Path dir = SampleConfig.copyTo(temp.resolve("config"));
        Files.writeString(dir.resolve(BatonConfig.TEAM), SampleConfig.text(BatonConfig.TEAM)
                .replace("max_open: 4", "max_open: four"));
        Files.writeString(dir.resolve(BatonConfig.RULES), SampleConfig.text(BatonConfig.RULES)
                .replace("priority: urgent", "priority: asap"));

        ConfigException e = assertThrows(ConfigException.class, () -> BatonConfig.load(dir));

        assertEquals(List.of(dir.resolve("team.yaml").toString(), dir.resolve("rules.yaml").toString()),
                e.problems().stream().map(Problem::file).toList());
    }

    @Nested
    @DisplayName("A draft")
    class Draft {

        private Path dir;

        @BeforeEach
        void copyTheSample() {
            dir = SampleConfig.copyTo(temp.resolve("config"));
        }

        @Test
        void replacesAFileWithoutWritingAnything() throws IOException {
            Path rules = dir.resolve(BatonConfig.RULES);
            FileTime before = Files.getLastModifiedTime(rules);
            String draft = SampleConfig.text(BatonConfig.RULES).replace("default:\n  team: support",
                    "default:\n  team: billing");

            BatonConfig config = BatonConfig.load(dir, Map.of(BatonConfig.RULES, draft));

            assertEquals(new Target.Team("billing"), config.rules().fallback().target());
            assertEquals(SampleConfig.text(BatonConfig.RULES), Files.readString(rules));
            assertEquals(before, Files.getLastModifiedTime(rules));
            assertEquals(new Target.Team("support"), BatonConfig.load(dir).rules().fallback().target());
        }

        @Test
        void namesItsProblemsByTheFileItWouldReplace() {
            String draft = SampleConfig.text(BatonConfig.RULES).replace("priority: urgent", "priority: asap");

            ConfigException e = assertThrows(ConfigException.class,
                    () -> BatonConfig.load(dir, Map.of(BatonConfig.RULES, draft)));

            Problem problem = e.problems().get(0);
            assertEquals(1, e.problems().size(), e::getMessage);
            assertEquals(dir.resolve("rules.yaml").toString(), problem.file());
            assertEquals(lineOf(draft, "priority: asap"), problem.line());
        }

        @Test
        void ofTeamYamlIsWhatTheRulesAreCheckedAgainst() {
            String team = SampleConfig.text(BatonConfig.TEAM).replace("team: billing", "team: payments");

            ConfigException e = assertThrows(ConfigException.class,
                    () -> BatonConfig.load(dir, Map.of(BatonConfig.TEAM, team)));

            assertEquals(List.of("no one in team.yaml is in team `billing`"),
                    messages(e));
        }

        @Test
        void ofBothFilesTogetherCanRenameATeam() {
            String team = SampleConfig.text(BatonConfig.TEAM).replace("team: billing", "team: payments");
            String rules = SampleConfig.text(BatonConfig.RULES).replace("team: billing", "team: payments");

            BatonConfig config = BatonConfig.load(dir, Map.of(BatonConfig.TEAM, team, BatonConfig.RULES, rules));

            assertEquals(new Target.Team("payments"), config.rules().routes().get(2).target());
        }

        @Test
        void ofABrokenTeamYamlStillChecksTheRulesAgainstTheTeamsItNames() {
            // Renaming billing to payments breaks rules.yaml's route to billing: that is said in the same pass
            // as team.yaml's own problem, not only once team.yaml is fixed.
            String team = SampleConfig.text(BatonConfig.TEAM).replace("team: billing", "team: payments")
                    .replace("max_open: 4", "max_open: four");

            ConfigException e = assertThrows(ConfigException.class,
                    () -> BatonConfig.load(dir, Map.of(BatonConfig.TEAM, team)));

            assertEquals(2, e.problems().size(), e::getMessage);
            assertTrue(e.problems().get(0).message().startsWith("`max_open` must be a whole number"), e::getMessage);
            assertTrue(e.problems().get(1).file().endsWith(BatonConfig.RULES), e::getMessage);
            assertEquals("no one in team.yaml is in team `billing`", e.problems().get(1).message(), e::getMessage);
        }

        @Test
        void ofAKnowledgeBaseWithoutATopicTheRulesUseIsRefused() throws IOException {
            Files.writeString(dir.resolve(BatonConfig.RULES), """
                    routes:
                      - name: printing help
                        when: {topic: printing}
                        then: {team: support}
                    default: {}
                    """);
            String knowledge = SampleConfig.text(BatonConfig.KNOWLEDGE).replace("topic: printing", "topic: slicing");

            ConfigException e = assertThrows(ConfigException.class,
                    () -> BatonConfig.load(dir, Map.of(BatonConfig.KNOWLEDGE, knowledge)));

            assertEquals(List.of("no knowledge-base entry has topic `printing`"), messages(e));
        }

        @Test
        void mayAddAnOptionalFileThatIsNotOnDisk() throws IOException {
            Files.delete(dir.resolve(BatonConfig.RULES));

            BatonConfig config = BatonConfig.load(dir, Map.of(BatonConfig.RULES, "default: {person: sam}\n"));

            assertEquals(new Target.Named("sam"), config.rules().fallback().target());
            assertFalse(Files.exists(dir.resolve(BatonConfig.RULES)));
        }

        @Test
        void ofDiscordYamlIsReadLikeTheFile() {
            BatonConfig config = BatonConfig.load(dir, Map.of(BatonConfig.DISCORD, "quiet_gap_minutes: 12\n"));

            assertEquals(Duration.ofMinutes(12), config.discord().quietGap());
        }

        @Test
        void ofLlmYamlIsReadLikeTheFile() {
            BatonConfig config = BatonConfig.load(dir, Map.of(BatonConfig.LLM, "model: llama3.2\ntimeout: 9s\n"));

            assertEquals(Optional.of("llama3.2"), config.model().model());
            assertEquals(Duration.ofSeconds(9), config.model().tuning().timeout());
        }

        @Test
        void ofAFileBatonDoesNotReadIsRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BatonConfig.load(dir, Map.of("rules.yml", "default: {}")));

            assertEquals("`rules.yml` is not a file Baton reads; the files are knowledge.yaml, team.yaml,"
                    + " messages.yaml, discord.yaml, rules.yaml, llm.yaml", e.getMessage());
        }
    }

    private static List<String> messages(ConfigException e) {
        return e.problems().stream().map(Problem::message).map(m -> m.replaceAll(";.*", ""))
                .collect(Collectors.toList());
    }

    private static int lineOf(String text, String snippet) {
        return (int) text.substring(0, text.indexOf(snippet)).lines().count();
    }
}
