package dev.baton.discord.fake;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The simplest possible JDA bot: answers every message from a human with {@code "echo: " + content}
 * in the same channel. It is the floor Baton's own latency is measured against, so it does nothing
 * else on the event thread — the queues only note what happened for tests to read.
 */
public final class EchoBot extends ListenerAdapter {

    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> sent = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot()) {
            return; // including our own echoes, which Discord sends back to us
        }
        Message message = event.getMessage();
        received.add(message);
        try {
            event.getChannel().sendMessage("echo: " + message.getContentRaw()).queue(sent::add, failures::add);
        } catch (RuntimeException refused) {
            // JDA checks permissions locally and throws before any request; a stopped JDA throws too.
            failures.add(refused);
        }
    }

    /** Next message from a human, in arrival order. */
    public Message awaitReceived(Duration timeout) {
        return take(received, timeout, "received message");
    }

    /** Next reply whose send JDA reported as successful (the success callback ran). */
    public Message awaitSent(Duration timeout) {
        return take(sent, timeout, "successful send");
    }

    /** Next send that failed: refused locally by JDA, or reported to the failure callback. */
    public Throwable awaitFailure(Duration timeout) {
        return take(failures, timeout, "failed send");
    }

    public int sentCount() {
        return sent.size();
    }

    public int failureCount() {
        return failures.size();
    }

    private static <T> T take(BlockingQueue<T> queue, Duration timeout, String what) {
        try {
            T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a " + what, e);
        }
    }
}
