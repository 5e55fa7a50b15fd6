package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two folders of migrations describe one schema: the same versions, and after migrating, the same tables
 * with the same column names (types may differ: INTEGER and BIGINT, REAL and DOUBLE PRECISION). A migration
 * added to one folder only, or a column spelled differently in one, fails here before it fails a user.
 * The PostgreSQL half needs a server (see {@link TestDatabases}) and is skipped without one.
 */
class MigrationParityTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Test
    void bothFoldersHaveTheSameVersions() {
        List<String> sqlite = versions(Dialect.SQLITE);
        assertFalse(sqlite.isEmpty(), "no migrations found for SQLite");
        assertEquals(sqlite, versions(Dialect.POSTGRESQL));
    }

    @Test
    void afterMigratingBothHaveTheSameTablesWithTheSameColumns() throws SQLException {
        Map<String, Set<String>> sqlite;
        try (Database db = Database.inMemory()) {
            sqlite = db.read(MigrationParityTest::tables);
        }
        Map<String, Set<String>> postgres;
        try (Database db = Database.open(TestDatabases.freshPostgres())) {
            postgres = db.read(MigrationParityTest::tables);
        }
        assertFalse(sqlite.isEmpty(), "no tables after migrating SQLite");
        assertEquals(sqlite.keySet(), postgres.keySet(), "tables");
        for (String table : sqlite.keySet()) {
            assertEquals(sqlite.get(table), postgres.get(table), "columns of " + table);
        }
    }

    /** The versions of a dialect's migrations, in order, e.g. {@code [1, 2, …]}. */
    static List<String> versions(Dialect dialect) {
        String folder = dialect.migrations().substring("classpath:".length());
        URL url = MigrationParityTest.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no " + folder + " on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(f -> VERSION.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a.split("[._]")[0]),
                            Integer.parseInt(b.split("[._]")[0])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Baton's tables in the connection's schema and their column names, lower case; Flyway's own left out. */
    private static Map<String, Set<String>> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Set<String>> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")) {
                    tables.put(name, new TreeSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : tables.entrySet()) {
            try (ResultSet rs = meta.getColumns(null, schema, table.getKey(), "%")) {
                while (rs.next()) {
                    table.getValue().add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
