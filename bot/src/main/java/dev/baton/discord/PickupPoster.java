package dev.baton.discord;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.PlaceKind;
import dev.baton.pickup.PickupNotices;
import dev.baton.routing.Person;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pickup deadline notices on Discord, posted as Baton in the conversation's thread (or channel, or DM).
 * Each post pings exactly whom it is meant to ping (the person, or the role) and nobody else, whatever
 * the text quotes.
 *
 * <p>A DM has nobody but the customer in it, so what is meant for staff there goes to the staff
 * channel from {@code discord.yaml} instead (or nowhere, said so, when there is none).
 *
 * <p>A role mention only notifies when the role is mentionable or Baton's role has the "Mention
 * @everyone, @here and All Roles" permission; otherwise Discord shows it without pinging anyone.
 */
final class PickupPoster implements PickupNotices {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PickupPoster.class);
    private static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;

    private final JDA jda;
    private final DiscordSettings settings;
    private final Duration timeout;

    PickupPoster(JDA jda, DiscordSettings settings, Duration timeout) {
        this.jda = jda;
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public Posted remind(ConversationRecord conversation, Person person, String text) {
        MessageCreateData data = content(text).mentionUsers(person.discordUserId()).build();
        if (conversation.place() == PlaceKind.DM) {
            return toStaff(data, "a DM has no place to mention " + person.name());
        }
        return post(conversation, data);
    }

    @Override
    public Posted reroute(ConversationRecord conversation, Person to, String text) {
        Posted posted = post(conversation, content(text).mentionUsers(to.discordUserId()).build());
        if (!posted.delivered() || conversation.threadId() == null) {
            return posted;
        }
        // In a private thread a mention alone does not let the new person in; adding them does.
        ThreadChannel thread = jda.getThreadChannelById(conversation.threadId());
        String added;
        if (thread == null) {
            added = "could not add " + to.name() + " to the thread: Baton cannot see it";
        } else {
            try {
                await(submitted(() -> thread.addThreadMemberById(to.discordUserId()).submit()));
                added = "added " + to.name() + " to the thread";
            } catch (Failure e) {
                added = "could not add " + to.name() + " to the thread: " + e.getMessage();
            }
        }
        return new Posted(true, posted.discordId(), posted.channelId(), posted.text(), posted.detail() + "; " + added);
    }

    @Override
    public Posted escalate(ConversationRecord conversation, String roleId, String forCustomer, String forStaff) {
        if (conversation.place() != PlaceKind.DM) {
            String text = forCustomer + "\n\n" + forStaff;
            return post(conversation, content(text).mentionRoles(roleId).build());
        }
        Posted toCustomer = post(conversation, content(forCustomer).build());
        Posted toStaff = toStaff(content(forStaff).mentionRoles(roleId).build(), "a DM has no place to mention a role");
        return new Posted(toCustomer.delivered(), toCustomer.discordId(), toCustomer.channelId(), toCustomer.text(),
                toCustomer.detail() + "; the role: " + toStaff.detail());
    }

    // ------------------------------------------------------------------------------------ posting

    /** Posts {@code data} as Baton in the conversation's thread, channel or DM (after-care posts this way too). */
    Posted post(ConversationRecord conversation, MessageCreateData data) {
        MessageChannel target;
        try {
            target = channelOf(conversation);
        } catch (Failure e) {
            LOG.warn("pickup notice in conversation {} not posted: {}", conversation.id(), e.getMessage());
            return Posted.failed("not posted: " + e.getMessage());
        }
        return postIn(target, data, "");
    }

    private Posted postIn(MessageChannel target, MessageCreateData data, String note) {
        try {
            Message sent = await(Posting.asBot(target, data));
            return new Posted(true, sent.getId(), sent.getChannel().getId(), data.getContent(),
                    "posted in " + Posting.describe(target) + note);
        } catch (Failure e) {
            String why = "not posted in " + Posting.describe(target) + note + ": " + e.getMessage();
            LOG.warn(why);
            return Posted.failed(why);
        }
    }

    /** Staff's part of a notice about a DM, in the staff channel; its channel is not the conversation's. */
    private Posted toStaff(MessageCreateData data, String why) {
        if (settings.staffChannel() == null) {
            return Posted.failed("not posted: " + why + ", and config/discord.yaml names no staff_channel");
        }
        TextChannel staff = jda.getTextChannelById(settings.staffChannel());
        if (staff == null) {
            return Posted.failed("not posted: " + why + ", and staff_channel " + settings.staffChannel()
                    + " is not a text channel Baton can see");
        }
        return postIn(staff, data, " (" + why + ")");
    }

    private MessageChannel channelOf(ConversationRecord conversation) throws Failure {
        if (conversation.place() == PlaceKind.DM) {
            MessageChannel cached = jda.getPrivateChannelById(conversation.channelId());
            return cached != null ? cached
                    : await(submitted(() -> jda.openPrivateChannelById(conversation.customerId()).submit()));
        }
        MessageChannel channel = jda.getChannelById(MessageChannel.class, conversation.replyChannelId());
        if (channel == null) {
            throw new Failure("Baton cannot see the conversation's "
                    + (conversation.threadId() != null ? "thread" : "channel") + " (" + conversation.replyChannelId()
                    + "): it was deleted, Baton lost access to it, or it is a thread archived before Baton last"
                    + " started");
        }
        return channel;
    }

    /** JDA checks permissions before sending and throws; as a failed future it is reported like any refusal. */
    private static <T> CompletableFuture<T> submitted(Supplier<CompletableFuture<T>> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Pings nobody unless the builder is told whom: a quoted {@code @everyone} stays text. */
    static MessageCreateBuilder content(String text) {
        String fitted = text.length() <= MAX_CONTENT ? text : text.substring(0, MAX_CONTENT - 1) + "…";
        return new MessageCreateBuilder().setContent(fitted)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    private <T> T await(CompletableFuture<T> future) throws Failure {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new Failure("Discord did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for Discord");
        } catch (ExecutionException e) {
            throw new Failure(reason(Posting.unwrapped(e.getCause())));
        } catch (InsufficientPermissionException e) {
            throw new Failure(reason(e));
        }
    }

    /** Why Discord refused, in words a server admin can act on. */
    private static String reason(Throwable cause) {
        if (cause instanceof InsufficientPermissionException missing) {
            return "Baton lacks the " + missing.getPermission().getName() + " permission there";
        }
        if (cause instanceof ErrorResponseException response) {
            return "Discord answered " + (response.isServerError() ? "with a server error " : "")
                    + response.getErrorCode() + " " + response.getMeaning();
        }
        return String.valueOf(cause);
    }

    /** Why a post did not happen, in words for the handoff's timeline. */
    private static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
