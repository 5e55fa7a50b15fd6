package dev.baton.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs, each consumed once; whatever is left over is a usage error. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + name + "\"");
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
        String value = values.remove(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return Path.of(value);
    }

    Path path(String name, Path fallback) {
        String value = values.remove(name);
        return value == null ? fallback : Path.of(value);
    }

    String string(String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }

    double probability(String name, double fallback) {
        String value = values.remove(name);
        if (value == null) {
            return fallback;
        }
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

    void rejectUnknown() {
        if (!values.isEmpty()) {
            throw new UsageException("unknown option " + String.join(", ", values.keySet()));
        }
    }
}
