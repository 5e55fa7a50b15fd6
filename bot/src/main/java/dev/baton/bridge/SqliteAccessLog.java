package dev.baton.bridge;

import dev.baton.console.api.AccessLog;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who opened which conversation in the console, and when, in Baton's database. */
public final class SqliteAccessLog implements AccessLog {

    private final Database database;

    public SqliteAccessLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(Entry entry) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_access (at, username, what, handoff_id,"
                    + " remote_address) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, entry.at().toEpochMilli());
                s.setString(2, entry.username());
                s.setString(3, entry.what());
                if (entry.handoffId() == null) {
                    s.setNull(4, Types.INTEGER);
                } else {
                    s.setLong(4, entry.handoffId());
                }
                s.setString(5, entry.remoteAddress());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<Entry> recent(int limit) {
        return search(new Query(null, null, null, null, null, Math.max(0, limit), 0));
    }

    @Override
    public List<Entry> search(Query query) {
        StringBuilder sql = new StringBuilder("SELECT at, username, what, handoff_id, remote_address FROM console_access"
                + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.username() != null) {
            sql.append(" AND username = ?");
            args.add(query.username());
        }
        if (query.handoffId() != null) {
            sql.append(" AND handoff_id = ?");
            args.add(query.handoffId());
        }
        if (query.action() != null) {
            // Case-blind on both databases (SQLite's LIKE already is for ASCII, PostgreSQL's is not, so both sides
            // are lowered); % and _ in the filter are taken literally.
            sql.append(" AND LOWER(what) LIKE LOWER(?) ESCAPE '\\'");
            args.add("%" + query.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            args.add(query.to().toEpochMilli());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
        args.add(query.limit());
        args.add(query.offset());
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long handoff = rs.getLong(4);
                        Long handoffId = rs.wasNull() ? null : handoff;
                        entries.add(new Entry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                                handoffId, rs.getString(5)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_access WHERE at < ?")) {
                s.setLong(1, cutoff.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }
}
