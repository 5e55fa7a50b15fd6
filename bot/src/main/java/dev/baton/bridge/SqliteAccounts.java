package dev.baton.bridge;

import dev.baton.console.api.Account;
import dev.baton.console.api.AccountStore;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Console accounts in Baton's database. Password hashes are stored as the console made them. */
public final class SqliteAccounts implements AccountStore {

    private static final String COLUMNS = "username, password_hash, role, created_at, password_set_at";

    private final Database database;

    public SqliteAccounts(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Account> find(String username) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM console_accounts"
                    + " WHERE username = ?")) {
                s.setString(1, username);
                return accounts(s).stream().findFirst();
            }
        });
    }

    @Override
    public List<Account> all() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM console_accounts"
                    + " ORDER BY username")) {
                return accounts(s);
            }
        });
    }

    @Override
    public void save(Account account) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_accounts (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET"
                    + " password_hash = excluded.password_hash, role = excluded.role,"
                    + " created_at = excluded.created_at, password_set_at = excluded.password_set_at")) {
                s.setString(1, account.username());
                s.setString(2, account.passwordHash());
                s.setString(3, account.role().name().toLowerCase(Locale.ROOT));
                s.setLong(4, account.createdAt().toEpochMilli());
                s.setLong(5, account.passwordSetAt().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String username) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_accounts WHERE username = ?")) {
                s.setString(1, username);
                return s.executeUpdate();
            }
        });
    }

    private static List<Account> accounts(PreparedStatement s) throws SQLException {
        List<Account> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new Account(rs.getString(1), rs.getString(2),
                        Account.Role.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return found;
    }
}
