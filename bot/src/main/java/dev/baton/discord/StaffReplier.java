package dev.baton.discord;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.StaffReplies;
import dev.baton.routing.Person;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageDeleteAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console replies on Discord. A reply goes out through a channel webhook under the staff member's
 * roster name and Discord avatar, so the customer sees who is helping; where that is not possible it
 * goes out as Baton itself, prefixed "Alex: …", and the delivery's detail says why.
 *
 * <ul>
 *   <li><b>Where:</b> the conversation's reply channel. A thread or forum post is reached through its
 *   parent channel's webhook with {@code thread_id}; a channel without a thread through its own. One
 *   webhook named "Baton" per parent channel: one Baton made earlier is found among the channel's
 *   webhooks, else one is created; either way it is remembered.
 *   <li><b>As Baton instead:</b> in DMs (Discord has no webhooks there), without Manage Webhooks, when
 *   the channel has as many webhooks as Discord allows, and when Discord refuses the webhook post
 *   (a name it does not accept, say). Not when the webhook post met a server error or no answer:
 *   it may have arrived, and posting again as Baton would show the reply twice.
 *   <li><b>Bounded:</b> {@link #send} waits at most {@code timeout}. Nothing new is posted after that,
 *   and a post Discord confirms later is deleted again, so "not delivered" stays true and trying again
 *   cannot show the reply twice.
 *   <li><b>Length:</b> one console message is one Discord message with one id, so replies longer than
 *   Discord's 2000 characters are refused, not split. Room is kept for the "Name: " prefix, so whether
 *   a reply fits does not depend on which way it goes out.
 *   <li><b>Mentions:</b> none are pinged: a reply quoting {@code @everyone} stays text.
 * </ul>
 */
final class StaffReplier implements StaffReplies {

    static final String WEBHOOK_NAME = "Baton";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StaffReplier.class);
    private static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;
    /** Discord's limit for the name a webhook post shows. */
    private static final int MAX_USERNAME = 80;
    private static final String AS_BATON = ", so Baton posted it as itself with your name.";

    private final JDA jda;
    private final Clock clock;
    private final Duration timeout;
    private final Webhooks webhooks;
    private final Avatars avatars;

    StaffReplier(JDA jda, Clock clock, Duration timeout) {
        this.jda = jda;
        this.clock = clock;
        this.timeout = timeout;
        this.webhooks = new Webhooks(jda, WEBHOOK_NAME);
        this.avatars = new Avatars(jda, clock);
    }

    @Override
    public Delivery send(ConversationRecord conversation, Person from, String text) {
        String refused = refusal(from, text);
        if (refused != null) {
            return Delivery.failed(refused);
        }
        Attempt attempt = new Attempt();
        CompletableFuture<Posted> posting;
        try {
            posting = deliver(conversation, from, text, attempt);
        } catch (RuntimeException e) {
            LOG.error("could not send a console reply in conversation {}", conversation.id(), e);
            return Delivery.failed("Baton could not send the reply: " + e);
        }
        try {
            return posting.get(timeout.toMillis(), TimeUnit.MILLISECONDS).delivery();
        } catch (TimeoutException e) {
            return giveUp(posting, attempt, "Discord did not confirm the reply within " + timeout.toSeconds()
                    + " s, so it was not sent. Try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return giveUp(posting, attempt, "Sending the reply was interrupted, so it was not sent. Try again.");
        } catch (ExecutionException e) {
            // deliver() turns every failure into a delivery; this is only a guard.
            LOG.error("console reply in conversation {} failed", conversation.id(), e.getCause());
            return Delivery.failed("Baton could not send the reply: " + Posting.unwrapped(e.getCause()));
        }
    }

    /** Not sent, whichever way it would go: empty, or longer than Discord takes with the name in front. */
    static String refusal(Person from, String text) {
        if (text == null || text.isBlank()) {
            return "The reply is empty; Discord does not take empty messages.";
        }
        int room = MAX_CONTENT - prefix(from).length();
        if (text.length() > room) {
            return "The reply is " + text.length() + " characters long; it can be at most " + room + " (Discord takes "
                    + MAX_CONTENT + " per message, and \"" + prefix(from) + "\" goes in front when Baton posts it"
                    + " as itself). Split it into shorter replies.";
        }
        return null;
    }

    // ------------------------------------------------------------------------------------ routes

    private CompletableFuture<Posted> deliver(ConversationRecord conversation, Person from, String text, Attempt attempt) {
        if (conversation.place() == PlaceKind.DM) {
            return dm(conversation).thenCompose(dm -> asBaton(dm, from, text,
                            "Direct messages have no webhooks", attempt))
                    .exceptionally(e -> notPosted("Baton could not open the DM with the customer ("
                            + conversation.customerId() + "): " + Posting.unwrapped(e).getMessage()));
        }
        String channelId = conversation.replyChannelId();
        GuildMessageChannel target = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (target == null) {
            return CompletableFuture.completedFuture(notPosted("Baton cannot see the conversation's "
                    + (conversation.threadId() != null ? "thread" : "channel") + " (" + channelId + "): it was deleted,"
                    + " Baton lost access to it, or it is a thread archived before Baton last started. Reopen the"
                    + " thread in Discord (send any message in it) and try again."));
        }
        IWebhookContainer container = webhookHome(target);
        if (container == null) {
            return asBaton(target, from, text, Posting.describe(target) + " cannot have webhooks", attempt);
        }
        if (!container.getGuild().getSelfMember().hasPermission(container, Permission.MANAGE_WEBHOOKS)) {
            return asBaton(target, from, text, "Baton may not manage webhooks in #" + container.getName()
                    + " (its role lacks the Manage Webhooks permission)", attempt);
        }
        String threadId = target instanceof ThreadChannel ? target.getId() : null;
        return viaWebhook(container, threadId, target, from, text, attempt, true);
    }

    /** Where the webhook lives: a thread's parent channel, or the channel itself; null when it cannot have one. */
    private static IWebhookContainer webhookHome(GuildMessageChannel target) {
        if (target instanceof ThreadChannel thread) {
            return thread.getParentChannel() instanceof IWebhookContainer parent ? parent : null;
        }
        return target instanceof IWebhookContainer container ? container : null;
    }

    private CompletableFuture<? extends MessageChannel> dm(ConversationRecord conversation) {
        MessageChannel cached = jda.getPrivateChannelById(conversation.channelId());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return jda.openPrivateChannelById(conversation.customerId()).submit();
    }

    private CompletableFuture<Posted> viaWebhook(IWebhookContainer container, String threadId, GuildMessageChannel target,
                                                 Person from, String text, Attempt attempt, boolean mayRenew) {
        return webhooks.of(container).handle((webhook, setupError) -> {
            if (setupError != null) {
                return asBaton(target, from, text, webhookRefused(container, setupError), attempt);
            }
            return avatars.of(from, container.getGuild())
                    .thenCompose(avatar -> attempt.post(() -> execute(webhook, threadId, from, avatar, text)))
                    .thenApply(message -> new Posted(new Delivery(true, "webhook", message.getId(),
                            message.getChannelId(), text, null), () -> retraction(webhook, threadId, message).submit()))
                    .handle((posted, error) -> error == null ? CompletableFuture.completedFuture(posted)
                            : afterWebhookPost(error, container, webhook, threadId, target, from, text, attempt, mayRenew))
                    .thenCompose(Function.identity());
        }).thenCompose(Function.identity());
    }

    private CompletableFuture<Message> execute(Webhook webhook, String threadId, Person from, Optional<String> avatar,
                                               String text) {
        try {
            WebhookMessageCreateAction<Message> post = webhook.sendMessage(content(text)).setUsername(username(from));
            if (threadId != null) {
                post = post.setThreadId(threadId);
            }
            if (avatar.isPresent()) {
                post = post.setAvatarUrl(avatar.get());
            }
            return post.submit();
        } catch (RuntimeException e) { // JDA checks arguments before any request
            return CompletableFuture.failedFuture(e);
        }
    }

    private static WebhookMessageDeleteAction retraction(Webhook webhook, String threadId, Message message) {
        WebhookMessageDeleteAction delete = webhook.deleteMessageById(message.getId());
        return threadId == null ? delete : delete.setThreadId(threadId);
    }

    /**
     * After a failed webhook post: a webhook someone deleted is replaced once; a refusal is posted as
     * Baton; a server error or no answer is reported, as the post may have arrived.
     */
    private CompletableFuture<Posted> afterWebhookPost(Throwable error, IWebhookContainer container, Webhook webhook,
                                                       String threadId, GuildMessageChannel target, Person from,
                                                       String text, Attempt attempt, boolean mayRenew) {
        Throwable cause = Posting.unwrapped(error);
        if (cause instanceof CancellationException) {
            return CompletableFuture.completedFuture(notPosted("gave up waiting"));
        }
        if (cause instanceof ErrorResponseException response
                && response.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK && mayRenew) {
            LOG.info("Baton's webhook in #{} is gone (deleted in Discord?); making another", container.getName());
            webhooks.forget(container);
            return viaWebhook(container, threadId, target, from, text, attempt, false);
        }
        if (mayHaveArrived(cause)) {
            String why = "Discord did not confirm the reply in " + Posting.describe(target) + " ("
                    + (cause instanceof ErrorResponseException r ? "server error " + r.getErrorCode() + " "
                    + r.getMeaning() : cause.toString()) + "), so it may or may not be there; look in Discord before"
                    + " trying again.";
            LOG.warn(why);
            return CompletableFuture.completedFuture(notPosted(why));
        }
        String why = "Discord refused the webhook post in " + Posting.describe(target) + " (" + refusalOf(cause) + ")";
        LOG.warn(why);
        return asBaton(target, from, text, why, attempt);
    }

    private static boolean mayHaveArrived(Throwable cause) {
        return cause instanceof ErrorResponseException response ? response.isServerError()
                : cause instanceof IOException || cause instanceof TimeoutException;
    }

    private static String refusalOf(Throwable cause) {
        return cause instanceof ErrorResponseException response
                ? response.getErrorCode() + " " + response.getMeaning() : cause.getMessage();
    }

    /** Why there is no webhook to post through, for the delivery's detail. */
    private static String webhookRefused(IWebhookContainer container, Throwable error) {
        Throwable cause = Posting.unwrapped(error);
        String where = "#" + container.getName();
        String why;
        if (cause instanceof InsufficientPermissionException) {
            why = "Baton may not manage webhooks in " + where + " (its role lacks the Manage Webhooks permission)";
        } else if (cause instanceof ErrorResponseException response) {
            int code = response.getErrorCode();
            if (code == ErrorResponse.MISSING_PERMISSIONS.getCode() || code == ErrorResponse.MISSING_ACCESS.getCode()) {
                why = "Discord did not let Baton manage webhooks in " + where + " (" + code + " " + response.getMeaning()
                        + "; give Baton's role the Manage Webhooks permission there)";
            } else if (code == ErrorResponse.MAX_WEBHOOKS.getCode() || code == ErrorResponse.MAX_GUILD_WEBHOOKS.getCode()) {
                why = where + " has as many webhooks as Discord allows (" + response.getMeaning() + "); delete an"
                        + " unused one in its Integrations settings";
            } else {
                why = "Baton could not set up its webhook in " + where + " (Discord answered "
                        + (response.isServerError() ? "with a server error " : "") + code + " " + response.getMeaning()
                        + ")";
            }
        } else {
            why = "Baton could not set up its webhook in " + where + " (" + cause + ")";
        }
        LOG.warn(why);
        return why;
    }

    /** The fallback: Baton's own account, "Name: text", with the reason (why not a webhook) in the detail. */
    private CompletableFuture<Posted> asBaton(MessageChannel target, Person from, String text, String reason,
                                              Attempt attempt) {
        String prefixed = prefix(from) + text;
        return attempt.post(() -> Posting.asBot(target, content(prefixed)))
                .thenApply(message -> new Posted(new Delivery(true, "bot", message.getId(), message.getChannelId(),
                        prefixed, reason + AS_BATON), () -> message.delete().submit()))
                .exceptionally(e -> {
                    Throwable cause = Posting.unwrapped(e);
                    if (cause instanceof CancellationException) {
                        return notPosted("gave up waiting");
                    }
                    String why = Posting.whyFailed("post in", target, cause);
                    LOG.error(why);
                    return notPosted(reason + "; posting it as Baton failed too. " + why);
                });
    }

    // --------------------------------------------------------------------------------- wording

    private static String prefix(Person from) {
        return from.name() + ": ";
    }

    private static String username(Person from) {
        String name = from.name().strip();
        return name.length() <= MAX_USERNAME ? name : name.substring(0, MAX_USERNAME);
    }

    /** Text only, pinging nobody: staff quoting "@everyone" or a user mention does not notify anyone. */
    private static MessageCreateData content(String text) {
        return new MessageCreateBuilder().setContent(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    private static Posted notPosted(String why) {
        return new Posted(Delivery.failed(why), null);
    }

    /** Reports failure and takes back a post Discord confirms too late, so the report stays true. */
    private Delivery giveUp(CompletableFuture<Posted> posting, Attempt attempt, String why) {
        attempt.abandon();
        LOG.warn(why);
        posting.thenAccept(late -> {
            if (late.delivery().delivered()) {
                LOG.warn("a console reply Discord confirmed after Baton gave up ({} in {}) is deleted again",
                        late.delivery().discordId(), late.delivery().channelId());
                late.retract().get().whenComplete((done, e) -> {
                    if (e != null) {
                        LOG.error("could not delete late console reply {}: {}", late.delivery().discordId(),
                                Posting.unwrapped(e).toString());
                    }
                });
            }
        });
        return Delivery.failed(why);
    }

    // ----------------------------------------------------------------------------------- values

    /** What was posted, and how to take it back if it came too late. */
    private record Posted(Delivery delivery, Supplier<CompletableFuture<?>> retract) {
    }

    /** One {@link #send}: once given up on, it posts nothing more. */
    private static final class Attempt {
        private volatile boolean abandoned;

        void abandon() {
            abandoned = true;
        }

        CompletableFuture<Message> post(Supplier<CompletableFuture<Message>> post) {
            return abandoned ? CompletableFuture.failedFuture(new CancellationException("gave up waiting")) : post.get();
        }
    }
}
