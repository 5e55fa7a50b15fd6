package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.AccessLog;
import dev.baton.console.web.TrustedProxies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code BATON_ACCESS_LOG_DAYS}: the access log is trimmed at start and by the daily run. */
class AccessLogRetentionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

    private AccessLog.Entry daysAgo(int days, String what) {
        return new AccessLog.Entry(clock.instant().minus(Duration.ofDays(days)), "alice", what, null, "127.0.0.1");
    }

    @Test
    void rowsOlderThanTheRetentionAreGoneOnceTheConsoleStarts() {
        InMemoryAccessLog log = new InMemoryAccessLog();
        log.record(daysAgo(200, "very old"));
        log.record(daysAgo(91, "just too old"));
        log.record(daysAgo(89, "kept"));
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).accessLog(log).start()) {
            assertEquals(List.of("kept"), console.accessLog.all().stream().map(AccessLog.Entry::what).toList());
        }
    }

    @Test
    void theDailyRunKeepsTheConfiguredNumberOfDays() {
        InMemoryAccessLog log = new InMemoryAccessLog();
        log.record(daysAgo(8, "old"));
        log.record(daysAgo(6, "recent"));
        ConsoleSettings settings = new ConsoleSettings("127.0.0.1", 0, Optional.empty(), Optional.empty(),
                Optional.empty(), clock, TrustedProxies.none(), 7);
        HandoffConsole.trimAccessLog(log, settings);
        assertEquals(List.of("recent"), log.all().stream().map(AccessLog.Entry::what).toList());
        clock.advance(Duration.ofDays(2));
        HandoffConsole.trimAccessLog(log, settings);
        assertEquals(List.of(), log.all());
    }
}
