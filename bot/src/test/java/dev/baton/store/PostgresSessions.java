package dev.baton.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What tests do to a PostgreSQL connection from outside, as an operator or a failure would. */
public final class PostgresSessions {

    private PostgresSessions() {
    }

    /** Ends the server process {@code pid} ({@code pg_terminate_backend}), as a restart or a kill would. */
    public static void terminate(int pid) {
        try (Connection c = DriverManager.getConnection(TestDatabases.server().orElseThrow());
             PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end PostgreSQL process " + pid + ": " + e.getMessage(), e);
        }
    }
}
