package dev.baton.store;

/** The two databases Baton runs on. Each has its own folder of migrations with the same versions. */
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
}
