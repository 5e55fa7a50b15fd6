package dev.baton.console;

import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.CareFigures;
import dev.baton.console.api.CareFigures.Row;
import dev.baton.console.api.CareFiguresSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The care figures for the console's tests and demo: the same small answer whatever the period (Alex
 * resolved three rated handoffs, two 👍; one repeat in four checked), and every call remembered.
 */
public final class FakeCareBackend implements CareFiguresSource {

    /** What a test asked for: the period, and the group and figure for a handoffs list (else null). */
    public record Call(Instant from, Instant to, String group, String figure) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized CareFigures care(Instant from, Instant to) {
        calls.add(new Call(from, to, null, null));
        Row alex = row("person:alex", "Alex", null);
        Row sam = new Row("person:sam", "Sam", 0, new CareFigures.Satisfaction(0, 0, 0, 0, 0, null),
                new CareFigures.Repeats(0, 0, null), new CareFigures.Times(0, null, null),
                new CareFigures.Times(0, null, null), new CareFigures.AfterAnswer(0, 0, null), null);
        Row week = row("week:2026-W49", "2026-W49", new CareFigures.Decisions(8, 4, 0.5, 0.5));
        return new CareFigures(from, to, row("all", "All handoffs", new CareFigures.Decisions(8, 4, 0.5, 0.5)),
                List.of(alex, sam), List.of(row("rule:=billing, refunds", "=billing, refunds", null)), List.of(week),
                List.of(new CareFigures.Reason("anger", 3, 0.375), new CareFigures.Reason("human_request", 1, 0.125)));
    }

    @Override
    public synchronized List<CareFigures.Handoff> behind(Instant from, Instant to, String group, String figure) {
        calls.add(new Call(from, to, group, figure));
        if (group.startsWith("person:nobody")) {
            throw new ActionRejected("There is no figure \"" + figure + "\" for \"" + group + "\".");
        }
        return List.of(new CareFigures.Handoff(1, Instant.parse("2026-12-01T10:00:00Z"), "ann", "Alex", "default",
                "anger"), new CareFigures.Handoff(2, Instant.parse("2026-12-02T10:00:00Z"), "bea", "Alex", "default",
                "anger"));
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Four handoffs: three rated (two 👍), one comment; four checked, one repeat; two replied, three resolved. */
    private static Row row(String group, String name, CareFigures.Decisions decisions) {
        return new Row(group, name, 4, new CareFigures.Satisfaction(3, 3, 2, 1, 1, 2 / 3.0),
                new CareFigures.Repeats(4, 1, 0.25), new CareFigures.Times(2, 60L, 300L),
                new CareFigures.Times(3, 600L, 3600L), new CareFigures.AfterAnswer(1, 1, 1.0), decisions);
    }
}
