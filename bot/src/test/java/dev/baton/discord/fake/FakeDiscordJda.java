package dev.baton.discord.fake;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** Builds real JDA clients pointed at a {@link FakeDiscord}, and starts and stops them quickly. */
public final class FakeDiscordJda {

    public static final String TOKEN = "fake-token";

    /** What a support bot asks for when a test names no intents. */
    public static final Set<GatewayIntent> DEFAULT_INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private FakeDiscordJda() {}

    /**
     * A light JDA builder (no member cache or chunking) aimed at the fake: REST base URL, gateway URL
     * through a session controller of its own, plain-text frames. No intents given means
     * {@link #DEFAULT_INTENTS}.
     */
    public static JDABuilder jdaBuilder(FakeDiscord fake, GatewayIntent... intents) {
        Set<GatewayIntent> chosen = intents.length == 0 ? DEFAULT_INTENTS : EnumSet.copyOf(Arrays.asList(intents));
        return JDABuilder.createLight(TOKEN, chosen)
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                // JDABuilder never asks REST for the gateway; it asks the session controller. One per
                // JDA: a shared one spaces IDENTIFYs 5 s apart.
                .setSessionController(new FakeGatewayController(fake.gatewayUrl()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false);
    }

    /**
     * Builds and waits for READY with a short timeout. JDA's own {@code awaitReady()} waits 75 s when a
     * payload fails to parse (the error is only logged), so this waits on its own ReadyEvent latch.
     */
    public static JDA buildAndAwaitReady(JDABuilder builder) {
        CountDownLatch ready = new CountDownLatch(1);
        EventListener readyListener = new EventListener() {
            @Override
            public void onEvent(GenericEvent event) {
                if (event instanceof ReadyEvent) {
                    ready.countDown();
                }
            }
        };
        JDA jda = builder.addEventListeners(readyListener).build();
        try {
            if (!ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                shutdown(jda);
                throw new AssertionError("JDA was not READY within " + READY_TIMEOUT + " (status " + jda.getStatus()
                        + "); look for payload parse errors in the log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for READY", e);
        } finally {
            jda.removeEventListener(readyListener);
        }
        if (jda.getGuildById(FakeDiscord.GUILD_ID) == null) {
            shutdown(jda);
            throw new AssertionError("READY, but the fake guild is not cached: GUILD_CREATE did not parse");
        }
        return jda;
    }

    /** The usual case: a JDA on the fake with these listeners, READY. */
    public static JDA connect(FakeDiscord fake, Object listener, GatewayIntent... intents) {
        return buildAndAwaitReady(jdaBuilder(fake, intents).addEventListeners(listener));
    }

    /** Stops JDA at once and waits for it, so it is gone before the fake closes and it would reconnect. */
    public static void shutdown(JDA jda) {
        jda.shutdownNow();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                System.err.println("[fake-discord] JDA did not shut down within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class FakeGatewayController extends ConcurrentSessionController {
        private final String gatewayUrl;

        FakeGatewayController(String gatewayUrl) {
            this.gatewayUrl = gatewayUrl;
        }

        @Override
        public String getGateway() {
            return gatewayUrl;
        }
    }
}
