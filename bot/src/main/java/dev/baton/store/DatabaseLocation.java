package dev.baton.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Baton keeps its data: a SQLite file (the default), a private in-memory SQLite database (tests, dry
 * runs), or a PostgreSQL server for a community that outgrows one machine or runs more than one Baton.
 */
public sealed interface DatabaseLocation {

    /** The driver family, which picks the folder of Flyway migrations and a few SQL spellings. */
    Dialect dialect();

    /** The SQLite file {@code file}, created when missing. */
    record SqliteFile(Path file) implements DatabaseLocation {
        public SqliteFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Dialect dialect() {
            return Dialect.SQLITE;
        }

        @Override
        public String toString() {
            return file.toAbsolutePath().toString();
        }
    }

    /** A SQLite database that lives as long as its {@link Database}. */
    record SqliteMemory() implements DatabaseLocation {
        @Override
        public Dialect dialect() {
            return Dialect.SQLITE;
        }

        @Override
        public String toString() {
            return ":memory:";
        }
    }

    /**
     * A PostgreSQL database. The password is never printed: {@link #toString} shows the URL and the user only,
     * and the URL itself is refused when it carries a password.
     */
    record Postgres(String url, String user, Optional<String> password) implements DatabaseLocation {
        public Postgres {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Dialect dialect() {
            return Dialect.POSTGRESQL;
        }

        @Override
        public String toString() {
            return url + (user.isEmpty() ? "" : " as " + user) + (password.isPresent() ? " (password ****)" : "");
        }
    }

    /**
     * The database named by {@code BATON_DATABASE_URL} (with {@code BATON_DATABASE_USER} and
     * {@code BATON_DATABASE_PASSWORD}), or the SQLite file {@code baton.db} in {@code dataDir} when it is unset.
     *
     * @throws IllegalArgumentException in one line naming the variable, when the URL is not a PostgreSQL JDBC
     *                                  URL, carries a password, or has no database name
     */
    static DatabaseLocation fromEnvironment(Map<String, String> env, Path dataDir) {
        String url = env.getOrDefault("BATON_DATABASE_URL", "").strip();
        if (url.isEmpty()) {
            return new SqliteFile(dataDir.resolve("baton.db"));
        }
        try {
            return postgres(url, env.getOrDefault("BATON_DATABASE_USER", "").strip(),
                    Optional.of(env.getOrDefault("BATON_DATABASE_PASSWORD", "")).filter(p -> !p.isEmpty()),
                    "BATON_DATABASE_URL");
        } catch (IllegalArgumentException e) {
            // Said of the variable only: `migrate --to` has no SQLite to fall back on.
            throw url.startsWith("jdbc:postgresql://") ? e : new IllegalArgumentException(e.getMessage()
                    + "; leave it unset to keep the SQLite file in BATON_DATA_DIR");
        }
    }

    /**
     * A PostgreSQL location, checked as {@link #fromEnvironment} checks it; {@code what} names where the URL came
     * from in the error (a variable, an option).
     */
    static Postgres postgres(String url, String user, Optional<String> password, String what) {
        String problem = PostgresUrl.problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
        return new Postgres(url, user, password);
    }
}
