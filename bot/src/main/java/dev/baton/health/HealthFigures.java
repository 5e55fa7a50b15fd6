package dev.baton.health;

import dev.baton.console.api.RulesHealth;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.triage.CueKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The rules health numbers from facts already read: pure, so every count, share and percentile can be
 * checked without a database.
 *
 * <p>Every rule of the live file, every cue and everyone on the roster (and their teams) gets a row even
 * with nothing to count, so a manager sees a rule that never fires or a person nobody reaches. Names the
 * live configuration no longer has (a renamed rule, someone who left) keep their rows after those, by name,
 * so no handoff drops out of the totals.
 */
final class HealthFigures {

    static final String NO_TEAM = "no team";
    static final String PERSON = "person";
    static final String TEAM = "team";

    private HealthFigures() {
    }

    static RulesHealth of(Instant from, Instant to, List<String> ruleNames, Roster roster,
                          List<HandoffFacts> handoffs, AnswerFacts answers) {
        Groups rules = new Groups(ruleNames);
        Groups cues = new Groups(Arrays.stream(CueKind.values()).map(CueKind::wireName).toList());
        Groups people = new Groups(roster.people().stream().map(Person::name).toList());
        Groups teams = new Groups(roster.people().stream().map(HealthFigures::team).toList());
        Map<LocalDate, Integer> handoffsPerDay = new HashMap<>();
        for (HandoffFacts handoff : handoffs) {
            rules.get(handoff.rule()).add(handoff);
            cues.get(handoff.reason()).add(handoff);
            Who who = who(handoff, roster);
            people.get(who.name()).add(handoff);
            teams.get(who.team()).add(handoff);
            handoffsPerDay.merge(day(handoff.createdAt()), 1, Integer::sum);
        }
        List<RulesHealth.Pickup> pickup = new ArrayList<>();
        people.each((name, tally) -> pickup.add(tally.pickup(PERSON, name)));
        teams.each((name, tally) -> pickup.add(tally.pickup(TEAM, name)));
        List<RulesHealth.Row> byRule = new ArrayList<>();
        rules.each((name, tally) -> byRule.add(tally.row(name)));
        List<RulesHealth.Row> byCue = new ArrayList<>();
        cues.each((name, tally) -> byCue.add(tally.row(name)));
        RulesHealth.Answers answered = new RulesHealth.Answers(answers.decisions(), answers.answered(),
                Tally.ratio(answers.answered(), answers.decisions()), answers.sooner());
        return new RulesHealth(from, to, byRule, byCue, pickup, answered,
                daily(from, to, handoffsPerDay, answers.answersPerDay()));
    }

    /** Every UTC day the period touches, days with nothing included, so a chart's gaps are real zeros. */
    static List<RulesHealth.Day> daily(Instant from, Instant to, Map<LocalDate, Integer> handoffs,
                                       Map<LocalDate, Integer> answers) {
        List<RulesHealth.Day> days = new ArrayList<>();
        LocalDate last = day(to.minusMillis(1));
        for (LocalDate d = day(from); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(new RulesHealth.Day(d, handoffs.getOrDefault(d, 0), answers.getOrDefault(d, 0)));
        }
        return days;
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Who a handoff counts for: the person who picked it up, else whoever it is with. */
    private record Who(String name, String team) {
    }

    private static Who who(HandoffFacts handoff, Roster roster) {
        if (handoff.pickedUpBy() != null) {
            Optional<Person> picker = roster.byId(handoff.pickedUpBy())
                    .or(() -> roster.byDiscordUserId(handoff.pickedUpBy()));
            return picker.map(p -> new Who(p.name(), team(p))).orElseGet(() -> new Who(
                    handoff.pickedUpByName() != null ? handoff.pickedUpByName() : handoff.pickedUpBy(), NO_TEAM));
        }
        return roster.byId(handoff.assigneeId()).map(p -> new Who(p.name(), team(p)))
                .orElseGet(() -> new Who(handoff.assigneeId(), NO_TEAM));
    }

    private static String team(Person person) {
        return person.team() == null ? NO_TEAM : person.team();
    }

    /** Tallies by name: the expected names first, in their order; any others after, by name. */
    private static final class Groups {
        private final Map<String, Tally> expected = new LinkedHashMap<>();
        private final Map<String, Tally> others = new TreeMap<>();

        Groups(List<String> names) {
            names.forEach(name -> expected.putIfAbsent(name, new Tally()));
        }

        Tally get(String name) {
            Tally tally = expected.get(name);
            return tally != null ? tally : others.computeIfAbsent(name, n -> new Tally());
        }

        void each(BiConsumer<String, Tally> action) {
            expected.forEach(action);
            others.forEach(action);
        }
    }
}
