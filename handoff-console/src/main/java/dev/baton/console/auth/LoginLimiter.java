package dev.baton.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins in a sliding window and says when the next attempt may be made. Nobody can
 * lock someone else's account:
 *
 * <ul>
 *   <li>per (user name, address): {@code pairFailures} failures inside the window stop that address
 *       guessing that user's password until the oldest failure leaves the window;</li>
 *   <li>per address: {@code addressFailures} failures (for any user names) stop that address;</li>
 *   <li>per user name: once it has {@code pairFailures} failures from anywhere, attempts for it from an
 *       address that itself failed inside the window are spaced {@code userSpacing} apart. This slows
 *       guessing from many addresses down, and never touches an address with no failures, so the
 *       right password from a clean address is always let through.</li>
 * </ul>
 */
public final class LoginLimiter {

    private static final int MAX_KEYS = 10_000;
    private static final int MAX_USER_FAILURES = 1_000;

    private final Clock clock;
    private final int pairFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration userSpacing;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginLimiter(Clock clock, int pairFailures, int addressFailures, Duration window, Duration userSpacing) {
        if (pairFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero() || userSpacing.isNegative()) {
            throw new IllegalArgumentException("failure counts must be >= 1 and the window positive");
        }
        this.clock = clock;
        this.pairFailures = pairFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.userSpacing = userSpacing;
    }

    /** How long until an attempt for this user from this address is allowed; empty when allowed now. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(pairKey(username, address), pairFailures, now),
                waitFor(addressKey(address), addressFailures, now));
        wait = max(wait, userSlowdown(username, address, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            prune(now);
        }
        add(pairKey(username, address), pairFailures, now);
        add(addressKey(address), addressFailures, now);
        add(userKey(username), MAX_USER_FAILURES, now);
    }

    /**
     * A successful login forgets this address's failures for the user, not the address's failures
     * overall nor the user's failures from elsewhere.
     */
    public void succeeded(String username, String address) {
        failures.remove(pairKey(username, address));
    }

    private Duration userSlowdown(String username, String address, Instant now) {
        if (count(addressKey(address), now) == 0) {
            return Duration.ZERO;
        }
        Deque<Instant> times = failures.get(userKey(username));
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            dropOld(times, now);
            if (times.size() < pairFailures) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, times.peekLast().plus(userSpacing));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    private void add(String key, int keep, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            dropOld(times, now);
            times.addLast(now);
            while (times.size() > keep) {
                times.removeFirst();
            }
        }
    }

    private int count(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            dropOld(times, now);
            return times.size();
        }
    }

    private Duration waitFor(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            dropOld(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    private void dropOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void prune(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                dropOld(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String user(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String userKey(String username) {
        return "user:" + user(username);
    }

    private static String pairKey(String username, String address) {
        return "pair:" + address + "|" + user(username);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
