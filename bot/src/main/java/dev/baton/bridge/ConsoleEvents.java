package dev.baton.bridge;

import dev.baton.console.api.ConsoleEvent;
import dev.baton.conversation.ConversationStore;
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
 * </ul>
 */
public final class ConsoleEvents implements HandoffStore.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEvents.class);

    /** Wrapped so that subscribing the same listener twice gives two subscriptions, each closed on its own. */
    private record Subscription(Consumer<ConsoleEvent> listener) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** @return closing it stops the calls */
    public AutoCloseable subscribe(Consumer<ConsoleEvent> listener) {
        Subscription subscription = new Subscription(listener);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    public void publish(ConsoleEvent event) {
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
