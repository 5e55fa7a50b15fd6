package dev.baton.console.api;

import java.util.List;

/**
 * A draft that cannot go live because of these problems: thrown by {@code replay} and {@code apply}
 * instead of a plain {@link ActionRejected}, so the console can list each problem and move the editor
 * to it. Nothing changed.
 */
public class DraftRejected extends ActionRejected {

    private final List<ConfigProblem> problems;

    public DraftRejected(String message, List<ConfigProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
