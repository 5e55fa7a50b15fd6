package dev.baton.routing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RosterLoaderTest {

    private static final String FILE = "team.yaml";

    /** Two valid people; the error cases below each break one thing in it. */
    private static final String VALID = """
            typical_pickup_minutes: 10
            people:
              - id: alex
                name: Alex
                discord_user_id: "284719365012847361"
                team: billing
                topics: [billing, account]
                hours:
                  zone: Europe/London
                  shifts: ["mon-fri 09:00-17:30", "sat 10:00-14:00"]
                max_open: 5
                sensitive: true
              - id: sam
                name: Sam
                discord_user_id: "517364028893155842"
                hours: {zone: America/New_York, shifts: ["mon-thu 07:00-15:00"]}
                sensitive: true
            """;

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ valid files

    @Test
    void theSampleTeamFileLoads() {
        Roster roster = RosterLoader.load(sampleTeamFile());

        assertEquals(List.of("alex", "dana", "priya", "sam", "mei"), roster.people().stream().map(Person::id).toList());
        assertEquals(Duration.ofMinutes(10), roster.typicalPickup());
        Person alex = roster.byId("alex").orElseThrow();
        assertAll(
                () -> assertEquals("Alex", alex.name()),
                () -> assertEquals("billing", alex.team()),
                () -> assertEquals(Set.of("billing", "account"), alex.topics()),
                () -> assertEquals(ZoneId.of("Europe/London"), alex.hours().zone()),
                () -> assertEquals(2, alex.hours().shifts().size()),
                () -> assertTrue(alex.takesSensitive()),
                () -> assertEquals(alex, roster.byDiscordUserId(alex.discordUserId()).orElseThrow()));
        assertEquals(5, roster.byId("sam").orElseThrow().maxOpenHandoffs(), "max_open defaults to 5");
        assertFalse(roster.byId("dana").orElseThrow().takesSensitive(), "sensitive defaults to false");
        assertEquals(0, roster.byId("priya").orElseThrow().seniority(), "seniority defaults to 0");
        assertEquals("sam", roster.people().stream().filter(Person::takesSensitive)
                .max(java.util.Comparator.comparingInt(Person::seniority)).orElseThrow().id(),
                "the sample's most senior opted-in person");
        assertTrue(roster.people().stream().filter(Person::takesSensitive).count() >= 2);
        assertTrue(roster.byId("mei").orElseThrow().hours().shifts().stream().anyMatch(Shift::overnight));
    }

    @Test
    void theSampleTeamFileCoversEveryKnowledgeBaseTopic() {
        Set<String> covered = RosterLoader.load(sampleTeamFile()).people().stream()
                .flatMap(person -> person.topics().stream()).collect(Collectors.toSet());

        assertTrue(covered.containsAll(Set.of("install", "billing", "account", "community", "moderation", "printing")),
                covered.toString());
    }

    @Test
    void optionalKeysTakeTheirDefaults() {
        Roster roster = parse("""
                people:
                  - id: mei
                    name: Mei
                    discord_user_id: 633108455127094273
                    hours: {zone: Australia/Sydney, shifts: ["sat 21:00-02:00"]}
                    sensitive: true
                """);

        Person mei = roster.people().get(0);
        assertAll(
                () -> assertEquals(Duration.ofMinutes(10), roster.typicalPickup()),
                () -> assertEquals("633108455127094273", mei.discordUserId(), "an unquoted snowflake keeps its digits"),
                () -> assertNull(mei.team()),
                () -> assertEquals(Set.of(), mei.topics()),
                () -> assertEquals(5, mei.maxOpenHandoffs()),
                () -> assertEquals(0, mei.seniority()));
    }

    @Test
    void topicsAreLowercasedAndTrimmed() {
        Roster roster = parse(VALID.replace("topics: [billing, account]", "topics: [\" Billing \", ACCOUNT]"));

        assertEquals(Set.of("billing", "account"), roster.byId("alex").orElseThrow().topics());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            mon-fri 09:00-17:30      | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY | 09:00 | 17:30
            MON - Fri 9:00 - 17:30   | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY | 09:00 | 17:30
            mon,wed,fri 18:00-22:00  | MONDAY,WEDNESDAY,FRIDAY                  | 18:00 | 22:00
            mon-wed, fri 09:00-17:00 | MONDAY,TUESDAY,WEDNESDAY,FRIDAY          | 09:00 | 17:00
            fri-mon 10:00-12:00      | FRIDAY,SATURDAY,SUNDAY,MONDAY            | 10:00 | 12:00
            sat 21:00-02:00          | SATURDAY                                 | 21:00 | 02:00
            sun 16:00-00:00          | SUNDAY                                   | 16:00 | 00:00
            """)
    void shiftsAreWrittenAsDaysThenTimes(String written, String days, LocalTime from, LocalTime to) {
        Set<DayOfWeek> expected = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split(",")) {
            expected.add(DayOfWeek.valueOf(day));
        }

        assertEquals(new Shift(expected, from, to), ShiftSyntax.parse(written));
    }

    // ------------------------------------------------------------------ one mistake at a time

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("an unknown top-level key", "typical_pickup_minutes: 10", "typical_pickup: 10",
                        1, 1, "unknown key `typical_pickup` (did you mean `typical_pickup_minutes`?)"),
                mistake("an unknown person key", "    sensitive: true\n  - id: sam", "    sensitve: true\n  - id: sam",
                        12, 5, "unknown key `sensitve` (did you mean `sensitive`?); allowed keys: id, name,"),
                mistake("an unknown hours key", "      zone: Europe/London", "      zones: Europe/London",
                        9, 7, "unknown key `zones` (did you mean `zone`?)"),
                mistake("a missing id", "  - id: alex\n    name: Alex", "  - name: Alex",
                        3, 5, "person is missing `id:`"),
                mistake("a missing name", "    name: Alex\n", "",
                        3, 5, "person `alex` is missing `name:` (the name customers see"),
                mistake("a missing Discord user ID", "    discord_user_id: \"284719365012847361\"\n", "",
                        3, 5, "person `alex` is missing `discord_user_id:`"),
                mistake("missing hours", "    hours:\n      zone: Europe/London\n"
                                + "      shifts: [\"mon-fri 09:00-17:30\", \"sat 10:00-14:00\"]\n", "",
                        3, 5, "person `alex` is missing `hours:`"),
                mistake("an id that is not a slug", "id: alex", "id: Alex K",
                        3, 9, "id `Alex K` is not valid: use lowercase letters"),
                mistake("a duplicate id", "  - id: sam", "  - id: alex",
                        13, 9, "duplicate id `alex`: already used on line 3"),
                mistake("a duplicate Discord user ID", "517364028893155842", "284719365012847361",
                        15, 22, "duplicate discord_user_id 284719365012847361: already used by `alex` on line 5"),
                mistake("a short Discord user ID", "\"284719365012847361\"", "12345",
                        5, 22, "`discord_user_id` must be a Discord user ID of 17 to 20 digits"),
                mistake("a mention instead of an ID", "\"284719365012847361\"", "\"<@284719365012847361>\"",
                        5, 22, "Copy User ID"),
                mistake("a misspelt zone", "Europe/London", "Europe/Londn",
                        9, 13, "unknown time zone `Europe/Londn` (did you mean `Europe/London`?)"),
                mistake("a city instead of a zone", "Europe/London", "new york",
                        9, 13, "unknown time zone `new york` (did you mean `America/New_York`?)"),
                mistake("an abbreviation instead of a zone", "Europe/London", "PST",
                        9, 13, "unknown time zone `PST` (an abbreviation is not a place); use a tz database name"),
                mistake("a shift in another form", "\"mon-fri 09:00-17:30\"", "\"mon-fri 9-5\"",
                        10, 16, "shift `mon-fri 9-5` is not in the expected form: write a shift as days then"
                                + " 24-hour times, e.g. `mon-fri 09:00-17:30`"),
                mistake("a misspelt day", "\"sat 10:00-14:00\"", "\"tues 10:00-14:00\"",
                        10, 39, "unknown day `tues` (did you mean `tue`?); days are mon, tue, wed"),
                mistake("a full day name", "\"sat 10:00-14:00\"", "\"saturday 10:00-14:00\"",
                        10, 39, "unknown day `saturday` (did you mean `sat`?)"),
                mistake("a time that does not exist", "17:30", "25:00",
                        10, 16, "`25:00` is not a time of day; use 24-hour HH:MM"),
                mistake("a shift starting and ending together", "17:30", "09:00",
                        10, 16, "starts and ends at the same time; a shift past midnight ends earlier"),
                mistake("no shifts", "[\"mon-fri 09:00-17:30\", \"sat 10:00-14:00\"]", "[]",
                        10, 15, "`shifts` is empty"),
                mistake("a single shift not in a list", "[\"mon-fri 09:00-17:30\", \"sat 10:00-14:00\"]",
                        "mon-fri 09:00-17:30", 10, 15, "`shifts` must be a list such as"),
                mistake("max_open below 1", "max_open: 5", "max_open: 0",
                        11, 15, "`max_open` must be a whole number of at least 1, but found a single value (\"0\")"),
                mistake("max_open not a number", "max_open: 5", "max_open: five",
                        11, 15, "`max_open` must be a whole number of at least 1"),
                mistake("a negative seniority", "max_open: 5", "seniority: -1",
                        11, 16, "`seniority` must be a whole number of at least 0, but found a single value (\"-1\")"),
                mistake("a seniority in words", "max_open: 5", "seniority: senior",
                        11, 16, "`seniority` must be a whole number of at least 0"),
                mistake("a misspelt seniority", "max_open: 5", "senority: 2",
                        11, 5, "unknown key `senority` (did you mean `seniority`?)"),
                mistake("sensitive not a yes or no", "sensitive: true\n  - id: sam", "sensitive: maybe\n  - id: sam",
                        12, 16, "`sensitive` must be true or false"),
                mistake("topics not a list", "[billing, account]", "billing",
                        7, 13, "`topics` must be a list such as [billing, account]"),
                mistake("typical_pickup_minutes below 1", "typical_pickup_minutes: 10", "typical_pickup_minutes: 0",
                        1, 25, "`typical_pickup_minutes` must be a whole number of at least 1"),
                mistake("nobody with sensitive: true", "sensitive: true", "sensitive: false",
                        2, 1, "crisis and grief handoffs need at least one person with `sensitive: true`"));
    }

    private static Arguments mistake(String name, String replace, String with, int line, int column, String message) {
        if (!VALID.contains(replace)) {
            throw new IllegalArgumentException("test data: `" + replace + "` is not in the valid file");
        }
        // `sensitive: false` must break both people; everything else breaks the first occurrence.
        String yaml = replace.equals("sensitive: true") ? VALID.replace(replace, with) : VALID.replaceFirst(
                java.util.regex.Pattern.quote(replace), java.util.regex.Matcher.quoteReplacement(with));
        return Arguments.of(name, yaml, line, column, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedAtItsLineWithAHelpfulMessage(String name, String yaml, int line, int column,
                                                          String message) {
        List<Problem> problems = problemsIn(yaml);

        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.column() == column
                        && p.message().contains(message)),
                () -> "expected " + line + ":" + column + " containing \"" + message + "\" but got:\n" + lines(problems));
    }

    @Test
    void anEmptyPeopleListIsAnError() {
        Problem problem = single(problemsIn("""
                typical_pickup_minutes: 10
                people: []
                """));

        assertEquals(2, problem.line());
        assertEquals("`people` is empty; add at least one person", problem.message());
    }

    @Test
    void aMissingPeopleListIsAnError() {
        Problem problem = single(problemsIn("typical_pickup_minutes: 10\n"));

        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("missing top-level `people:` list"), problem.message());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertTrue(single(problemsIn("# no one yet\n")).message().contains("the file is empty"));
    }

    @Test
    void aBrokenPersonWhoIsSensitiveDoesNotAlsoCountAsNobodySensitive() {
        String yaml = VALID.replace("sensitive: true\n  - id: sam", "sensitive: false\n  - id: sam")
                .replace("zone: America/New_York", "zone: Mars/Olympus");

        Problem problem = single(problemsIn(yaml));

        assertTrue(problem.message().startsWith("unknown time zone `Mars/Olympus`; use"), problem.message());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = dir.resolve("team.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> RosterLoader.load(missing));

        assertTrue(single(e.problems()).message().contains("team file not found"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    // ------------------------------------------------------------------ many mistakes at once

    @Test
    void everyMistakeInTheFileIsReportedAtOnceInFileOrder() throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, """
                typical_pickup_minutes: 0
                people:
                  - id: alex
                    name: Alex
                    discord_user_id: "28471936501284736"
                    hours:
                      zone: Europe/Londn
                      shifts: ["mon-fri 09:00-17:30", "tues 10:00-14:00"]
                    max_opn: 3
                  - id: alex
                    discord_user_id: "28471936501284736"
                    hours: {zone: UTC, shifts: ["mon-fri 09:00-09:00"]}
                    max_open: 0
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> RosterLoader.load(file));

        assertEquals(List.of(
                        "1:25 `typical_pickup_minutes` must be a whole number of at least 1",
                        "2:1 crisis and grief handoffs need at least one person with `sensitive: true`",
                        "7:13 unknown time zone `Europe/Londn` (did you mean `Europe/London`?)",
                        "8:39 shift `tues 10:00-14:00`: unknown day `tues` (did you mean `tue`?)",
                        "9:5 unknown key `max_opn` (did you mean `max_open`?)",
                        "10:5 person `alex` is missing `name:`",
                        "10:9 duplicate id `alex`: already used on line 3",
                        "11:22 duplicate discord_user_id 28471936501284736: already used by `alex` on line 5",
                        "12:33 shift `mon-fri 09:00-09:00` starts and ends at the same time",
                        "13:15 `max_open` must be a whole number of at least 1"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + shorten(p.message())).toList());
        assertTrue(e.getMessage().startsWith(file + ":1:25: `typical_pickup_minutes`"), e.getMessage());
        assertEquals(10, e.getMessage().lines().count(), "one line per problem");
    }

    /** Cut each message at the first clause that the expected list above spells out. */
    private static String shorten(String message) {
        for (String end : List.of(", but found", "; use a tz", "; days are", "; allowed keys", " (the name",
                "; a shift past")) {
            int at = message.indexOf(end);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        return message;
    }

    // ------------------------------------------------------------------ helpers

    private static Roster parse(String yaml) {
        return RosterLoader.parse(FILE, new StringReader(yaml));
    }

    private static List<Problem> problemsIn(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        e.problems().forEach(p -> assertEquals(FILE, p.file()));
        return e.problems();
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got:\n" + lines(problems));
        return problems.get(0);
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /** config/team.yaml of the repository, found from wherever the tests run (Maven runs them in bot/). */
    private static Path sampleTeamFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config/team.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/team.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
