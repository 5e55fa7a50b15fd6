package dev.baton.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One of Baton's tables as JDBC's metadata describes it: its columns in order with their JDBC types, its
 * primary key, and the tables its foreign keys point at. Read from the database itself rather than listed by
 * hand, so a table a later migration adds is copied and checked without anyone remembering to.
 *
 * @param types   each column's {@link java.sql.Types} code, by column name
 * @param parents the other tables this one's foreign keys reference
 */
record TableShape(String name, List<String> columns, Map<String, Integer> types, List<String> key,
                  Set<String> parents) {

    /** Flyway's own bookkeeping: each side has its own, written by its own migrations. */
    static final String FLYWAY = "flyway_schema_history";

    /**
     * Baton's tables in {@code connection}'s current schema (SQLite's internal {@code sqlite_*} tables and
     * Flyway's history left out), parents before children: copied in this order, every foreign key finds
     * its row already there.
     *
     * @throws StoreException when the foreign keys go round in a circle (no order would do)
     */
    static List<TableShape> inOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = escaped(meta, connection.getSchema());
        Map<String, TableShape> byName = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(FLYWAY) || lower.startsWith("sqlite_")) {
                continue;
            }
            byName.put(lower, read(meta, connection.getSchema(), schema, name));
        }
        return sorted(byName);
    }

    private static TableShape read(DatabaseMetaData meta, String schema, String schemaPattern, String table)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<String, Integer> types = new HashMap<>();
        try (ResultSet rs = meta.getColumns(null, schemaPattern, escaped(meta, table), "%")) {
            TreeMap<Integer, String> byPosition = new TreeMap<>();
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                byPosition.put(rs.getInt("ORDINAL_POSITION"), column);
                types.put(column, rs.getInt("DATA_TYPE"));
            }
            columns.addAll(byPosition.values());
        }
        TreeMap<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        Set<String> parents = new TreeSet<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                parents.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        String name = table.toLowerCase(Locale.ROOT);
        parents.remove(name); // a row pointing at its own table needs no order between tables
        // Without a primary key the whole row is the order: still the same on both sides.
        return new TableShape(name, List.copyOf(columns), Map.copyOf(types),
                key.isEmpty() ? List.copyOf(columns) : List.copyOf(key.values()), Set.copyOf(parents));
    }

    /** Parents first; among tables free to go, by name, so the order is the same every run. */
    private static List<TableShape> sorted(Map<String, TableShape> byName) {
        List<TableShape> order = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (order.size() < byName.size()) {
            TableShape next = byName.values().stream()
                    .filter(t -> !placed.contains(t.name()))
                    .filter(t -> t.parents().stream().allMatch(p -> placed.contains(p) || !byName.containsKey(p)))
                    .findFirst()
                    .orElseThrow(() -> new StoreException("the foreign keys between the tables "
                            + new TreeSet<>(byName.keySet()).stream().filter(n -> !placed.contains(n)).toList()
                            + " form a circle: no copying order fills parents before children", null));
            order.add(next);
            placed.add(next.name());
        }
        return List.copyOf(order);
    }

    /** A schema or table name as a metadata pattern: its {@code _} must not match any character. */
    private static String escaped(DatabaseMetaData meta, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** {@code name} quoted for SQL, as both SQLite and PostgreSQL read it. */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The columns, quoted and separated by commas. */
    String columnList() {
        return String.join(", ", columns.stream().map(TableShape::quoted).toList());
    }
}
