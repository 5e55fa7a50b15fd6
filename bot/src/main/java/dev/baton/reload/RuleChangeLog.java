package dev.baton.reload;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.baton.store.Database;
import dev.baton.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The audit trail of changes to the live configuration (table {@code rule_changes}). */
public final class RuleChangeLog {

    /** One change of one file. {@code actor} is a console user, or {@link #FILE} for an edit on disk. */
    public record Change(long id, Instant at, String actor, String file, Status status, String diff,
                         List<String> problems) {
        public Change {
            problems = List.copyOf(problems);
        }
    }

    public enum Status {
        APPLIED, REJECTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String FILE = "file";


    private final Database database;

    public RuleChangeLog(Database database) {
        this.database = database;
    }

    /**
     * Records one change of one file. An edit on disk ({@link #FILE}) is seen by every Baton sharing the
     * configuration directory, and each reloads it; only the first to record it writes a row: it is skipped
     * when the latest row for that file is already this very change, whoever recorded it (another
     * instance's watcher, or the manager whose draft another instance applied and wrote to disk). A later
     * identical edit, after the file was changed back, is recorded again, since a different row comes
     * between. On PostgreSQL the transaction is SERIALIZABLE, so two instances recording at the same
     * moment cannot both see "not yet".
     *
     * @return whether a row was written
     */
    public boolean record(Instant at, String actor, String file, Status status, String diff, List<String> problems) {
        String problemsJson;
        try {
            problemsJson = JSON.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write problems as JSON", e);
        }
        return database.transaction(c -> {
            if (actor.equals(FILE) && alreadyRecorded(c, file, status, diff)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_changes (at, actor, file, status, diff,"
                    + " problems) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, actor);
                s.setString(3, file);
                s.setString(4, status.wireName());
                s.setString(5, diff);
                s.setString(6, problemsJson);
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Whether the latest row for {@code file} is this change: the same outcome and diff. */
    private static boolean alreadyRecorded(Connection c, String file, Status status, String diff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status, diff FROM rule_changes WHERE file = ?"
                + " ORDER BY id DESC LIMIT 1")) {
            s.setString(1, file);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && status.wireName().equals(rs.getString(1))
                        && Objects.equals(diff, rs.getString(2));
            }
        }
    }

    /** Newest first. */
    public List<Change> recent(int limit) {
        return database.read(c -> {
            List<Change> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, at, actor, file, status, diff, problems"
                    + " FROM rule_changes ORDER BY at DESC, id DESC LIMIT ?")) {
                s.setInt(1, Math.max(0, limit));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Change(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), Status.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                                rs.getString(6), problems(rs.getString(7))));
                    }
                }
            }
            return found;
        });
    }

    private static List<String> problems(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("rule_changes.problems is not a JSON array: " + json, e);
        }
    }
}
