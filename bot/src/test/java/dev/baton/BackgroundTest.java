package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void theWorkRunsOnADaemonThreadOfItsOwnAndItsResultIsWaitedFor() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Background<String> work = Background.start("test-work", () -> {
            ranOn.set(Thread.currentThread());
            release.await();
            return "done";
        });

        release.countDown();

        assertEquals("done", work.get());
        assertEquals("test-work", ranOn.get().getName());
        assertTrue(ranOn.get().isDaemon(), "it must never hold the JVM up");
    }

    @Test
    void whatTheWorkThrowsIsThrownToWhoeverWaitsAsItWas() {
        IllegalArgumentException thrown = new IllegalArgumentException("BATON_ADMIN_PASSWORD: too short");
        Background<Void> work = Background.start("test-work", () -> {
            throw thrown;
        });

        assertSame(thrown, assertThrows(IllegalArgumentException.class, work::get));
    }

    @Test
    void aCheckedExceptionComesBackAsItsCause() {
        IOException thrown = new IOException("cannot read");
        Background<Void> work = Background.start("test-work", () -> {
            throw thrown;
        });

        assertSame(thrown, assertThrows(IllegalStateException.class, work::get).getCause());
    }

    @Test
    void awaitingTheEndOfFailedWorkDoesNotThrow() {
        Background<Void> work = Background.start("test-work", () -> {
            throw new IllegalStateException("failed");
        });

        work.awaitEnd();
    }
}
