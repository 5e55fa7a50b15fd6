package dev.baton.health;

import dev.baton.console.api.CareFigures;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The care figures from facts already read: pure, so every count, share and percentile can be checked
 * without a database.
 *
 * <p>Everyone on the roster, every rule of the live file and every ISO week the period touches get a row
 * even with nothing to count; names the live configuration no longer has keep their rows after those, by
 * name, so no handoff drops out. A group is named {@code all}, {@code person:<roster id>},
 * {@code rule:<name>}, {@code week:<2026-W49>} or {@code reason:<cue>}: the same names pick the handoffs
 * behind a number ({@link #behind}).
 */
final class CareTable {

    static final String ALL = "all";
    private static final String PERSON = "person:";
    private static final String RULE = "rule:";
    private static final String WEEK = "week:";
    private static final String REASON = "reason:";

    private CareTable() {
    }

    static CareFigures of(Instant from, Instant to, List<String> ruleNames, Roster roster, List<CareFacts> handoffs,
                          Map<LocalDate, DayDecisions> decisionsPerDay) {
        CareTally total = new CareTally();
        Map<String, CareTally> people = expected(roster.people().stream().map(Person::id).toList());
        Map<String, CareTally> rules = expected(ruleNames);
        Map<String, CareTally> weeks = expected(weeks(from, to));
        int[] expected = {people.size(), rules.size(), weeks.size()};
        Map<String, Integer> reasons = new TreeMap<>();
        for (CareFacts handoff : handoffs) {
            total.add(handoff);
            people.computeIfAbsent(handoff.person(), p -> new CareTally()).add(handoff);
            rules.computeIfAbsent(handoff.rule(), r -> new CareTally()).add(handoff);
            weeks.computeIfAbsent(week(day(handoff.createdAt())), w -> new CareTally()).add(handoff);
            reasons.merge(handoff.reason(), 1, Integer::sum);
        }
        Map<String, DayDecisions> decisionsPerWeek = new TreeMap<>();
        decisionsPerDay.forEach((day, d) -> decisionsPerWeek.merge(week(day), d, DayDecisions::plus));
        DayDecisions all = decisionsPerWeek.values().stream().reduce(DayDecisions.NONE, DayDecisions::plus);

        List<CareFigures.Row> byPerson = rows(people, expected[0], PERSON, id -> name(roster, id), null);
        List<CareFigures.Row> byRule = rows(rules, expected[1], RULE, Function.identity(), null);
        List<CareFigures.Row> byWeek = rows(weeks, expected[2], WEEK, Function.identity(),
                w -> decisionsPerWeek.getOrDefault(w, DayDecisions.NONE));
        List<CareFigures.Reason> byReason = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new CareFigures.Reason(e.getKey(), e.getValue(), CareTally.ratio(e.getValue(), all.decisions())))
                .toList();
        return new CareFigures(from, to, total.row(ALL, "All handoffs", all), byPerson, byRule, byWeek, byReason);
    }

    /**
     * The handoffs one number counts, oldest first.
     *
     * @return empty when the group or figure is not one {@link #of} names
     */
    static Optional<List<CareFacts>> behind(List<CareFacts> handoffs, String group, String figure) {
        Optional<CareFigure> counted = CareFigure.fromWire(figure);
        Optional<Function<CareFacts, Boolean>> member = member(group);
        if (counted.isEmpty() || member.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(handoffs.stream().filter(h -> member.get().apply(h) && counted.get().counts(h))
                .sorted(Comparator.comparing(CareFacts::createdAt).thenComparing(CareFacts::id)).toList());
    }

    private static Optional<Function<CareFacts, Boolean>> member(String group) {
        if (ALL.equals(group)) {
            return Optional.of(h -> true);
        }
        if (group.startsWith(PERSON)) {
            String id = group.substring(PERSON.length());
            return Optional.of(h -> h.person().equals(id));
        }
        if (group.startsWith(RULE)) {
            String rule = group.substring(RULE.length());
            return Optional.of(h -> h.rule().equals(rule));
        }
        if (group.startsWith(WEEK)) {
            String week = group.substring(WEEK.length());
            return Optional.of(h -> week(day(h.createdAt())).equals(week));
        }
        if (group.startsWith(REASON)) {
            String reason = group.substring(REASON.length());
            return Optional.of(h -> h.reason().equals(reason));
        }
        return Optional.empty();
    }

    /** A person's roster name; the id itself for someone since taken off the roster (or admin). */
    static String name(Roster roster, String id) {
        return roster.byId(id).map(Person::name).orElse(id);
    }

    /** The ISO week a day is in, as {@code 2026-W49} (the week-based year: 2024-12-30 is in 2025-W01). */
    static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Every ISO week the period {@code [from, to)} touches, in order. */
    static List<String> weeks(Instant from, Instant to) {
        Set<String> weeks = new LinkedHashSet<>();
        LocalDate last = day(to.minusMillis(1));
        for (LocalDate d = day(from); !d.isAfter(last); d = d.plusDays(1)) {
            weeks.add(week(d));
        }
        return List.copyOf(weeks);
    }

    private static LocalDate day(Instant at) {
        return HealthFigures.day(at);
    }

    /** Tallies for the expected names in their order; others are added after, sorted by {@link #rows}. */
    private static Map<String, CareTally> expected(List<String> names) {
        Map<String, CareTally> tallies = new LinkedHashMap<>();
        names.forEach(name -> tallies.putIfAbsent(name, new CareTally()));
        return tallies;
    }

    /** The first {@code expectedCount} keys in their order, then the others by name. */
    private static List<CareFigures.Row> rows(Map<String, CareTally> tallies, int expectedCount, String prefix,
                                              Function<String, String> name,
                                              Function<String, DayDecisions> decisions) {
        List<String> keys = new ArrayList<>(tallies.keySet());
        List<String> ordered = new ArrayList<>(keys.subList(0, Math.min(expectedCount, keys.size())));
        keys.subList(ordered.size(), keys.size()).stream().sorted().forEach(ordered::add);
        return ordered.stream().map(key -> tallies.get(key).row(prefix + key, name.apply(key),
                decisions == null ? null : decisions.apply(key))).toList();
    }
}
