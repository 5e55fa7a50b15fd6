package dev.baton.console.web;

import dev.baton.console.api.SetupLinkStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Setup links in this process only: for a console on its own (tests, tools). */
public final class MemorySetupLinkStore implements SetupLinkStore {

    private final Map<String, Stored> byDigest = new ConcurrentHashMap<>();

    @Override
    public synchronized void replaceFor(Stored link) {
        removeFor(link.username());
        byDigest.put(link.digest(), link);
    }

    @Override
    public Optional<Stored> find(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    @Override
    public boolean take(String digest) {
        return byDigest.remove(digest) != null;
    }

    @Override
    public List<Stored> all() {
        return List.copyOf(byDigest.values());
    }

    @Override
    public synchronized void removeFor(String username) {
        byDigest.values().removeIf(l -> l.username().equals(username));
    }
}
