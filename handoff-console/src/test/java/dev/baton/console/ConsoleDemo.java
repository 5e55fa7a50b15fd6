package dev.baton.console;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console over {@link FakeConsoleBackend}, on a fixed port, to look at by hand or with a browser.
 * Logins: {@code carol} (manager) and {@code alice} (agent), password {@value ConsoleFixture#PASSWORD}.
 *
 * <pre>
 * mvn -B -q -o -pl handoff-console test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/console-cp.txt -Dmdep.includeScope=test
 * java -cp handoff-console/target/classes:handoff-console/target/test-classes:$(cat /tmp/console-cp.txt) \
 *     dev.baton.console.ConsoleDemo [port] [--live] [--fresh]
 * </pre>
 *
 * With {@code --fresh} there is no account yet: the first-start setup link is printed.
 * With {@code --refused}, an edit of {@code rules.yaml} on disk was just refused, so the rules pages and
 * the queue show the banner.
 * With {@code --live}, a new handoff arrives every 40 seconds and a customer writes every 25, so the
 * live updates can be watched.
 */
public final class ConsoleDemo {

    private ConsoleDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        boolean live = false;
        boolean fresh = false;
        boolean refused = false;
        for (String arg : args) {
            if (arg.equals("--live")) {
                live = true;
            } else if (arg.equals("--refused")) {
                refused = true;
            } else if (arg.equals("--fresh")) {
                fresh = true;
            } else {
                port = Integer.parseInt(arg);
            }
        }
        ConsoleFixture.Builder builder = ConsoleFixture.builder().port(port);
        ConsoleFixture fixture = (fresh ? builder.noAccounts() : builder).start();
        if (refused) {
            fixture.backend.rules().rejectFromDisk("rules.yaml", FakeRulesBackend.RULES_YAML
                    .replace("then: { team: billing, priority: normal }", "then: { team: biling, priority: normal }")
                    .replace("default:", "fallback:"));
        }
        System.out.println("Baton console demo on " + fixture.baseUrl());
        fixture.console.firstSetupLink().ifPresentOrElse(
                link -> System.out.println("  first start: " + link),
                () -> {
                    System.out.println("  manager: carol / " + ConsoleFixture.PASSWORD);
                    System.out.println("  agent:   alice / " + ConsoleFixture.PASSWORD);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(fixture::close));
        if (live) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger(100);
            timer.scheduleAtFixedRate(() -> {
                int id = next.incrementAndGet();
                fixture.backend.add(fixture.backend.newStory(id, "Walk-in " + id, id % 2 == 0 ? "anxiety" : "frustration",
                        Instant.now(), "Hello? I have been waiting for a while now.")
                        .summary("A new customer arrived while you watched.")
                        .cue(id % 2 == 0 ? "anxiety" : "frustration", 0.7, true, 0, "waiting for a while"));
            }, 40, 40, TimeUnit.SECONDS);
            timer.scheduleAtFixedRate(() -> fixture.backend.customerWrites(1, "Still waiting for an answer here."),
                    25, 25, TimeUnit.SECONDS);
        }
        Thread.currentThread().join();
    }
}
