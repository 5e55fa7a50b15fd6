package dev.baton.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One shard's gateway session (see {@link Gateways}, which routes each socket to its shard): one websocket
 * session at a time, as a single-shard bot has.
 *
 * <p>Discord's session outlives the socket: every dispatch gets the next sequence number and is
 * kept in a history, whether or not a socket is attached. A RESUME (op 6) carrying the last sequence
 * the client saw replays what came after it, then RESUMED — so "no message lost across a drop" can
 * be tested. A fresh IDENTIFY starts a new session (new id, sequence from 1, empty history), so
 * events queued for the old one are lost, as on Discord.
 *
 * <p>All state is guarded by this object's monitor, and frames are written while holding it, so
 * the order on the wire is the order of the sequence numbers even with the test thread and Jetty
 * threads dispatching at once. Jetty's {@code sendText} only queues the frame, so holding the monitor
 * while writing is cheap.
 */
final class Gateway {

    /** Short, so heartbeats are exercised within a test; the socket idle timeout is set well above it. */
    static final int HEARTBEAT_INTERVAL_MS = 5_000;

    /** Enough for any test or benchmark; a resume from further back gets op 9 like on Discord. */
    private static final int HISTORY_LIMIT = 5_000;

    private static final int DISPATCH = 0;
    private static final int HEARTBEAT = 1;
    private static final int IDENTIFY = 2;
    private static final int PRESENCE_UPDATE = 3;
    private static final int VOICE_STATE_UPDATE = 4;
    private static final int RESUME = 6;
    private static final int REQUEST_GUILD_MEMBERS = 8;
    private static final int INVALID_SESSION = 9;
    private static final int HELLO = 10;
    private static final int HEARTBEAT_ACK = 11;

    /** What a new session starts with; built by the facade from the world at IDENTIFY time. */
    interface SessionStart {
        /** READY for shard {@code shard} of {@code total}, listing the guilds on that shard. */
        ObjectNode ready(String sessionId, int shard, int total);

        /** GUILD_CREATE of each guild on that shard. */
        List<ObjectNode> guildCreates(int shard, int total);
    }

    private record Frame(int seq, String json) {}

    private final SessionStart start;
    private final int shard;
    private final ArrayDeque<Frame> history = new ArrayDeque<>();
    private Session socket;
    private String sessionId;
    private int intents;
    private int seq;
    private int identifies;
    private int resumes;
    private long lastDispatchNanos;

    Gateway(SessionStart start, int shard) {
        this.start = start;
        this.shard = shard;
    }

    /** The session id of the current session; null before anyone identified on this shard. */
    synchronized String sessionId() {
        return sessionId;
    }

    /**
     * Dispatches an event (op 0) on the current session. While no socket is attached the event is
     * only kept for a RESUME; with no session at all (nobody identified yet) it is dropped.
     *
     * @return {@link System#nanoTime()} just before the frame was written, or 0 when it was not written
     */
    synchronized long dispatch(String type, ObjectNode data) {
        return sessionId == null ? 0 : dispatchLocked(type, data);
    }

    /** The intents of the session's IDENTIFY; empty before anyone identified. */
    synchronized OptionalInt intents() {
        return sessionId == null ? OptionalInt.empty() : OptionalInt.of(intents);
    }

    /** Closes the socket with a close code; the session stays resumable. */
    void drop(int closeCode) {
        Session dropped;
        synchronized (this) {
            dropped = socket;
            socket = null;
        }
        if (dropped != null) {
            dropped.close(closeCode, "dropped by the fake", Callback.NOOP);
        }
    }

    synchronized int identifyCount() {
        return identifies;
    }

    synchronized int resumeCount() {
        return resumes;
    }

    synchronized long lastDispatchNanos() {
        return lastDispatchNanos;
    }

    // ---- socket events

    static void hello(Session session) {
        ObjectNode d = Json.object().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
        d.putArray("_trace").add("fake-discord");
        send(session, op(HELLO, d));
    }

    void receive(Session session, String text) {
        JsonNode payload = Json.parse(text);
        JsonNode d = payload.path("d");
        switch (payload.path("op").asInt(-1)) {
            case HEARTBEAT -> {
                synchronized (this) {
                    send(session, op(HEARTBEAT_ACK, null));
                }
            }
            case IDENTIFY -> identify(session, d);
            case RESUME -> resume(session, d);
            case PRESENCE_UPDATE, VOICE_STATE_UPDATE, REQUEST_GUILD_MEMBERS -> {
                // Accepted and ignored: the fake has no presences, voice or member chunks to give.
            }
            default -> System.err.println("[fake-discord] unhandled gateway op: " + text);
        }
    }

    private void identify(Session session, JsonNode d) {
        String newSessionId = UUID.randomUUID().toString().replace("-", "");
        // Built before taking the monitor: the world has its own lock, and the gateway never holds
        // its monitor while waiting for the world's.
        int total = Math.max(1, d.path("shard").path(1).asInt(1));
        ObjectNode ready = start.ready(newSessionId, shard, total);
        List<ObjectNode> guilds = start.guildCreates(shard, total);
        synchronized (this) {
            identifies++;
            sessionId = newSessionId;
            intents = d.path("intents").asInt();
            seq = 0;
            history.clear();
            socket = session;
            dispatchLocked("READY", ready);
            guilds.forEach(guild -> dispatchLocked("GUILD_CREATE", guild));
        }
    }

    synchronized void resume(Session session, JsonNode d) {
        int clientSeq = d.path("seq").asInt();
        boolean known = sessionId != null && sessionId.equals(d.path("session_id").asText());
        boolean replayable = history.isEmpty() || history.peekFirst().seq() <= clientSeq + 1;
        if (!known || !replayable) {
            // d=false: not resumable, the client must IDENTIFY again.
            send(session, op(INVALID_SESSION, null).put("d", false));
            return;
        }
        resumes++;
        socket = session;
        for (Frame frame : List.copyOf(history)) {
            if (frame.seq() > clientSeq) {
                lastDispatchNanos = System.nanoTime();
                send(session, frame.json());
            }
        }
        dispatchLocked("RESUMED", Json.object());
    }

    synchronized void closed(Session session) {
        if (socket == session) {
            socket = null;
        }
    }

    // ---- frames

    private long dispatchLocked(String type, ObjectNode data) {
        seq++;
        ObjectNode frame = Json.object().put("op", DISPATCH).put("s", seq).put("t", type);
        frame.set("d", data);
        String json = Json.write(frame);
        history.addLast(new Frame(seq, json));
        if (history.size() > HISTORY_LIMIT) {
            history.removeFirst();
        }
        if (socket == null) {
            return 0;
        }
        lastDispatchNanos = System.nanoTime();
        send(socket, json);
        return lastDispatchNanos;
    }

    private static ObjectNode op(int op, ObjectNode d) {
        ObjectNode frame = Json.object().put("op", op).putNull("s").putNull("t");
        if (d == null) {
            frame.putNull("d");
        } else {
            frame.set("d", d);
        }
        return frame;
    }

    private static void send(Session session, ObjectNode frame) {
        send(session, Json.write(frame));
    }

    private static void send(Session session, String json) {
        session.sendText(json, Callback.from(() -> {}, failure -> {
            if (session.isOpen()) {
                System.err.println("[fake-discord] could not write a gateway frame: " + failure);
            }
        }));
    }
}
