package dev.baton.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults set up by a test: canned responses (each answers exactly one matching request, in the order
 * queued), slow answers, and an outage that answers everything until it ends.
 */
final class Faults {

    record Canned(String method, Pattern path, int status, String body, Map<String, String> headers) {

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private record Delay(String method, Pattern path, long millis) {}

    private final List<Canned> queued = new ArrayList<>();
    /** Slow answers: the matching request is served normally, this many milliseconds late. */
    private final List<Delay> delays = new ArrayList<>();
    /** While set, answers every request (Discord down); queued faults wait until it is lifted. */
    private Canned outage;

    synchronized void delay(String method, String pathRegex, long millis) {
        delays.add(new Delay(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), millis));
    }

    /** Milliseconds to hold the next matching request back, or 0. */
    synchronized long takeDelay(String method, String path) {
        for (int i = 0; i < delays.size(); i++) {
            Delay delay = delays.get(i);
            if (delay.method().equals(method) && delay.path().matcher(path).matches()) {
                return delays.remove(i).millis();
            }
        }
        return 0;
    }

    synchronized void outage(int status, String body) {
        outage = new Canned("*", Pattern.compile(".*"), status, body == null ? "" : body, Map.of());
    }

    synchronized void endOutage() {
        outage = null;
    }

    synchronized void add(String method, String pathRegex, int status, String body, Map<String, String> headers) {
        queued.add(new Canned(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status,
                body == null ? "" : body, Map.copyOf(headers)));
    }

    synchronized Optional<Canned> take(String method, String path) {
        if (outage != null) {
            return Optional.of(outage);
        }
        for (int i = 0; i < queued.size(); i++) {
            if (queued.get(i).matches(method, path)) {
                return Optional.of(queued.remove(i));
            }
        }
        return Optional.empty();
    }
}
