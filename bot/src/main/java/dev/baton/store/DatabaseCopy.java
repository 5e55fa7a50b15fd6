package dev.baton.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Copies a stopped Baton's database into an empty one, usually its SQLite file into PostgreSQL: every table
 * in foreign-key order, ids kept, in batches inside one transaction of the target (all of it lands, or none),
 * then each identity sequence moved past the copied ids so that new rows do not collide with them. The tables
 * come from the databases' own metadata, not a list here. {@link #verify} then compares both sides table by
 * table.
 */
public final class DatabaseCopy {

    /** Rows sent to the target per round trip. */
    static final int BATCH = 500;
    private static final int FETCH = 1_000;

    /** Told as the copy goes, for progress lines. */
    @FunctionalInterface
    public interface Progress {
        /** The target was found empty, and these tables are about to be copied in this order. */
        default void starting(List<String> tables) {
        }

        void copied(String table, long rows);
    }

    /**
     * What was copied.
     *
     * @param rows         rows per table, in copying order
     * @param nextIds      for each table with an identity column, the id its next new row gets
     */
    public record Copied(Map<String, Long> rows, Map<String, Long> nextIds) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One table on both sides. */
    public record Check(String table, long sourceRows, long targetRows, String sourceSha256, String targetSha256) {
        public boolean matches() {
            return sourceRows == targetRows && sourceSha256.equals(targetSha256);
        }
    }

    private DatabaseCopy() {
    }

    /** Baton's tables in {@code database}, parents before children (Flyway's history left out). */
    public static List<String> tables(Database database) {
        return shapes(database).stream().map(TableShape::name).toList();
    }

    /**
     * Why a SQLite file looks in use by a running Baton, or empty. Cheap and not proof: a write-ahead log with
     * content means some connection wrote and has not closed the database; Baton checkpoints and removes it
     * when it stops. (A reader such as this command leaves an empty one behind, which is fine.)
     */
    public static Optional<String> seemsInUse(Path sqliteFile) {
        Path wal = sqliteFile.resolveSibling(sqliteFile.getFileName() + "-wal");
        try {
            if (Files.isRegularFile(wal) && Files.size(wal) > 0) {
                return Optional.of(wal + " holds " + Files.size(wal) + " bytes not yet written into "
                        + sqliteFile.getFileName() + ": Baton seems to be running on it; stop Baton first (if it is"
                        + " stopped, it did not close the database: start it and stop it once)");
            }
        } catch (IOException e) {
            return Optional.of("cannot read " + wal + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Copies {@code source} into {@code target}, which must have the same tables and columns and no rows.
     *
     * @throws StoreException naming the table (and for a failed batch its first and last key) when the target
     *                        has rows already (nothing is changed then), lacks a table or column, or refuses a
     *                        row; nothing of the copy remains in the target then
     */
    public static Copied copy(Database source, Database target, Progress progress) {
        List<TableShape> from = shapes(source);
        Map<String, TableShape> to = byName(shapes(target));
        requireSameTables(from, to, source, target);
        return target.transaction(t -> {
            refuseRows(t, from, target);
            progress.starting(from.stream().map(TableShape::name).toList());
            Map<String, Long> rows = new LinkedHashMap<>();
            // One transaction on the source too, though it is only read: every table from the same snapshot, so a
            // row written meanwhile (a Baton started too early) cannot leave a child without its parent.
            source.transaction(s -> {
                for (TableShape shape : from) {
                    long copied = copyTable(s, t, shape, to.get(shape.name()), target);
                    rows.put(shape.name(), copied);
                    progress.copied(shape.name(), copied);
                }
                return null;
            });
            Map<String, Long> next = target.dialect() == Dialect.POSTGRESQL ? moveSequences(t) : Map.of();
            return new Copied(rows, next);
        });
    }

    /** Counts and checksums of every table on both sides, in copying order. */
    public static List<Check> verify(Database source, Database target) {
        List<TableShape> from = shapes(source);
        Map<String, TableShape> to = byName(shapes(target));
        List<Check> checks = new ArrayList<>();
        for (TableShape shape : from) {
            TableTally a = source.read(c -> TableTally.of(c, source.dialect(), shape));
            TableShape other = to.get(shape.name());
            // The target read with the source's columns, so an extra column there cannot make the sums differ.
            TableTally b = other == null ? new TableTally(shape.name(), 0, "missing")
                    : target.read(c -> TableTally.of(c, target.dialect(), new TableShape(shape.name(),
                    shape.columns(), other.types(), shape.key(), shape.parents())));
            checks.add(new Check(shape.name(), a.rows(), b.rows(), a.sha256(), b.sha256()));
        }
        return checks;
    }

    private static List<TableShape> shapes(Database database) {
        return database.read(TableShape::inOrder);
    }

    private static Map<String, TableShape> byName(List<TableShape> shapes) {
        Map<String, TableShape> map = new LinkedHashMap<>();
        shapes.forEach(s -> map.put(s.name(), s));
        return map;
    }

    /** Both were migrated by this Baton, so a difference means one was written by another version. */
    private static void requireSameTables(List<TableShape> from, Map<String, TableShape> to, Database source,
                                          Database target) {
        TreeSet<String> extra = new TreeSet<>(to.keySet());
        for (TableShape shape : from) {
            extra.remove(shape.name());
            TableShape other = to.get(shape.name());
            if (other == null) {
                throw new StoreException("the target " + target.location() + " has no table " + shape.name()
                        + ", which the source " + source.location() + " has: were they written by different"
                        + " versions of Baton?", null);
            }
            List<String> missing = shape.columns().stream().filter(c -> !other.columns().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new StoreException("the target " + target.location() + " has no column " + String.join(", ",
                        missing) + " in table " + shape.name() + ": were they written by different versions of"
                        + " Baton?", null);
            }
        }
        if (!extra.isEmpty()) {
            throw new StoreException("the target " + target.location() + " has tables the source " + source.location()
                    + " lacks (" + String.join(", ", extra) + "): were they written by different versions of Baton?",
                    null);
        }
    }

    /** Checked inside the copy's own transaction: nothing can slip in between the look and the copy. */
    private static void refuseRows(Connection t, List<TableShape> tables, Database target) throws SQLException {
        for (TableShape shape : tables) {
            try (Statement s = t.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM " + TableShape.quoted(shape.name()) + " LIMIT 1")) {
                if (rs.next()) {
                    throw new StoreException("the target " + target.location() + " is not empty (table "
                            + shape.name() + " has rows): migrate copies only into an empty database, and changed"
                            + " nothing", null);
                }
            }
        }
    }

    private static long copyTable(Connection source, Connection target, TableShape shape, TableShape into,
                                  Database where) throws SQLException {
        String insert = "INSERT INTO " + TableShape.quoted(shape.name()) + " (" + shape.columnList() + ") VALUES ("
                + String.join(", ", shape.columns().stream().map(c -> "?").toList()) + ")";
        String select = "SELECT " + shape.columnList() + " FROM " + TableShape.quoted(shape.name()) + " ORDER BY "
                + String.join(", ", shape.key().stream().map(TableShape::quoted).toList());
        int width = shape.columns().size();
        long rows = 0;
        try (Statement read = source.createStatement(); PreparedStatement write = target.prepareStatement(insert)) {
            read.setFetchSize(FETCH);
            try (ResultSet rs = read.executeQuery(select)) {
                Batch batch = new Batch(shape);
                while (rs.next()) {
                    batch.add(rs);
                    try {
                        for (int i = 1; i <= width; i++) {
                            String column = shape.columns().get(i - 1);
                            bind(write, i, rs.getObject(i), into.types().get(column), column);
                        }
                        write.addBatch();
                    } catch (SQLException e) {
                        // The driver refuses some values itself, e.g. a text with a zero byte, which PostgreSQL cannot hold.
                        throw new StoreException("cannot copy table " + shape.name() + " (the row with "
                                + String.join("/", shape.key()) + " " + batch.last + ") into " + where.location() + ": "
                                + oneLine(e.getMessage()), e);
                    }
                    rows++;
                    if (batch.size == BATCH) {
                        batch.send(write, where);
                    }
                }
                batch.send(write, where);
            }
        }
        return rows;
    }

    /** The rows waiting to be sent, remembered by their first and last key for an error message. */
    private static final class Batch {
        private final TableShape shape;
        private int size;
        private String first;
        private String last;

        Batch(TableShape shape) {
            this.shape = shape;
        }

        void add(ResultSet rs) throws SQLException {
            last = key(rs);
            if (size++ == 0) {
                first = last;
            }
        }

        private String key(ResultSet rs) throws SQLException {
            List<String> parts = new ArrayList<>();
            for (String column : shape.key()) {
                parts.add(String.valueOf(rs.getObject(shape.columns().indexOf(column) + 1)));
            }
            return String.join("/", parts);
        }

        void send(PreparedStatement write, Database where) {
            if (size == 0) {
                return;
            }
            try {
                write.executeBatch();
            } catch (SQLException e) {
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                throw new StoreException("cannot copy table " + shape.name() + " (rows with " + String.join("/",
                        shape.key()) + " from " + first + " to " + last + ") into " + where.location() + ": "
                        + oneLine(cause.getMessage()), e);
            }
            size = 0;
        }
    }

    /**
     * Binds by the target column's type: SQLite hands over whatever the row holds (it types values, not
     * columns), PostgreSQL wants the column's own type. A value that does not fit is refused, not converted.
     */
    private static void bind(PreparedStatement write, int index, Object value, Integer type, String column)
            throws SQLException {
        int sqlType = type == null ? Types.OTHER : type;
        if (value == null) {
            write.setNull(index, sqlType);
            return;
        }
        switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                if (!(value instanceof Long || value instanceof Integer || value instanceof Short)) {
                    throw new SQLException("column " + column + " holds " + describe(value)
                            + ", and the target wants a whole number");
                }
                long whole = ((Number) value).longValue();
                if (sqlType == Types.BIGINT) {
                    write.setLong(index, whole);
                } else {
                    write.setInt(index, Math.toIntExact(whole));
                }
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                if (!(value instanceof Number number)) {
                    throw new SQLException("column " + column + " holds " + describe(value)
                            + ", and the target wants a number");
                }
                write.setDouble(index, number.doubleValue());
            }
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB -> {
                if (value instanceof byte[]) {
                    throw new SQLException("column " + column + " holds " + describe(value)
                            + ", and the target wants text");
                }
                String text = value.toString();
                if (text.indexOf('\u0000') >= 0) {
                    // Said here, for the one row; PostgreSQL's own refusal names only the batch.
                    throw new SQLException("column " + column + " holds a zero byte (\\u0000), which PostgreSQL's"
                            + " text cannot hold");
                }
                write.setString(index, text);
            }
            default -> write.setObject(index, value);
        }
    }

    /** PostgreSQL's messages add "Where:" and "Hint:" lines; an error here is one line. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static String describe(Object value) {
        return value instanceof byte[] bytes ? bytes.length + " bytes" : "\"" + value + "\"";
    }

    /**
     * Every identity (or serial) column's sequence set so that its next value is one past the largest copied id:
     * the copy wrote the ids itself, which does not advance the sequence.
     */
    private static Map<String, Long> moveSequences(Connection t) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement s = t.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM"
                + " information_schema.columns WHERE table_schema = current_schema() AND (is_identity = 'YES'"
                + " OR column_default LIKE 'nextval(%') ORDER BY table_name, column_name")) {
            while (rs.next()) {
                identities.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Map<String, Long> next = new LinkedHashMap<>();
        for (String[] identity : identities) {
            String table = identity[0];
            String column = identity[1];
            try (PreparedStatement s = t.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                    + " COALESCE((SELECT MAX(" + TableShape.quoted(column) + ") FROM " + TableShape.quoted(table)
                    + "), 0) + 1, false)")) {
                s.setString(1, TableShape.quoted(table));
                s.setString(2, column);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    next.put(table, rs.getLong(1));
                }
            }
        }
        return next;
    }
}
