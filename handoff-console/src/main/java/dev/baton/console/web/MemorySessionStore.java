package dev.baton.console.web;

import dev.baton.console.api.SessionStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in this process only: for a console on its own (tests, tools), gone when it stops. */
public final class MemorySessionStore implements SessionStore {

    private final Map<String, Stored> byDigest = new ConcurrentHashMap<>();

    @Override
    public void put(Stored session) {
        byDigest.put(session.digest(), session);
    }

    @Override
    public Optional<Stored> find(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    @Override
    public void touch(String digest, Instant at) {
        byDigest.computeIfPresent(digest, (d, s) -> new Stored(d, s.username(), s.csrfToken(), s.createdAt(), at));
    }

    @Override
    public void remove(String digest) {
        byDigest.remove(digest);
    }

    @Override
    public void removeUser(String username, String keepDigest) {
        byDigest.values().removeIf(s -> s.username().equals(username) && !s.digest().equals(keepDigest));
    }

    @Override
    public void removeExpired(Instant usedBefore, Instant createdBefore) {
        byDigest.values().removeIf(s -> s.lastUsed().isBefore(usedBefore)
                || (createdBefore != null && s.createdAt().isBefore(createdBefore)));
    }

    @Override
    public int size() {
        return byDigest.size();
    }
}
