package dev.baton.yaml;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration file could not be loaded. Carries every problem found, so whoever edits the file
 * can fix them all in one pass instead of one restart per mistake.
 */
public class ConfigException extends RuntimeException {

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        this(problems, null);
    }

    public ConfigException(List<Problem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (Objects.requireNonNull(problems, "problems").isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /**
     * One mistake in a configuration file. Lines and columns are 1-based; both are 0 when the
     * problem concerns the file as a whole (for example, it cannot be read).
     *
     * @param message what is wrong, on one line
     * @param hint    how to fix it, on one line; empty when the message already says it all
     */
    public record Problem(String file, int line, int column, String message, String hint) {

        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
            hint = hint == null ? "" : hint;
        }

        /** A problem without a hint. */
        public Problem(String file, int line, int column, String message) {
            this(file, line, column, message, "");
        }

        public boolean hasHint() {
            return !hint.isBlank();
        }

        /** The {@code file:line:column: message} shape editors and terminals turn into links. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }
}
