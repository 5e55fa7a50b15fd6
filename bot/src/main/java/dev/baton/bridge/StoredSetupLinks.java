package dev.baton.bridge;

import dev.baton.console.api.SetupLinkStore;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The console's one-time setup links in Baton's database (table {@code console_setup_links}). */
public final class StoredSetupLinks implements SetupLinkStore {

    private final Database database;

    public StoredSetupLinks(Database database) {
        this.database = database;
    }

    @Override
    public void replaceFor(Stored link) {
        database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_setup_links WHERE username = ?")) {
                s.setString(1, link.username());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_setup_links (digest, username,"
                    + " expires_at) VALUES (?, ?, ?)")) {
                s.setString(1, link.digest());
                s.setString(2, link.username());
                s.setLong(3, link.expiresAt().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Stored> find(String digest) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username, expires_at FROM console_setup_links"
                    + " WHERE digest = ?")) {
                s.setString(1, digest);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(digest, rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)))) : Optional.<Stored>empty();
                }
            }
        });
    }

    @Override
    public boolean take(String digest) {
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_setup_links WHERE digest = ?")) {
                s.setString(1, digest);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Stored> all() {
        return database.read(c -> {
            List<Stored> links = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT digest, username, expires_at FROM console_setup_links");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    links.add(new Stored(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return links;
        });
    }

    @Override
    public void removeFor(String username) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_setup_links WHERE username = ?")) {
                s.setString(1, username);
                return s.executeUpdate();
            }
        });
    }
}
