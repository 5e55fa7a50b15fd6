package dev.baton.cli;

import dev.baton.store.Database;
import dev.baton.store.DatabaseCopy;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code baton migrate --to URL}: copies a stopped Baton's SQLite database ({@code baton.db} in {@code --data} or
 * {@code BATON_DATA_DIR}) into an empty PostgreSQL database, then checks every table's rows on both sides.
 * The source is only read; the target is migrated, then refused if any Baton table has a row. Exit 0 when the
 * copy matches, 1 when something was refused, failed or differs (one line on stderr saying what and where),
 * 2 for a wrong command line.
 */
final class MigrateCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;

    MigrateCommand(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
    }

    int run(Options options) {
        if (!options.has("--to")) {
            throw new UsageException("--to is required (the PostgreSQL database to copy into, e.g."
                    + " jdbc:postgresql://db.example.org:5432/baton)");
        }
        String url = options.string("--to", "");
        String dataFromEnv = environment.getOrDefault("BATON_DATA_DIR", "").strip();
        Path dataDir = options.path("--data", Path.of(dataFromEnv.isEmpty() ? "data" : dataFromEnv));
        options.rejectUnknown();
        DatabaseLocation.Postgres target;
        try {
            // The user and password come from the environment only: a password on the command line is seen by
            // everyone who can list processes.
            target = DatabaseLocation.postgres(url.strip(), environment.getOrDefault("BATON_DATABASE_USER", "").strip(),
                    Optional.of(environment.getOrDefault("BATON_DATABASE_PASSWORD", "")).filter(p -> !p.isEmpty()),
                    "--to");
        } catch (IllegalArgumentException e) {
            err.println("baton: migrate: " + e.getMessage());
            return 2;
        }
        Path file = dataDir.resolve("baton.db").toAbsolutePath();
        Optional<String> inUse = DatabaseCopy.seemsInUse(file);
        if (inUse.isPresent()) {
            err.println("baton: migrate: " + inUse.get());
            return 1;
        }
        long started = clock.millis();
        try (Database source = Database.openReadOnly(file)) {
            out.println("Copying " + file + " into " + target + ".");
            try (Database into = Database.open(target)) {
                DatabaseCopy.Copied copied = DatabaseCopy.copy(source, into, new DatabaseCopy.Progress() {
                    @Override
                    public void starting(List<String> tables) {
                        out.println("The target is empty and its schema up to date; copying " + tables.size()
                                + " tables in one transaction (all or nothing):");
                    }

                    @Override
                    public void copied(String table, long rows) {
                        out.printf(Locale.ROOT, "  %-18s %,10d %s%n", table, rows, rows == 1 ? "row" : "rows");
                    }
                });
                out.printf(Locale.ROOT, "Committed %,d rows in %d tables; new ids continue after the copied ones.%n",
                        copied.total(), copied.rows().size());
                out.println();
                out.println("Checking every table on both sides (rows, and SHA-256 over the rows in key order):");
                List<DatabaseCopy.Check> checks = DatabaseCopy.verify(source, into);
                print(checks);
                List<String> differ = checks.stream().filter(c -> !c.matches()).map(DatabaseCopy.Check::table).toList();
                if (!differ.isEmpty()) {
                    err.println("baton: migrate: the copy in " + target + " differs from " + file + " in table"
                            + (differ.size() == 1 ? " " : "s ") + String.join(", ", differ) + " (see the table above);"
                            + " do not start Baton on it");
                    return 1;
                }
                out.printf(Locale.ROOT, "All %d tables match (%.1f s). Keep %s as a backup, then start Baton with"
                                + " BATON_DATABASE_URL=%s (and BATON_DATABASE_USER, BATON_DATABASE_PASSWORD).%n",
                        checks.size(), (clock.millis() - started) / 1000.0, file, target.url());
                return 0;
            }
        } catch (StoreException e) {
            err.println("baton: migrate: " + e.getMessage() + (e.getMessage().startsWith("no database")
                    ? " (BATON_DATA_DIR or --data says where Baton keeps its data)" : ""));
            return 1;
        }
    }

    private void print(List<DatabaseCopy.Check> checks) {
        String format = "  %-18s %12s %12s  %-12s  %-12s  %s%n";
        out.printf(Locale.ROOT, format, "table", "SQLite rows", "PG rows", "SQLite sum", "PG sum", "same");
        for (DatabaseCopy.Check check : checks) {
            out.printf(Locale.ROOT, format, check.table(), String.format(Locale.ROOT, "%,d", check.sourceRows()),
                    String.format(Locale.ROOT, "%,d", check.targetRows()), shortSum(check.sourceSha256()),
                    shortSum(check.targetSha256()), check.matches() ? "ok" : "DIFFERS");
        }
    }

    private static String shortSum(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}
