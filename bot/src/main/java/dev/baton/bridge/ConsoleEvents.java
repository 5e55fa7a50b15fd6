package dev.baton.bridge;

import dev.baton.console.api.ConsoleEvent;
import dev.baton.conversation.ConversationStore;
import dev.baton.fanout.Change;
import dev.baton.fanout.Fanout;
import dev.baton.handoff.HandoffStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every change the console shows to whoever subscribed. The stores call it after their
 * transaction has committed, on the thread that made the change (a Discord event thread, a console
 * request); a listener that throws is logged and the others still hear of the change.
 *
 * <ul>
 *   <li>{@code created}: a handoff was stored (from Discord, a human request or a practice run)</li>
 *   <li>{@code changed}: any event row was added to a handoff: a state change, a note, a notification, a reply</li>
 *   <li>{@code message}: a message of a conversation with an open handoff was stored, confirmed, removed,
 *       edited or deleted (the customer writing more, staff in the thread, a reply from the console)</li>
 *   <li>{@code refresh}: changes may have been missed (the connection that hears other Batons was lost and
 *       made again); whoever shows handoffs reloads them all</li>
 * </ul>
 *
 * <p>With several Batons on one PostgreSQL, every change made here also goes to the others through the
 * {@link Fanout}, and their changes come back in through {@link #heard}, so each console shows them all.
 */
public final class ConsoleEvents implements HandoffStore.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEvents.class);

    /** Wrapped so that subscribing the same listener twice gives two subscriptions, each closed on its own. */
    private record Subscription(Consumer<ConsoleEvent> listener) {
    }

    /** A {@code refresh} is about no handoff in particular. */
    public static final long NO_HANDOFF = 0;

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Fanout fanout;

    /** For one Baton on its own. */
    public ConsoleEvents() {
        this(Fanout.none());
    }

    /** @param fanout where this instance's changes go for the other instances */
    public ConsoleEvents(Fanout fanout) {
        this.fanout = fanout;
    }

    /** @return closing it stops the calls */
    public AutoCloseable subscribe(Consumer<ConsoleEvent> listener) {
        Subscription subscription = new Subscription(listener);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** A change made here: for this console's listeners and, through the fanout, every other instance's. */
    public void publish(ConsoleEvent event) {
        tell(event);
        fanout.send(new Change(event.kind(), event.handoffId()));
    }

    /** A change another instance made: for this console's listeners only (it was sent out where it was made). */
    public void heard(Change change) {
        tell(new ConsoleEvent(change.kind(), change.handoffId()));
    }

    /** Changes may have been missed: every console reloads what it shows. */
    public void refresh() {
        tell(new ConsoleEvent("refresh", NO_HANDOFF));
    }

    private void tell(ConsoleEvent event) {
        for (Subscription subscription : subscriptions) {
            try {
                subscription.listener().accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a console listener failed on {}; the others still hear of it", event, e);
            }
        }
    }

    @Override
    public void created(long handoffId) {
        publish(new ConsoleEvent("created", handoffId));
    }

    @Override
    public void changed(long handoffId) {
        publish(new ConsoleEvent("changed", handoffId));
    }

    /**
     * What the conversation store tells: a {@code message} event for the open handoff of the
     * conversation whose messages changed, if it has one.
     */
    public ConversationStore.Listener messagesOf(HandoffStore handoffs) {
        return conversationId -> handoffs.openFor(conversationId)
                .ifPresent(handoff -> publish(new ConsoleEvent("message", handoff.id())));
    }
}
