package dev.baton.browser;

import dev.baton.browser.ConsoleClient.Arrival;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How fast a handoff reaches a person watching the console, and how heavy the console is. Prints
 * numbers; asserts nothing about them (see docs/benchmarks.md). Run with
 * {@code mvn -B -q -o -pl bot -am test -Dbaton.excludedGroups= -Dtest=ConsoleLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Latency is from the moment the fake Discord dispatches the customer's message on the gateway
 * to (a) the {@code created} event read off {@code /api/events} by an HTTP client, and (b) the row
 * appearing in the DOM of a queue page open in chromium (a MutationObserver stamps it).
 */
@Tag("benchmark")
class ConsoleLatencyBenchmark {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 200;
    private static final int PAGE_LOADS = 10;
    private static final String[] ANGRY = {
        "I was charged twice this month and nobody answers. This is a scam!",
        "This is ridiculous, my print failed three times and I'm furious",
        "Worst support ever, I want my money back right now",
        "I'm so angry, the update bricked my printer and no one cares",
    };

    @Test
    void handoffToConsoleLatencyAndPageWeight() throws Exception {
        Path dir = Files.createTempDirectory("baton-console-bench");
        try (LiveBaton baton = new LiveBaton(dir); Chromium chromium = Chromium.start()) {
            ChromeDriver browser = chromium.driver();
            ConsoleClient client = ConsoleClient.logIn(baton.consoleUrl(), "admin", LiveBaton.ADMIN_PASSWORD);
            BlockingQueue<Arrival> events = client.events();
            logIn(browser, baton.consoleUrl());
            browser.executeScript("""
                    window.__seen = {};
                    new MutationObserver(() => {
                      const at = performance.timeOrigin + performance.now();
                      for (const row of document.querySelectorAll('tr[data-handoff-id]')) {
                        const id = row.dataset.handoffId;
                        if (!(id in window.__seen)) window.__seen[id] = at;
                      }
                    }).observe(document.getElementById('queue-body'), {childList: true, subtree: true});
                    """);

            List<Double> wire = new ArrayList<>();
            List<Double> page = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long customer = baton.fake.addMember("customer" + i);
                long message = baton.fake.sendMessage(baton.support, customer, ANGRY[i % ANGRY.length] + " (#" + i + ")");
                Arrival created = nextCreated(events);
                long dispatched = baton.fake.dispatchNanos(message);
                double dispatchedEpochMs = System.currentTimeMillis() - (System.nanoTime() - dispatched) / 1e6;
                double seenEpochMs = waitForRow(browser, created.handoffId());
                if (i >= WARM_UP) {
                    wire.add((created.nanos() - dispatched) / 1e6);
                    page.add(seenEpochMs - dispatchedEpochMs);
                }
            }
            System.out.printf("%nhandoff → console, %d handoffs after %d warm-up (ms)%n", MEASURED, WARM_UP);
            System.out.printf("  %-34s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f%n", "SSE event read by HTTP client",
                    pct(wire, 50), pct(wire, 90), pct(wire, 99), pct(wire, 100));
            System.out.printf("  %-34s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f%n", "row in the open queue page (DOM)",
                    pct(page, 50), pct(page, 90), pct(page, 99), pct(page, 100));

            long someHandoff = client.get("/api/queue").get("entries").get(0).get("id").asLong();
            System.out.printf("%npage weight and time to interactive, median of %d loads (queue holds %d handoffs)%n",
                    PAGE_LOADS, WARM_UP + MEASURED);
            measurePage(browser, baton.consoleUrl() + "/", "baton:queue-shown");
            measurePage(browser, baton.consoleUrl() + "/handoffs/" + someHandoff, "baton:handoff-shown");
            measurePage(browser, baton.consoleUrl() + "/playground", null);
        }
    }

    private static Arrival nextCreated(BlockingQueue<Arrival> events) throws InterruptedException {
        while (true) {
            Arrival arrival = events.poll(10, TimeUnit.SECONDS);
            if (arrival == null) {
                throw new AssertionError("no created event within 10 s");
            }
            if (arrival.kind().equals("created")) {
                return arrival;
            }
        }
    }

    private static double waitForRow(ChromeDriver browser, long handoffId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Object seen = browser.executeScript("return window.__seen[arguments[0]] ?? null;", String.valueOf(handoffId));
            if (seen != null) {
                return ((Number) seen).doubleValue();
            }
            Thread.sleep(2);
        }
        throw new AssertionError("handoff " + handoffId + " never showed in the open queue page");
    }

    @SuppressWarnings("unchecked")
    private static void measurePage(ChromeDriver browser, String url, String shownMark) {
        List<Double> interactive = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        long bytes = 0;
        long transferred = 0;
        int requests = 0;
        for (int i = 0; i < PAGE_LOADS; i++) {
            browser.get(url);
            if (shownMark != null) {
                new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> (Boolean) browser.executeScript(
                        "return performance.getEntriesByName(arguments[0]).length > 0;", shownMark));
            }
            Map<String, Object> m = (Map<String, Object>) browser.executeScript("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    const resources = performance.getEntriesByType('resource');
                    const mark = arguments[0] ? performance.getEntriesByName(arguments[0])[0] : null;
                    return {
                      interactive: nav.domInteractive,
                      shown: mark ? mark.startTime : nav.loadEventEnd,
                      bytes: nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0),
                      transferred: nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0),
                      requests: 1 + resources.length
                    };""", shownMark);
            interactive.add(((Number) m.get("interactive")).doubleValue());
            shown.add(((Number) m.get("shown")).doubleValue());
            bytes = ((Number) m.get("bytes")).longValue();
            transferred = ((Number) m.get("transferred")).longValue();
            requests = ((Number) m.get("requests")).intValue();
        }
        String path = url.replaceFirst("^https?://[^/]+", "");
        System.out.printf("  %-22s %3d requests, %7d bytes (%7d on the wire), DOM interactive %6.1f ms, %s %6.1f ms%n",
                path, requests, bytes, transferred, pct(interactive, 50),
                shownMark == null ? "loaded" : "data shown", pct(shown, 50));
    }

    private static void logIn(ChromeDriver browser, String base) {
        browser.get(base + "/login");
        WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(10));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-username"))).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys(LiveBaton.ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-body")));
        wait.until(ExpectedConditions.attributeContains(By.id("live-status"), "class", "on"));
    }

    private static double pct(List<Double> values, int percentile) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
