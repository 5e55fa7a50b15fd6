package dev.baton.discord;

import dev.baton.aftercare.AfterCareNotices;
import dev.baton.console.api.DiscordStatus;
import dev.baton.conversation.ConversationRecord;
import dev.baton.desk.StaffReplies;
import dev.baton.pickup.PickupNotices;
import dev.baton.routing.Person;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baton's link to Discord, kept while Discord cannot be reached: when {@code DISCORD_TOKEN} is set but
 * Discord does not answer at start (network down, an outage), Baton keeps running (engine, storage,
 * console) and this tries again with a growing pause ({@link Backoff}), saying so in the log. Problems
 * only the operator can fix (a rejected token, the Message Content intent not enabled) still stop the
 * start. Once connected, JDA itself resumes dropped gateway sessions.
 */
public final class DiscordConnection implements DiscordLink {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);

    /** The pause before each retry: {@code first}, doubled after every failure, never more than {@code max}. */
    public record Backoff(Duration first, Duration max) {
        /** 5 s, 10 s, 20 s, … up to 5 minutes. */
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

        public Backoff {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
        }

        Duration after(Duration previous) {
            Duration doubled = previous.multipliedBy(2);
            return doubled.compareTo(max) > 0 ? max : doubled;
        }
    }

    private final Supplier<DiscordBot> connector;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final boolean configured;
    private volatile DiscordBot bot;
    private ScheduledFuture<?> pending;
    private boolean closed;
    private int failures;

    private DiscordConnection(Supplier<DiscordBot> connector, Backoff backoff, ScheduledExecutorService scheduler) {
        this.connector = connector;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.configured = connector != null;
    }

    /** No {@code DISCORD_TOKEN}: Baton runs without Discord. */
    public static DiscordConnection off() {
        return new DiscordConnection(null, Backoff.DEFAULT, null);
    }

    /**
     * Connects now, waiting for Discord like {@link DiscordBot#start}. When Discord cannot be reached, returns
     * anyway and retries on {@code scheduler} (which this then owns and shuts down on {@link #close()}).
     *
     * @param connector makes one attempt: {@link DiscordBot#start} with the endpoints and settings
     * @throws DiscordStartException when the problem is one retrying cannot fix (see {@link DiscordStartException#retryable()})
     */
    public static DiscordConnection start(Supplier<DiscordBot> connector, Backoff backoff,
                                          ScheduledExecutorService scheduler) {
        DiscordConnection connection = new DiscordConnection(Objects.requireNonNull(connector), backoff, scheduler);
        try {
            connection.connected(connector.get());
        } catch (DiscordStartException e) {
            if (!e.retryable()) {
                scheduler.shutdownNow();
                throw e;
            }
            connection.failed(e, backoff.first());
        }
        return connection;
    }

    private synchronized void connected(DiscordBot connectedBot) {
        if (closed) {
            connectedBot.close();
            return;
        }
        bot = connectedBot;
        LOG.info("connected to Discord as {}{}", connectedBot.jda().getSelfUser().getName(),
                failures == 0 ? "" : " after " + failures + (failures == 1 ? " failed attempt" : " failed attempts"));
        failures = 0;
    }

    private synchronized void failed(DiscordStartException e, Duration pause) {
        if (closed) {
            return;
        }
        failures++;
        LOG.warn("Discord is not reachable ({}); the engine and the console keep running. Attempt {} failed,"
                + " trying again in {} s", e.getMessage(), failures, pause.toSeconds() == 0
                ? String.format("%.1f", pause.toMillis() / 1000.0) : pause.toSeconds());
        pending = scheduler.schedule(() -> attempt(pause), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(Duration previousPause) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            connected(connector.get());
        } catch (DiscordStartException e) {
            failed(e, backoff.after(previousPause));
        } catch (RuntimeException e) {
            failed(new DiscordStartException(e.toString(), e, true), backoff.after(previousPause));
        }
    }

    /** {@code off} without a token; {@code connected} while JDA's gateway session is up; else {@code reconnecting}. */
    @Override
    public State state() {
        if (!configured) {
            return State.OFF;
        }
        DiscordBot current = bot;
        return current != null && current.jda().getStatus() == JDA.Status.CONNECTED ? State.CONNECTED
                : State.RECONNECTING;
    }

    /** Console replies through the connected bot; while Discord is not reached they are only stored. */
    public StaffReplies staffReplies() {
        if (!configured) {
            return StaffReplies.NOT_CONNECTED;
        }
        return (conversation, from, text) -> {
            DiscordBot current = bot;
            return current == null ? StaffReplies.Delivery.failed(NOT_YET + " so the reply was only stored.")
                    : current.staffReplies().send(conversation, from, text);
        };
    }

    /** Pickup notices through the connected bot; while Discord is not reached the steps are only recorded. */
    public PickupNotices pickupNotices() {
        if (!configured) {
            return PickupNotices.NOT_CONNECTED;
        }
        return new PickupNotices() {
            @Override
            public Posted remind(ConversationRecord conversation, Person person, String text) {
                DiscordBot current = bot;
                return current == null ? Posted.failed("not posted: " + NOT_YET)
                        : current.pickupNotices().remind(conversation, person, text);
            }

            @Override
            public Posted reroute(ConversationRecord conversation, Person to, String text) {
                DiscordBot current = bot;
                return current == null ? Posted.failed("not posted: " + NOT_YET)
                        : current.pickupNotices().reroute(conversation, to, text);
            }

            @Override
            public Posted escalate(ConversationRecord conversation, String roleId, String forCustomer, String forStaff) {
                DiscordBot current = bot;
                return current == null ? Posted.failed("not posted: " + NOT_YET)
                        : current.pickupNotices().escalate(conversation, roleId, forCustomer, forStaff);
            }
        };
    }

    /** After-care through the connected bot; while Discord is not reached it is only recorded as not sent. */
    public AfterCareNotices afterCareNotices() {
        if (!configured) {
            return AfterCareNotices.NOT_CONNECTED;
        }
        return new AfterCareNotices() {
            @Override
            public Posted ask(ConversationRecord conversation, long handoffId, String text) {
                DiscordBot current = bot;
                return current == null ? Posted.failed("not posted: " + NOT_YET)
                        : current.afterCareNotices().ask(conversation, handoffId, text);
            }

            @Override
            public Posted close(ConversationRecord conversation, String text) {
                DiscordBot current = bot;
                return current == null ? Posted.failed("not posted: " + NOT_YET)
                        : current.afterCareNotices().close(conversation, text);
            }
        };
    }

    private static final String NOT_YET = "Baton has not reached Discord yet (it keeps trying),";

    @Override
    public void close() {
        DiscordBot toClose;
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
            toClose = bot;
            bot = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
