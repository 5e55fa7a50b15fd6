package dev.baton.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;

/**
 * A table's row count and a SHA-256 over its rows read in primary-key order, computed the same way on SQLite
 * and PostgreSQL so that equal tallies mean equal contents. Values are normalised by what they are, not by how
 * the driver hands them over: any whole number (SQLite's INTEGER, PostgreSQL's INTEGER or BIGINT) as its decimal
 * digits, a double by its exact bits (no rounding can hide a changed digit), text as UTF-8, null as null; each
 * tagged and length-prefixed, so no two different rows can run together into the same bytes.
 *
 * @param sha256 lower-case hex
 */
record TableTally(String table, long rows, String sha256) {

    private static final int FETCH = 1_000;

    /**
     * Reads {@code shape}'s columns from {@code connection}. Text keys are ordered by their bytes on PostgreSQL
     * ({@code COLLATE "C"}), which is SQLite's own order; a server's locale would sort them differently.
     */
    static TableTally of(Connection connection, Dialect dialect, TableShape shape) throws SQLException {
        MessageDigest digest = newDigest();
        for (String column : shape.columns()) {
            put(digest, 'C', column.getBytes(StandardCharsets.UTF_8));
        }
        long rows = 0;
        String sql = "SELECT " + shape.columnList() + " FROM " + TableShape.quoted(shape.name()) + " ORDER BY "
                + orderBy(dialect, shape);
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery(sql)) {
                int width = shape.columns().size();
                while (rs.next()) {
                    digest.update((byte) 'R');
                    for (int i = 1; i <= width; i++) {
                        add(digest, rs.getObject(i));
                    }
                    rows++;
                }
            }
        }
        return new TableTally(shape.name(), rows, HexFormat.of().formatHex(digest.digest()));
    }

    private static String orderBy(Dialect dialect, TableShape shape) {
        List<String> parts = shape.key().stream().map(column -> {
            Integer type = shape.types().get(column);
            boolean text = type != null && (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR
                    || type == Types.NVARCHAR || type == Types.CLOB);
            return TableShape.quoted(column) + (text && dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "");
        }).toList();
        return String.join(", ", parts);
    }

    /** One value, normalised; see the class comment. */
    static void add(MessageDigest digest, Object value) {
        if (value == null) {
            digest.update((byte) 'N');
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            put(digest, 'I', Long.toString(((Number) value).longValue()).getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Boolean b) {
            put(digest, 'I', (b ? "1" : "0").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            put(digest, 'D', ByteBuffer.allocate(Long.BYTES).putLong(Double.doubleToLongBits(d)).array());
        } else if (value instanceof byte[] bytes) {
            put(digest, 'B', bytes);
        } else {
            put(digest, 'T', value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(MessageDigest digest, char tag, byte[] bytes) {
        digest.update((byte) tag);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
