package dev.baton.console.web;

import dev.baton.console.api.ConsoleEvent;
import dev.baton.console.api.ConsoleEventSource;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events}: server-sent events, one per backend change, named after
 * {@link ConsoleEvent#kind()} with {@code {"kind", "handoffId"}} as data. The pages re-fetch what they
 * show when an event arrives. Sending happens on the console's own threads, so Baton's threads never
 * wait on a slow browser; a keep-alive comment goes out periodically, and a stream whose session has
 * ended, or whose browser has gone, is closed and unsubscribed.
 *
 * <p>Writes to one stream are serialised on its client: Jetty refuses a write while another is still
 * blocked on the same response (the "connected" comment from the request thread, an event and a
 * keep-alive from the two sender threads could otherwise meet), and the refused event was lost.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final ConsoleEventSource source;
    private final Sessions sessions;
    private record Stream(AutoCloseable subscription, String sessionId) {
    }

    private final Map<SseClient, Stream> clients = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newFixedThreadPool(2, daemon("console-sse"));
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("console-sse-keepalive"));

    public EventStream(ConsoleEventSource source, Sessions sessions, long keepAliveSeconds) {
        this.source = source;
        this.sessions = sessions;
        keepAlive.scheduleAtFixedRate(this::keepAlive, keepAliveSeconds, keepAliveSeconds, TimeUnit.SECONDS);
    }

    public void open(SseClient client) {
        Caller caller = Caller.of(client.ctx());
        String sessionId = caller.session().id();
        client.keepAlive();
        AutoCloseable subscription = source.subscribe(event -> sender.execute(() -> send(client, sessionId, event)));
        clients.put(client, new Stream(subscription, sessionId));
        client.onClose(() -> unsubscribe(client));
        // Tells the browser (and tests) that the subscription is in place.
        synchronized (client) {
            client.sendComment("connected");
        }
    }

    /** How many streams are open (for tests). */
    public int openStreams() {
        return clients.size();
    }

    private void send(SseClient client, String sessionId, ConsoleEvent event) {
        if (client.terminated()) {
            unsubscribe(client);
            return;
        }
        if (!sessions.isLive(sessionId)) {
            client.close();
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", event.kind());
        data.put("handoffId", event.handoffId());
        synchronized (client) {
            client.sendEvent(event.kind(), Json.write(data));
        }
    }

    private void keepAlive() {
        clients.forEach((client, stream) -> sender.execute(() -> {
            if (client.terminated()) {
                unsubscribe(client);
            } else if (!sessions.isLive(stream.sessionId())) {
                client.close();
            } else {
                synchronized (client) {
                    client.sendComment("keep-alive");
                }
            }
        }));
    }

    private void unsubscribe(SseClient client) {
        Stream stream = clients.remove(client);
        if (stream != null) {
            try {
                stream.subscription().close();
            } catch (Exception e) {
                LOG.warn("closing an event subscription failed", e);
            }
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        for (SseClient client : clients.keySet()) {
            unsubscribe(client);
            client.close();
        }
        sender.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
