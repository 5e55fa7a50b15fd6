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
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT at, username, what, handoff_id, remote_address"
                    + " FROM console_access ORDER BY at DESC, id DESC LIMIT ?")) {
                s.setInt(1, Math.max(0, limit));
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
}
