package dev.baton.fanout;

import java.util.Locale;

/**
 * The {@code LISTEN}/{@code NOTIFY} channel of one Baton database. Channels belong to the PostgreSQL
 * database, not to a schema, so Batons kept apart by schema (two communities on one server, or the
 * tests) get a channel each: {@code baton_changes} in the usual {@code public} schema, {@code
 * baton_changes_<schema>} otherwise.
 */
final class Channel {

    static final String NAME = "baton_changes";
    /** PostgreSQL cuts identifiers at 63 bytes; a longer name would silently meet another one. */
    private static final int MAX_IDENTIFIER = 63;

    private Channel() {
    }

    /** The channel for {@code schema}, already safe to write unquoted into {@code LISTEN}. */
    static String of(String schema) {
        return of(NAME, schema);
    }

    /** The channel named {@code base} (a lowercase identifier) for {@code schema}, as above. */
    static String of(String base, String schema) {
        if (schema == null || schema.isEmpty() || schema.equals("public")) {
            return base;
        }
        String safe = schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = base + "_" + safe;
        if (name.length() > MAX_IDENTIFIER) {
            name = name.substring(0, MAX_IDENTIFIER - 9) + "_" + Integer.toHexString(schema.hashCode());
        }
        return name;
    }
}
