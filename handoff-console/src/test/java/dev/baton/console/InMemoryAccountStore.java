package dev.baton.console;

import dev.baton.console.api.Account;
import dev.baton.console.api.AccountStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts kept in a map, for tests and the demo. */
public final class InMemoryAccountStore implements AccountStore {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public Optional<Account> find(String username) {
        return Optional.ofNullable(username == null ? null : accounts.get(username));
    }

    @Override
    public List<Account> all() {
        List<Account> list = new ArrayList<>(accounts.values());
        list.sort(Comparator.comparing(Account::username));
        return list;
    }

    @Override
    public void save(Account account) {
        accounts.put(account.username(), account);
    }

    @Override
    public void delete(String username) {
        accounts.remove(username);
    }
}
