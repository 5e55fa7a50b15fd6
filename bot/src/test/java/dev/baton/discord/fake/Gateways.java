package dev.baton.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The gateway of a sharded bot: one {@link Gateway} session per shard, and each socket routed to the shard its
 * IDENTIFY names ({@code shard: [id, total]}) or whose session its RESUME continues. A guild's events go only to
 * the session of the shard Discord assigns it, {@code (guild_id >> 22) % total}; DMs go to shard 0, as on Discord.
 * A bot that never shards identifies as shard 0 of 1 and gets everything, as before.
 */
final class Gateways {

    private static final int IDENTIFY = 2;
    private static final int RESUME = 6;

    private final Gateway.SessionStart start;
    private final Map<Integer, Gateway> byShard = new ConcurrentHashMap<>();
    private final Map<Session, Gateway> bySocket = new ConcurrentHashMap<>();
    /** The shard total of the latest IDENTIFY (every instance of one bot uses the same). */
    private volatile int total = 1;

    Gateways(Gateway.SessionStart start) {
        this.start = start;
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> Gateway.hello(ctx.session));
        ws.onMessage(ctx -> receive(ctx.session, ctx.message()));
        ws.onClose(ctx -> {
            Gateway gateway = bySocket.remove(ctx.session);
            if (gateway != null) {
                gateway.closed(ctx.session);
            }
        });
        ws.onError(ctx -> {
            if (ctx.session.isOpen()) {
                System.err.println("[fake-discord] gateway socket error: " + ctx.error());
            }
        });
    }

    private void receive(Session socket, String text) {
        JsonNode payload = Json.parse(text);
        int op = payload.path("op").asInt(-1);
        Gateway gateway;
        if (op == IDENTIFY) {
            JsonNode shard = payload.path("d").path("shard");
            total = Math.max(1, shard.path(1).asInt(1));
            gateway = shard(shard.path(0).asInt(0));
            bySocket.put(socket, gateway);
        } else if (op == RESUME) {
            String sessionId = payload.path("d").path("session_id").asText();
            gateway = byShard.values().stream().filter(g -> sessionId.equals(g.sessionId())).findFirst()
                    .orElse(shard(0));
            bySocket.put(socket, gateway);
        } else {
            gateway = bySocket.getOrDefault(socket, shard(0));
        }
        gateway.receive(socket, text);
    }

    Gateway shard(int id) {
        return byShard.computeIfAbsent(id, i -> new Gateway(start, i));
    }

    int total() {
        return total;
    }

    /** The shard Discord delivers a guild's events on. */
    static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /** The session an event goes to: its guild's shard, or shard 0 for what has no guild (DMs). */
    Gateway target(ObjectNode data) {
        JsonNode guild = data.path("guild_id");
        if (guild.isMissingNode() || guild.isNull()) {
            return shard(0);
        }
        return shard(shardOf(Long.parseLong(guild.asText()), total));
    }

    int identifyCount() {
        return byShard.values().stream().mapToInt(Gateway::identifyCount).sum();
    }

    int resumeCount() {
        return byShard.values().stream().mapToInt(Gateway::resumeCount).sum();
    }

    long lastDispatchNanos() {
        return byShard.values().stream().mapToLong(Gateway::lastDispatchNanos).max().orElse(0);
    }

    /** Drops every shard's socket. */
    void drop(int closeCode) {
        byShard.values().forEach(g -> g.drop(closeCode));
    }
}
