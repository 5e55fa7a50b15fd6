package dev.baton.store;

/**
 * The two databases Baton runs on. Each has its own folder of migrations with the same versions.
 *
 * <p>Most of Baton's SQL is spelled the same on both (ON CONFLICT, CASE, COALESCE, LIMIT … OFFSET); the few
 * functions that are not are here, so a store asks its database's dialect instead of testing which one it is.
 */
public enum Dialect {
    SQLITE("classpath:db/sqlite"),
    POSTGRESQL("classpath:db/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** Flyway's location of this dialect's migrations. */
    public String migrations() {
        return migrations;
    }

    /**
     * The aggregate that joins distinct strings with commas: SQLite's {@code group_concat(DISTINCT x)},
     * PostgreSQL's {@code string_agg(DISTINCT x, ',')}.
     */
    public String joinDistinct(String expression) {
        return this == SQLITE ? "group_concat(DISTINCT " + expression + ")"
                : "string_agg(DISTINCT " + expression + ", ',')";
    }

    /**
     * A field of the JSON text in {@code column}, as text: a string without its quotes, an array or object as
     * its JSON, NULL when missing. SQLite's {@code json_extract(column, '$.a.b')}; PostgreSQL's
     * {@code column::json #>> '{a,b}'} (the stored text is parsed as {@code json}, which keeps it as written).
     *
     * @param path the field names from the top, e.g. {@code "customer", "name"}; plain names only, since they
     *             are written into the SQL
     */
    public String jsonField(String column, String... path) {
        for (String name : path) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain JSON field name: " + name);
            }
        }
        return this == SQLITE ? "json_extract(" + column + ", '$." + String.join(".", path) + "')"
                : "(" + column + "::json #>> '{" + String.join(",", path) + "}')";
    }

    /**
     * The larger of two values in one row: SQLite's two-argument {@code MAX(a, b)}, PostgreSQL's
     * {@code GREATEST(a, b)} (where {@code MAX} is only the aggregate).
     */
    public String greater(String a, String b) {
        return (this == SQLITE ? "MAX(" : "GREATEST(") + a + ", " + b + ")";
    }
}
