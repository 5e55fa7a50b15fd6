package dev.baton.discord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every post Baton makes under its own account shares: one nonce for every attempt, retries on
 * Discord's passing server errors, and failures put in words a server admin can act on.
 */
final class Posting {

    private static final Logger LOG = LoggerFactory.getLogger(Posting.class);
    private static final int SERVER_ERROR_RETRIES = 2;
    private static final long FIRST_RETRY_MILLIS = 500;

    private Posting() {
    }

    /**
     * Posts as Baton. One nonce for every attempt: with {@code enforce_nonce}, Discord keeps one
     * message even if a 500 arrived after the message was in fact created.
     */
    static CompletableFuture<Message> asBot(MessageChannel target, MessageCreateData data) {
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        return withRetries(() -> {
            try {
                return target.sendMessage(data).setNonce(nonce).submit();
            } catch (InsufficientPermissionException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** Posts as Baton in reply to a message (a {@code message_reference}), with the same retries. */
    static CompletableFuture<Message> asReply(MessageChannel target, MessageCreateData data, String replyToId) {
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        return withRetries(() -> {
            try {
                return target.sendMessage(data).setMessageReference(replyToId).mentionRepliedUser(true)
                        .failOnInvalidReply(false).setNonce(nonce).submit();
            } catch (InsufficientPermissionException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /**
     * JDA retries rate limits and 502/503/504 itself, but not a plain 500, which Discord also returns
     * for passing trouble. Two more tries, half a second then a second apart; anything else fails at once.
     */
    static CompletableFuture<Message> withRetries(Supplier<CompletableFuture<Message>> attempt) {
        CompletableFuture<Message> result = new CompletableFuture<>();
        attempt(attempt, SERVER_ERROR_RETRIES, FIRST_RETRY_MILLIS, result);
        return result;
    }

    private static void attempt(Supplier<CompletableFuture<Message>> attempt, int retriesLeft, long delayMillis,
                                CompletableFuture<Message> result) {
        attempt.get().whenComplete((message, error) -> {
            Throwable cause = unwrapped(error);
            if (error == null) {
                result.complete(message);
            } else if (retriesLeft > 0 && cause instanceof ErrorResponseException response && response.isServerError()) {
                LOG.warn("Discord answered {} to a message; trying again in {} ms", response.getErrorResponse()
                        .getMeaning(), delayMillis);
                CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS).execute(() ->
                        attempt(attempt, retriesLeft - 1, delayMillis * 2, result));
            } else {
                result.completeExceptionally(cause);
            }
        });
    }

    static String describe(MessageChannel channel) {
        if (channel == null) {
            return "an unknown channel";
        }
        return (channel instanceof GuildChannel ? "#" : "DM ") + channel.getName() + " (" + channel.getId() + ")";
    }

    /**
     * Why Discord refused, in words a server admin can act on. Missing permissions are the most common
     * misconfiguration of real servers, so they get their own wording.
     */
    static String whyFailed(String action, MessageChannel channel, Throwable error) {
        Throwable cause = unwrapped(error);
        String where = describe(channel);
        if (cause instanceof InsufficientPermissionException missing) {
            return "Baton cannot " + action + " " + where + ": it lacks the " + missing.getPermission().getName()
                    + " permission. Give Baton's role that permission in this channel (Server Settings > Roles,"
                    + " or the channel's Permissions tab).";
        }
        if (cause instanceof ErrorResponseException response) {
            return "Baton could not " + action + " " + where + ": Discord answered "
                    + (response.isServerError() ? "with a server error " : "") + response.getErrorCode() + " "
                    + response.getMeaning();
        }
        return "Baton could not " + action + " " + where + ": " + cause;
    }

    /** CompletableFuture stages wrap the real failure; the wording depends on what it really was. */
    static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
