package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.desk.TestClock;
import dev.baton.metrics.BatonMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class LanesTest {

    private static final Duration ACK = Duration.ofSeconds(2);

    @Test
    void eachLaneRunsInArrivalOrderWhileManyLanesShareThePool() throws Exception {
        int laneCount = 40;
        int perLane = 150;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        try (Lanes lanes = new Lanes(4, ACK, BatonMetrics.standalone(), Clock.systemUTC())) {
            List<Thread> submitters = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                int submitter = s;
                Thread thread = new Thread(() -> {
                    // Each lane has one submitter, as each Discord channel has one event order.
                    for (int i = 0; i < perLane; i++) {
                        for (int lane = submitter; lane < laneCount; lane += 4) {
                            String key = "lane-" + lane;
                            int n = i;
                            lanes.submit(key, () -> seen.computeIfAbsent(key, k -> Collections.synchronizedList(
                                    new ArrayList<>())).add(n), Lanes.NONE);
                        }
                    }
                });
                thread.start();
                submitters.add(thread);
            }
            for (Thread submitter : submitters) {
                submitter.join();
            }
            waitUntil(() -> lanes.busyLanes() == 0);
            assertEquals(0, lanes.backlog());
        }
        assertEquals(laneCount, seen.size());
        for (List<Integer> order : seen.values()) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < perLane; i++) {
                expected.add(i);
            }
            assertEquals(expected, order, "one lane's work ran out of order, lost or twice");
        }
    }

    @Test
    void differentLanesRunAtTheSameTime() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        AtomicInteger met = new AtomicInteger();
        try (Lanes lanes = new Lanes(2, ACK, BatonMetrics.standalone(), Clock.systemUTC())) {
            for (String lane : List.of("a", "b")) {
                // Each waits for the other: only passes if the two lanes overlap.
                lanes.submit(lane, () -> {
                    try {
                        both.await(5, TimeUnit.SECONDS);
                        met.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, Lanes.NONE);
            }
            waitUntil(() -> met.get() == 2);
        }
    }

    @Test
    void idleLanesAreForgotten() throws Exception {
        try (Lanes lanes = new Lanes(2, ACK, BatonMetrics.standalone(), Clock.systemUTC())) {
            for (int i = 0; i < 500; i++) {
                lanes.submit("customer-" + i, () -> { }, Lanes.NONE);
            }
            waitUntil(() -> lanes.busyLanes() == 0);
        }
    }

    @Test
    void closingLetsQueuedWorkFinishThenTakesNoMore() throws Exception {
        AtomicInteger done = new AtomicInteger();
        Lanes lanes = new Lanes(2, ACK, BatonMetrics.standalone(), Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            lanes.submit("lane-" + (i % 3), () -> {
                sleep(10);
                done.incrementAndGet();
            }, Lanes.NONE);
        }
        lanes.close(Duration.ofSeconds(10));
        assertEquals(20, done.get(), "close must drain what was queued");
        lanes.submit("late", done::incrementAndGet, Lanes.NONE);
        sleep(50);
        assertEquals(20, done.get());
    }

    @Test
    void aWaitingCustomerSeesTypingThenOneMomentOnceWhileNothingIsDropped() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T06:00:00Z"));
        BatonMetrics metrics = BatonMetrics.standalone();
        CountDownLatch release = new CountDownLatch(1);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        try (Lanes lanes = new Lanes(2, ACK, metrics, clock)) {
            for (String busy : List.of("busy-1", "busy-2")) { // both threads taken
                lanes.submit(busy, () -> await(release), Lanes.NONE);
            }
            waitUntil(() -> lanes.backlog() == 0);
            Lanes.Acknowledgement recording = new Lanes.Acknowledgement() {
                @Override
                public void typing() {
                    told.add("typing");
                }

                @Override
                public void oneMoment() {
                    told.add("one moment");
                }
            };
            lanes.submit("waiting", answered::incrementAndGet, recording);
            lanes.submit("waiting", answered::incrementAndGet, recording);
            assertEquals(2, lanes.backlog());
            assertTrue(metrics.scrape().contains("baton_backlog 2.0"), metrics.scrape());

            lanes.acknowledgeLate();
            assertEquals(List.of(), told, "not yet: it has not waited");
            clock.advance(Duration.ofSeconds(1));
            lanes.acknowledgeLate();
            waitUntil(() -> told.size() == 1);
            assertEquals(List.of("typing"), told);
            clock.advance(Duration.ofSeconds(1));
            lanes.acknowledgeLate();
            waitUntil(() -> told.size() == 2);
            clock.advance(Duration.ofSeconds(5));
            lanes.acknowledgeLate();
            assertEquals(List.of("typing", "one moment"), told, "once per busy spell, not once per tick");

            release.countDown();
            waitUntil(() -> answered.get() == 2);
            waitUntil(() -> lanes.busyLanes() == 0);
            assertTrue(metrics.scrape().contains("baton_lane_wait_seconds_count 4"), metrics.scrape());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting");
            Thread.sleep(5);
        }
    }
}
