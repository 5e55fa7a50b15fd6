package dev.baton.console.web;

import dev.baton.console.api.StaffDirectory;
import dev.baton.console.api.StaffMember;
import java.util.List;
import java.util.Optional;

/** The people who may hold console accounts: the roster, plus {@code admin}, the first manager. */
public final class AccountRoster {

    public static final String ADMIN = "admin";

    private final StaffDirectory directory;

    public AccountRoster(StaffDirectory directory) {
        this.directory = directory;
    }

    public List<StaffMember> staff() {
        return directory.staff();
    }

    public Optional<StaffMember> find(String id) {
        return directory.staff().stream().filter(m -> m.id().equals(id)).findFirst();
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
