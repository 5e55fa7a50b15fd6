package dev.baton.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Canned responses queued by a test; each answers exactly one matching request, in the order queued. */
final class Faults {

    record Canned(String method, Pattern path, int status, String body, Map<String, String> headers) {

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private final List<Canned> queued = new ArrayList<>();
    /** While set, answers every request (Discord down); queued faults wait until it is lifted. */
    private Canned outage;

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
