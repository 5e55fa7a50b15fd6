package dev.baton.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name value} pairs and {@code --flag}s (named by the command), each consumed once; whatever is
 * left over is a usage error.
 */
final class Options {

    private static final String SET = "true";

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(List<String> args) {
        return parse(args, Set.of());
    }

    /** @param flags options that take no value, such as {@code --json} */
    static Options parse(List<String> args, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + name + "\"");
            }
            if (flags.contains(name)) {
                if (values.put(name, SET) != null) {
                    throw new UsageException(name + " given twice");
                }
                continue;
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new UsageException(name + " needs a value");
            }
            if (values.put(name, args.get(++i)) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        return new Options(values);
    }

    Path requiredPath(String name) {
        return take(name).map(Path::of).orElseThrow(() -> new UsageException(name + " is required"));
    }

    Path path(String name, Path fallback) {
        return take(name).map(Path::of).orElse(fallback);
    }

    String string(String name, String fallback) {
        return take(name).orElse(fallback);
    }

    double probability(String name, double fallback) {
        return take(name).map(value -> probability(name, value)).orElse(fallback);
    }

    private static double probability(String name, String value) {
        try {
            double p = Double.parseDouble(value);
            if (p < 0 || p > 1) {
                throw new UsageException(name + " must be between 0 and 1, was " + value);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number between 0 and 1, was \"" + value + "\"");
        }
    }

    /** Whether the flag was given. */
    boolean flag(String name) {
        return take(name).isPresent();
    }

    /** Whether a value was given for {@code name}, without consuming it. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    int wholeNumber(String name, int fallback) {
        return take(name).map(value -> wholeNumber(name, value)).orElse(fallback);
    }

    private static int wholeNumber(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(name + " must be a whole number, 0 or more, was \"" + value + "\"");
    }

    /** Consumes {@code name}'s value, if one was given. */
    private Optional<String> take(String name) {
        return Optional.ofNullable(values.remove(name));
    }

    void rejectUnknown() {
        if (!values.isEmpty()) {
            throw new UsageException("unknown option " + String.join(", ", values.keySet()));
        }
    }
}
