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

    synchronized void add(String method, String pathRegex, int status, String body, Map<String, String> headers) {
        queued.add(new Canned(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status,
                body == null ? "" : body, Map.copyOf(headers)));
    }

    synchronized Optional<Canned> take(String method, String path) {
        for (int i = 0; i < queued.size(); i++) {
            if (queued.get(i).matches(method, path)) {
                return Optional.of(queued.remove(i));
            }
        }
        return Optional.empty();
    }
}
