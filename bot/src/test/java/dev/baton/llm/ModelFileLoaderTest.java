package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.config.SampleConfig;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFileLoaderTest {

    private static final String ORIGIN = "config/llm.yaml";
    private static final String KEYS = "base_url, model, timeout, retries, use, band, breaker, json_schema, concurrent";
    private static final String USES = "summary, second_opinion, phrasing";

    @TempDir
    Path dir;

    private static ModelFile parse(String yaml) {
        return ModelFileLoader.parse(ORIGIN, new StringReader(yaml));
    }

    private static List<Problem> problemsIn(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml), "expected problems in:\n" + yaml).problems();
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(p -> p + "\n    hint: " + p.hint()).collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------------ what loads

    @Test
    void everySettingIsRead() {
        ModelFile file = parse("""
                base_url: https://api.example.com/v1
                model: gpt-4o-mini
                timeout: 10s
                retries: 0
                use: [phrasing, summary]
                band: 0.25
                breaker: {failures: 5, open_for: 2m}
                json_schema: false
                concurrent: 8
                """);

        assertEquals(new ModelFile(Optional.of(URI.create("https://api.example.com/v1")), Optional.of("gpt-4o-mini"),
                new ModelTuning(Duration.ofSeconds(10), 0, EnumSet.of(Use.PHRASING, Use.SUMMARY), 0.25, 5,
                        Duration.ofMinutes(2), false, 8)), file);
    }

    @Test
    void anEmptyFileIsAbsent() {
        assertEquals(ModelFile.ABSENT, parse(""));
    }

    @Test
    void aFileOfCommentsOnlyIsAbsent() {
        assertEquals(ModelFile.ABSENT, parse("# base_url: http://localhost:11434/v1\n\n# model: llama3.2\n"));
    }

    @Test
    void theShippedFileNamesNoModelSoBatonStaysOffline() {
        assertEquals(ModelFile.ABSENT, ModelFileLoader.load(SampleConfig.directory().resolve("llm.yaml")));
    }

    @Test
    void theShippedFileWithEveryKeyUncommentedGivesTheDefaultsItDocuments() {
        String shipped = SampleConfig.text("llm.yaml");
        String uncommented = shipped.lines()
                .map(line -> ModelFileLoader.KEYS.stream().anyMatch(key -> line.startsWith("# " + key + ": "))
                        ? line.substring(2) : line)
                .collect(Collectors.joining("\n"));

        ModelFile file = parse(uncommented);

        assertEquals(ModelFileLoader.KEYS.size(), shipped.lines().filter(line -> ModelFileLoader.KEYS.stream()
                .anyMatch(key -> line.startsWith("# " + key + ": "))).count(), "every key is in the shipped file once");
        assertEquals(new ModelFile(Optional.of(URI.create("http://localhost:11434/v1")), Optional.of("llama3.2"),
                ModelTuning.DEFAULTS), file);
    }

    @Test
    void keysLeftOutKeepTheirDefaultsEvenInsideTheBreaker() {
        ModelFile file = parse("model: llama3.2\nbreaker: {failures: 5}\n");

        assertAll(
                () -> assertEquals(Optional.empty(), file.baseUrl()),
                () -> assertEquals(Optional.of("llama3.2"), file.model()),
                () -> assertEquals(5, file.tuning().breakerFailures()),
                () -> assertEquals(ModelTuning.DEFAULTS.breakerOpenFor(), file.tuning().breakerOpenFor()),
                () -> assertEquals(ModelTuning.DEFAULTS.withBreaker(5, Duration.ofSeconds(60)), file.tuning()));
    }

    @Test
    void anEmptyUseListConfiguresTheModelButUsesItForNothing() {
        ModelFile file = parse("base_url: http://localhost:11434/v1\nmodel: llama3.2\nuse: []\n");

        assertEquals(Set.of(), file.tuning().uses());
        assertFalse(file.tuning().uses(Use.SUMMARY));
    }

    @Test
    void anEmptyBaseUrlOrModelIsNotGiven() {
        assertEquals(ModelFile.ABSENT, parse("base_url: \"\"\nmodel:\n"));
    }

    @Test
    void theEdgesOfEachRangeAreAllowed() {
        ModelTuning tuning = parse("timeout: 30s\nretries: 0\nband: 0\nbreaker: {failures: 100, open_for: 1h}\n"
                + "concurrent: 64\n").tuning();

        assertEquals(new ModelTuning(Duration.ofSeconds(30), 0, EnumSet.allOf(Use.class), 0, 100, Duration.ofHours(1),
                true, 64), tuning);
        assertEquals(Duration.ofSeconds(1), parse("timeout: 1s\n").tuning().timeout());
        assertEquals(0.5, parse("band: 0.5\n").tuning().band());
    }

    @Test
    void aFileOnDiskLoadsAsTheSameText() throws IOException {
        Path file = Files.writeString(dir.resolve("llm.yaml"), "model: llama3.2\ntimeout: 8s\n");

        assertEquals(parse("model: llama3.2\ntimeout: 8s\n"), ModelFileLoader.load(file));
    }

    // ------------------------------------------------------------------ mistakes

    /** One mistake: where it is reported, and exactly what it says. */
    record Mistake(String name, String yaml, int line, int column, String message, String hint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                new Mistake("a misspelt key is unknown and its nearest key suggested", "model: llama3.2\ntimout: 4s",
                        2, 1, "unknown key `timout` (did you mean `timeout`?); allowed keys: " + KEYS,
                        "rename it to `timeout`"),
                new Mistake("a key Baton does not have is unknown", "temperature: 0.2", 1, 1,
                        "unknown key `temperature`; allowed keys: " + KEYS,
                        "remove it, or fix its spelling; a key Baton does not know would otherwise do nothing"),
                new Mistake("a key given twice is refused", "model: llama3.2\nmodel: mistral", 2, 1,
                        "duplicate key `model`: already given on line 1",
                        "delete one of the two; Baton does not guess which one you meant"),
                new Mistake("an api_key is refused without repeating it", "model: llama3.2\napi_key: sk-live-1234",
                        2, 1,
                        "`api_key` does not belong in llm.yaml: Baton never reads an API key from a file",
                        "put the key in the BATON_LLM_API_KEY environment variable; config files get shared and"
                        + " committed"),
                new Mistake("a base_url that is not a URL", "base_url: localhost:11434/v1", 1, 11,
                        "`base_url` must be an absolute http or https URL such as http://localhost:11434/v1, but found"
                        + " \"localhost:11434/v1\"", "the address of an OpenAI-compatible API, up to and including its"
                        + " /v1, starting with http:// or https://"),
                new Mistake("a base_url that is not http", "base_url: ftp://models.example/v1", 1, 11,
                        "`base_url` must be an absolute http or https URL such as http://localhost:11434/v1, but found"
                        + " \"ftp://models.example/v1\"", "the address of an OpenAI-compatible API, up to and"
                        + " including its /v1, starting with http:// or https://"),
                new Mistake("a base_url with a password in it", "base_url: https://me:sk-live-1234@api.example/v1", 1,
                        11, "`base_url` has a user name or password in it (before the `@`); Baton never reads a secret"
                        + " from a file", ModelFileLoader.SECRET_HINT),
                new Mistake("a base_url that is a list", "base_url: [http://localhost:11434/v1]", 1, 11,
                        "`base_url` must be text, but found a list",
                        "write it on the same line as `base_url:`; put it in quotes if it contains `: ` or `#`"),
                new Mistake("a model that is a mapping", "model: {name: llama3.2}", 1, 8,
                        "`model` must be text, but found a mapping of keys to values",
                        "write it on the same line as `model:`; put it in quotes if it contains `: ` or `#`"),
                new Mistake("a timeout over 30 seconds", "timeout: 45s", 1, 10,
                        "`timeout` must be from 1s to 30s, but found `45s`",
                        "how long Baton waits for one answer before it decides without the model; default 4s"),
                new Mistake("a timeout of nothing", "timeout: 0s", 1, 10,
                        "`timeout` must be from 1s to 30s, but found `0s`",
                        "how long Baton waits for one answer before it decides without the model; default 4s"),
                new Mistake("a timeout of weeks", "timeout: 45d", 1, 10,
                        "`timeout` must be from 1s to 30s, but found `45d`",
                        "how long Baton waits for one answer before it decides without the model; default 4s"),
                new Mistake("a timeout without a unit", "timeout: 4", 1, 10,
                        "`timeout`: `4` has no unit: write `4m` for minutes or `4s` for seconds",
                        "e.g. `timeout: 4s`; write a duration as a number and a unit: `90s`, `10m`, `2h` or `1h30m`"
                        + " (d = days, h = hours, m = minutes, s = seconds)"),
                new Mistake("a timeout in milliseconds", "timeout: 500ms", 1, 10,
                        "`timeout`: `500ms` is not a duration: write a duration as a number and a unit: `90s`, `10m`,"
                        + " `2h` or `1h30m` (d = days, h = hours, m = minutes, s = seconds)",
                        "e.g. `timeout: 4s`; write a duration as a number and a unit: `90s`, `10m`, `2h` or `1h30m`"
                        + " (d = days, h = hours, m = minutes, s = seconds)"),
                new Mistake("a timeout with nothing after it", "timeout:\nretries: 1", 1, 9,
                        "`timeout` must be given a value, but found nothing",
                        "write e.g. `timeout: 4s` on one line, or remove the key for the default (4s)"),
                new Mistake("two retries", "retries: 2", 1, 10, "`retries` must be 0 or 1, but found `2`",
                        "`retries: 1` tries once more after a rate limit, a server error or a refused connection; `0`"
                        + " never; default 1"),
                new Mistake("retries in words", "retries: once", 1, 10, "`retries` must be 0 or 1, but found `once`",
                        "`retries: 1` tries once more after a rate limit, a server error or a refused connection; `0`"
                        + " never; default 1"),
                new Mistake("a misspelt use", "use: [summary, sumary]", 1, 16,
                        "unknown use `sumary` (did you mean `summary`?); the uses are " + USES, "write `summary`"),
                new Mistake("a use Baton does not have", "use:\n  - summary\n  - translation", 3, 5,
                        "unknown use `translation`; the uses are " + USES,
                        "list any of them, or write `use: []` to use the model for nothing"),
                new Mistake("a use listed twice", "use: [phrasing, phrasing]", 1, 17,
                        "`phrasing` is listed twice in `use`", "list each use once"),
                new Mistake("a single use without brackets", "use: summary", 1, 6,
                        "`use` must be a list of uses (" + USES + "), but found a single value (\"summary\")",
                        "write the uses in brackets, even just one: `use: [summary]`"),
                new Mistake("use with nothing after it", "use:", 1, 5,
                        "`use` must be a list of uses (" + USES + "), but found nothing",
                        "write `use: []` to use the model for nothing, or remove the key to use it for everything"),
                new Mistake("a use that is not a name", "use: [summary, {phrasing: true}]", 1, 16,
                        "each item of `use` must be one use (" + USES + "), but found a mapping of keys to values",
                        "e.g. `use: [summary, phrasing]`"),
                new Mistake("a band over 0.5", "band: 0.7", 1, 7, "`band` must be a number from 0 to 0.5, but found"
                        + " `0.7`", "how close to its threshold a score may be for Baton to ask the model, e.g."
                        + " `band: 0.1` (a dot, not a comma); 0 asks only exactly at the threshold; default 0.1"),
                new Mistake("a band with a decimal comma", "band: 0,1", 1, 7, "`band` must be a number from 0 to 0.5,"
                        + " but found `0,1`", "how close to its threshold a score may be for Baton to ask the model,"
                        + " e.g. `band: 0.1` (a dot, not a comma); 0 asks only exactly at the threshold; default 0.1"),
                new Mistake("a band that is not a number", "band: .nan", 1, 7, "`band` must be a number from 0 to 0.5,"
                        + " but found `.nan`", "how close to its threshold a score may be for Baton to ask the model,"
                        + " e.g. `band: 0.1` (a dot, not a comma); 0 asks only exactly at the threshold; default 0.1"),
                new Mistake("a breaker that is a number", "breaker: 3", 1, 10,
                        "`breaker` must be a mapping of `failures` and `open_for`, but found a single value (\"3\")",
                        "e.g. `breaker: {failures: 3, open_for: 60s}`; leave out either for its default"),
                new Mistake("a misspelt breaker key", "breaker: {fails: 3}", 1, 11,
                        "unknown key `fails` (did you mean `failures`?); allowed keys: failures, open_for",
                        "rename it to `failures`"),
                new Mistake("a breaker that never trips", "breaker: {failures: 0}", 1, 21,
                        "`failures` must be a whole number from 1 to 100, but found `0`",
                        "failed requests in a row after which Baton stops asking the model for `open_for`; default 3"),
                new Mistake("a breaker open for hours", "breaker:\n  failures: 3\n  open_for: 2h", 3, 13,
                        "`open_for` must be from 1s to 1h, but found `2h`", "how long Baton leaves the model alone"
                        + " after `failures` failed requests in a row; default 1m"),
                new Mistake("json_schema neither true nor false", "json_schema: maybe", 1, 14,
                        "`json_schema` must be true or false, but found a single value (\"maybe\")",
                        "write `json_schema: true` or `json_schema: false`"),
                new Mistake("no requests at once", "concurrent: 0", 1, 13,
                        "`concurrent` must be a whole number from 1 to 64, but found `0`",
                        "requests in flight at once; beyond that Baton decides without the model; default 4"),
                new Mistake("a file that is a list", "- model: llama3.2", 1, 1,
                        "the file must be a mapping of settings (" + KEYS + "), but found a list",
                        "write one setting per line, such as `model: llama3.2`; the comments in the shipped llm.yaml"
                        + " describe each"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedAtItsLineAndColumnWithAHint(Mistake mistake) {
        List<Problem> problems = problemsIn(mistake.yaml());

        assertEquals(List.of(new Problem(ORIGIN, mistake.line(), mistake.column(), mistake.message(), mistake.hint())),
                problems, () -> lines(problems));
    }

    @ParameterizedTest(name = "`{0}` is refused as a secret")
    @ValueSource(strings = {"api_key", "apikey", "key", "token", "API-Key", "openai_api_key", "access_token"})
    void everyNameForAnApiKeyIsRefusedAndTheKeyIsNeverRepeated(String name) {
        List<Problem> problems = problemsIn("model: llama3.2\n" + name + ": sk-live-1234\n");

        assertEquals(List.of(new Problem(ORIGIN, 2, 1, "`" + name + "` does not belong in llm.yaml: Baton never reads"
                + " an API key from a file", "put the key in the BATON_LLM_API_KEY environment variable; config files"
                + " get shared and committed")), problems, () -> lines(problems));
    }

    @Test
    void aPasswordInTheBaseUrlIsNeverRepeatedEvenWhenTheUrlIsBad() {
        List<Problem> problems = problemsIn("base_url: htp://me:sk-live-1234@api.example/v1\n");

        assertFalse(lines(problems).contains("sk-live-1234"), () -> lines(problems));
        assertEquals("`base_url` must be an absolute http or https URL such as http://localhost:11434/v1, but found"
                + " \"htp://****@api.example/v1\"", problems.get(0).message());
    }

    @Test
    void everyMistakeInTheFileIsReportedAtOnceInFileOrder() {
        List<Problem> problems = problemsIn("""
                concurrent: 0
                api_key: sk-live-1234
                use: [summary, opinion]
                breaker: {failures: 3, open_for: 0s}
                timeout: 1m
                """);

        assertEquals(List.of("1:13", "2:1", "3:16", "4:34", "5:10"),
                problems.stream().map(p -> p.line() + ":" + p.column()).toList(), () -> lines(problems));
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = dir.resolve("llm.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ModelFileLoader.load(missing));

        assertEquals("language model file not found: " + missing.toAbsolutePath(), e.problems().get(0).message());
    }
}
