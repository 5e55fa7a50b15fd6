package dev.baton.bridge;

import dev.baton.console.api.SessionStore;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Console sessions in Baton's database (table {@code console_sessions}), shared by every Baton on it. */
public final class StoredSessions implements SessionStore {

    private final Database database;

    public StoredSessions(Database database) {
        this.database = database;
    }

    @Override
    public void put(Stored session) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_sessions (digest, username, csrf_token,"
                    + " created_at, last_used) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, session.digest());
                s.setString(2, session.username());
                s.setString(3, session.csrfToken());
                s.setLong(4, session.createdAt().toEpochMilli());
                s.setLong(5, session.lastUsed().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Stored> find(String digest) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username, csrf_token, created_at, last_used"
                    + " FROM console_sessions WHERE digest = ?")) {
                s.setString(1, digest);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(digest, rs.getString(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4))))
                            : Optional.<Stored>empty();
                }
            }
        });
    }

    @Override
    public void touch(String digest, Instant at) {
        database.write(c -> {
            // Never moves a last use back (another instance may have written a later one meanwhile).
            try (PreparedStatement s = c.prepareStatement("UPDATE console_sessions SET last_used = ?"
                    + " WHERE digest = ? AND last_used < ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, digest);
                s.setLong(3, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String digest) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_sessions WHERE digest = ?")) {
                s.setString(1, digest);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void removeUser(String username, String keepDigest) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_sessions WHERE username = ?"
                    + " AND digest <> ?")) {
                s.setString(1, username);
                s.setString(2, keepDigest == null ? "" : keepDigest);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void removeExpired(Instant usedBefore, Instant createdBefore) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_sessions WHERE last_used < ?"
                    + " OR created_at < ?")) {
                s.setLong(1, usedBefore.toEpochMilli());
                s.setLong(2, createdBefore == null ? Long.MIN_VALUE : createdBefore.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int size() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM console_sessions");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
