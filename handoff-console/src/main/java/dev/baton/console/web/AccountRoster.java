package dev.baton.console.web;

import dev.baton.console.ConsoleBackend;
import dev.baton.console.StaffMember;
import java.util.List;
import java.util.Optional;

/** The people who may hold console accounts: the roster, plus {@code admin}, the first manager. */
public final class AccountRoster {

    public static final String ADMIN = "admin";

    private final ConsoleBackend backend;

    public AccountRoster(ConsoleBackend backend) {
        this.backend = backend;
    }

    public List<StaffMember> staff() {
        return backend.staff();
    }

    public Optional<StaffMember> find(String id) {
        return backend.staff().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Whether an account may exist for this user name. */
    public boolean mayHoldAccount(String username) {
        return ADMIN.equals(username) || find(username).isPresent();
    }

    /** The person's name for display: their roster name, {@code Admin}, or the user name itself. */
    public String nameOf(String username) {
        if (ADMIN.equals(username)) {
            return find(username).map(StaffMember::name).orElse("Admin");
        }
        return find(username).map(StaffMember::name).orElse(username);
    }
}
