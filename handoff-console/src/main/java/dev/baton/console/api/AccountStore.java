package dev.baton.console.api;

import java.util.List;
import java.util.Optional;

/** Where console accounts are kept; the bot keeps them in its database. */
public interface AccountStore {

    Optional<Account> find(String username);

    List<Account> all();

    /** Inserts or replaces the account with this user name. */
    void save(Account account);

    void delete(String username);
}
