package dev.baton.cli;

import dev.baton.Baton;
import dev.baton.Settings;
import dev.baton.Wiring;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Runs Baton until the process is told to stop (Ctrl-C, SIGTERM from Docker or systemd). */
final class RunCommand {

    private RunCommand() {
    }

    static int run(Settings settings, Wiring wiring) throws InterruptedException {
        Baton baton = Baton.start(settings, wiring, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            baton.close();
            stopped.countDown();
        }, "baton-shutdown"));
        stopped.await();
        return 0;
    }
}
