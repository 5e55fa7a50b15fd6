package dev.baton.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a PostgreSQL JDBC URL before any connection is tried, so a typo is one clear line at start-up. */
final class PostgresUrl {

    private static final String PREFIX = "jdbc:postgresql://";

    private PostgresUrl() {
    }

    /** What is wrong with {@code url}, as the end of a sentence ("must start with …"); null when nothing. */
    static String problem(String url) {
        if (!url.startsWith(PREFIX)) {
            return "must start with " + PREFIX + " (for example jdbc:postgresql://db.example.org:5432/baton), but is \""
                    + mask(url) + "\"";
        }
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 5) + "): \""
                    + mask(url) + "\"";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user or password (they would be logged with it): set BATON_DATABASE_USER and"
                    + " BATON_DATABASE_PASSWORD instead";
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
        if (query.contains("password=")) {
            return "must not carry a password (it would be logged with it): set BATON_DATABASE_PASSWORD instead";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "names no host: \"" + mask(url) + "\"";
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() <= 1) {
            return "names no database (the part after the last /): \"" + mask(url) + "\"";
        }
        return null;
    }

    /** The URL with anything after {@code password=} hidden, for error messages. */
    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
