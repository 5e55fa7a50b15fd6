package dev.baton.cluster;

import dev.baton.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease rows ({@code shard_leases}, V9). Every change is a compare-and-set on the row as the caller read it,
 * so of two instances taking one shard at once exactly one wins, and a holder that lost its shard cannot renew it.
 * The same SQL on SQLite and PostgreSQL.
 */
public final class LeaseStore {

    private final Database database;

    public LeaseStore(Database database) {
        this.database = database;
    }

    /** Every lease row of a split into {@code total} shards. */
    public List<Lease> rows(int total) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT shard, total, holder, token, expires_at"
                    + " FROM shard_leases WHERE total = ? ORDER BY shard")) {
                s.setInt(1, total);
                List<Lease> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Lease(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
                return rows;
            }
        });
    }

    /** Carries out one step; false when the row changed since it was read (another instance was quicker). */
    public boolean apply(LeasePlan.Step step, Instant now) {
        if (step instanceof LeasePlan.Step.Renew renew) {
            return renew(renew.lease(), renew.until());
        }
        LeasePlan.Step.Take take = (LeasePlan.Step.Take) step;
        return take.previous().isEmpty() ? insert(take.taken()) : takeOver(take.previous().get(), take.taken(), now);
    }

    private boolean insert(Lease lease) {
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO shard_leases (shard, total, holder, token,"
                    + " expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setInt(1, lease.shard());
                s.setInt(2, lease.total());
                s.setString(3, lease.holder());
                s.setLong(4, lease.token());
                s.setLong(5, lease.expiresAt().toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Only while the row still carries the expired lease's token, and it has still run out by our clock. */
    private boolean takeOver(Lease previous, Lease taken, Instant now) {
        return database.write(c -> update(c, "UPDATE shard_leases SET holder = ?, token = ?, expires_at = ?"
                + " WHERE total = ? AND shard = ? AND token = ? AND expires_at <= ?", taken.holder(), taken.token(),
                taken.expiresAt(), previous, now.toEpochMilli()));
    }

    private boolean renew(Lease lease, Instant until) {
        return database.write(c -> update(c, "UPDATE shard_leases SET holder = ?, token = ?, expires_at = ?"
                + " WHERE total = ? AND shard = ? AND token = ? AND holder = ?", lease.holder(), lease.token(), until,
                lease, lease.holder()));
    }

    /** Gives the shard up at once (a clean stop), so a standby need not wait for the lease to run out. */
    public boolean release(Lease lease, Instant now) {
        return database.write(c -> update(c, "UPDATE shard_leases SET holder = ?, token = ?, expires_at = ?"
                + " WHERE total = ? AND shard = ? AND token = ? AND holder = ?", lease.holder(), lease.token(), now,
                lease, lease.holder()));
    }

    /**
     * Sets holder, token and expiry on {@code row}'s shard when it still carries {@code row}'s token and {@code guard}
     * (the statement's last parameter: the holder, or the time by which the lease must have run out).
     */
    private static boolean update(Connection c, String sql, String holder, long token, Instant until, Lease row,
                                  Object guard) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, holder);
            s.setLong(2, token);
            s.setLong(3, until.toEpochMilli());
            s.setInt(4, row.total());
            s.setInt(5, row.shard());
            s.setLong(6, row.token());
            s.setObject(7, guard);
            return s.executeUpdate() == 1;
        }
    }
}
