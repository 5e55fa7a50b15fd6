package dev.baton.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code java -jar baton.jar [command] [options]}; see {@link Cli} for the commands. */
public final class Main {

    /** The line formats of src/main/resources/logback.xml (one baton-log-FORMAT.xml each). */
    static final Set<String> LOG_FORMATS = Set.of("text", "json");

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs: logback.xml reads the format as a system property first, then the environment.
        Optional<String> format = logFormat(System.getenv("BATON_LOG_FORMAT"));
        if (format.isEmpty()) {
            System.err.println("baton: BATON_LOG_FORMAT must be text (the default) or json, was \""
                    + System.getenv("BATON_LOG_FORMAT") + "\"");
            System.exit(2);
        }
        System.setProperty("BATON_LOG_FORMAT", format.get());
        System.exit(new Cli(System.in, System.out, System.err).run(args));
    }

    /** The format {@code BATON_LOG_FORMAT} names (unset or blank: text; case does not matter); empty if unknown. */
    static Optional<String> logFormat(String value) {
        String format = value == null || value.isBlank() ? "text" : value.trim().toLowerCase(Locale.ROOT);
        return LOG_FORMATS.contains(format) ? Optional.of(format) : Optional.empty();
    }
}
