package dev.baton.discord;

import dev.baton.discord.RelayCodec.Answer;
import dev.baton.discord.RelayCodec.Message;
import dev.baton.discord.RelayCodec.Request;
import dev.baton.fanout.PostgresWire;
import dev.baton.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the Baton that holds a conversation's shard to post in it, over PostgreSQL, and waits for its answer.
 *
 * <p>Every Baton on the schema listens on the relay channel. A request names the conversation by id; each
 * instance re-reads it and asks its {@link Holder} to post, which does so only when this instance holds the shard
 * (a lease held and connected): leases never let two instances hold one shard, so one at most answers, and the
 * others stay silent. A request heard twice is posted once: its id is remembered for {@link #REMEMBER}.
 *
 * <p>The asker waits {@link #WAIT} at most. No answer means nobody holds the shard now (its holder died and the
 * lease has not been taken over yet, or the holder cannot reach PostgreSQL): the caller reports it unposted.
 */
public final class Relay implements AutoCloseable {

    /**
     * How long an asker waits: more than one Discord call's timeout on the holder (10 s), so an answer that
     * comes is not thrown away, and short enough for a console request.
     */
    public static final Duration WAIT = Duration.ofSeconds(15);
    /** A duplicate delivery comes within moments; a minute is generous and keeps the memory small. */
    static final Duration REMEMBER = Duration.ofMinutes(1);
    public static final String NO_HOLDER =
            "no Baton holds this server's shard right now (a takeover is under way?)";

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** Posting waits on Discord (seconds at worst); a few at once keeps one slow post from holding others. */
    private static final int POSTERS = 4;

    /** Posts a request here when this instance holds the conversation's shard; empty when it does not. */
    public interface Holder {
        Optional<Answer> postIfHeld(Request request);
    }

    /** The holder's answer, or why there is none, in words. */
    public record Outcome(Answer answer, String unanswered) {
        public boolean answered() {
            return answer != null;
        }
    }

    private final PostgresWire wire;
    private final String instance;
    private final Clock clock;
    private final Duration wait;
    private final Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
    /** Request ids heard, oldest first, with when: a repeat within {@link #REMEMBER} is ignored. */
    private final LinkedHashMap<String, Instant> heard = new LinkedHashMap<>();
    private final ExecutorService posting = new ThreadPoolExecutor(POSTERS, POSTERS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "baton-relay-post");
                thread.setDaemon(true);
                return thread;
            });
    private volatile Holder holder;

    /** @param instance this Baton's id, unique among the instances (its own requests are not served here) */
    public Relay(PostgresWire wire, String instance, Clock clock, Duration wait) {
        this.wire = wire;
        this.instance = instance;
        this.clock = clock;
        this.wait = wait;
        ((ThreadPoolExecutor) posting).allowCoreThreadTimeOut(true);
    }

    /** Starts listening: from now on requests for shards that {@code holder} holds are posted here. */
    public void serve(Holder holder) {
        this.holder = holder;
        wire.start(this::heard);
    }

    /** The wire's listening connection, while listening (tests wait for it). */
    public boolean listening() {
        return wire.listeningPid().isPresent();
    }

    /**
     * Asks the holder to post and waits for its answer. {@code request}'s id and sender are set here.
     */
    public Outcome ask(Request request) {
        String id = UUID.randomUUID().toString();
        Request sent = new Request(id, instance, request.kind(), request.conversationId(), request.personId(),
                request.personName(), request.personDiscordId(), request.text(), request.roleId(), request.forStaff(),
                request.handoffId());
        String payload = RelayCodec.encode(sent);
        int bytes = RelayCodec.bytes(payload);
        if (bytes > PostgresWire.MAX_BYTES) {
            return new Outcome(null, "it is too long to hand to the Baton holding this server's shard (" + bytes
                    + " bytes; PostgreSQL's notices carry under 8000)");
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            wire.send(payload);
            return new Outcome(answer.get(wait.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (StoreException e) {
            return new Outcome(null, "this Baton could not reach PostgreSQL to ask the Baton holding this server's"
                    + " shard (" + e.getMessage() + ")");
        } catch (TimeoutException e) {
            LOG.warn("no Baton answered a {} request for conversation {} within {} ms", request.kind().wire(),
                    request.conversationId(), wait.toMillis());
            return new Outcome(null, NO_HOLDER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "this Baton was stopping while it waited for the Baton holding the shard");
        } catch (ExecutionException e) {
            return new Outcome(null, String.valueOf(e.getCause()));
        } finally {
            waiting.remove(id);
        }
    }

    /** On the listening thread: answers are handed to their asker, requests posted on a thread of their own. */
    private void heard(String payload) {
        Optional<Message> message = RelayCodec.decode(payload);
        if (message.isEmpty()) {
            LOG.warn("ignored a payload on {} that is not Baton's: {}", wire.channel(), payload);
            return;
        }
        if (message.get() instanceof Answer answer) {
            CompletableFuture<Answer> asker = waiting.get(answer.id());
            if (asker != null) {
                asker.complete(answer);
            }
            return;
        }
        Request request = (Request) message.get();
        if (request.from().equals(instance) || !firstTime(request.id())) {
            return; // its own request (it does not hold the shard), or one heard already
        }
        Holder current = holder;
        if (current != null) {
            posting.execute(() -> serveOne(current, request));
        }
    }

    private void serveOne(Holder current, Request request) {
        Optional<Answer> answer;
        try {
            answer = current.postIfHeld(request);
        } catch (RuntimeException e) {
            // Only the holder gets this far past the check, so it answers: the asker learns why at once.
            LOG.warn("posting a relayed {} for conversation {} failed", request.kind().wire(), request.conversationId(), e);
            answer = Optional.of(new Answer(request.id(), false, null, null, null, null,
                    "not posted: the Baton holding the shard failed (" + e.getMessage() + ")"));
        }
        answer.ifPresent(a -> {
            Answer tagged = new Answer(request.id(), a.delivered(), a.via(), a.discordId(), a.channelId(), a.text(),
                    a.detail());
            String payload = RelayCodec.encode(tagged);
            if (RelayCodec.bytes(payload) > PostgresWire.MAX_BYTES) {
                // Only a posted text can make it this long: leave it out, the rest is what the asker stores.
                payload = RelayCodec.encode(new Answer(tagged.id(), tagged.delivered(), tagged.via(), tagged.discordId(),
                        tagged.channelId(), null, tagged.detail()));
            }
            try {
                wire.send(payload);
            } catch (StoreException e) {
                LOG.warn("posted a relayed {} but could not answer its asker: {}", request.kind().wire(),
                        e.getMessage());
            }
        });
    }

    /** Whether {@code id} is new; forgets ids older than {@link #REMEMBER}. */
    private synchronized boolean firstTime(String id) {
        Instant now = clock.instant();
        Iterator<Instant> oldest = heard.values().iterator();
        while (oldest.hasNext() && oldest.next().isBefore(now.minus(REMEMBER))) {
            oldest.remove();
        }
        return heard.putIfAbsent(id, now) == null;
    }

    @Override
    public void close() {
        wire.close();
        posting.shutdown();
        try {
            posting.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
