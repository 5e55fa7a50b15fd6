package dev.baton.discord;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.Reaction;
import dev.baton.desk.SupportDesk;
import dev.baton.knowledge.KnowledgeEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the desk's reactions on Discord: finds or starts the conversation's thread, posts the
 * answer with its "Talk to a person" button or the handoff notice, brings the person into the thread,
 * and reports back what was sent. Nothing here decides anything.
 */
final class Replier {

    static final String HUMAN_BUTTON = "baton:human:";
    private static final Logger LOG = LoggerFactory.getLogger(Replier.class);
    private static final int MAX_CONTENT = 2000;
    private static final int MAX_THREAD_NAME = 100;
    private static final int REMEMBERED_THREADS = 10_000;

    private final JDA jda;
    private final SupportDesk desk;
    private final DiscordSettings settings;
    /**
     * Threads being started, per conversation: a customer's second message may arrive before
     * Discord confirms the thread for the first, and must land in the same thread.
     */
    private final Map<Long, CompletableFuture<MessageChannel>> threads = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<MessageChannel>> eldest) {
                    return size() > REMEMBERED_THREADS;
                }
            });

    Replier(JDA jda, SupportDesk desk, DiscordSettings settings) {
        this.jda = jda;
        this.desk = desk;
        this.settings = settings;
    }

    /** Reacts to a customer's message: in its thread (started from the message if needed) or in place. */
    void carryOut(Reaction reaction, Message origin) {
        if (reaction instanceof Reaction.Deferred deferred) {
            // The customer sees Baton typing while it asks the model (never for long: see Reaction.Deferred).
            origin.getChannel().sendTyping().queue(null, e -> LOG.debug("could not show typing: {}", e.toString()));
            deferred.later().thenAccept(later -> carryOut(later, origin));
        } else if (reaction instanceof Reaction.Answer answer) {
            deliver(answer, destination(answer.conversation(), origin, settings.privateThreads()), null);
        } else if (reaction instanceof Reaction.Reply reply) {
            deliver(reply, destination(reply.conversation(), origin, settings.privateThreads()), null);
        } else if (reaction instanceof Reaction.HandOff handOff) {
            // The route decides (rules.yaml's private_thread, else discord.yaml's private_threads).
            deliver(handOff, destination(handOff.conversation(), origin, handOff.privateThread()), null);
        } else if (reaction instanceof Reaction.Silence silence) {
            LOG.debug("silent on message {}: {}", origin.getId(), silence.why());
        }
    }

    /** Reacts to a slash command or button: the reply goes to the (deferred) interaction. */
    void carryOut(Reaction reaction, InteractionHook hook, MessageChannel where) {
        Function<MessageCreateData, CompletableFuture<Message>> viaHook = data -> hook.sendMessage(data).submit();
        if (reaction instanceof Reaction.Deferred deferred) {
            // The interaction was deferred ("Baton is thinking…"), which Discord keeps open for 15 minutes.
            deferred.later().thenAccept(later -> carryOut(later, hook, where));
        } else if (reaction instanceof Reaction.Answer answer) {
            deliver(answer, CompletableFuture.completedFuture(where), viaHook);
        } else if (reaction instanceof Reaction.Reply reply) {
            deliver(reply, CompletableFuture.completedFuture(where), viaHook);
        } else if (reaction instanceof Reaction.HandOff handOff) {
            deliver(handOff, CompletableFuture.completedFuture(where), viaHook);
        } else if (reaction instanceof Reaction.Silence silence) {
            LOG.debug("silent on interaction: {}", silence.why());
            hook.sendMessage(silenceText(silence)).setEphemeral(true).queue(null, e -> logFailure("reply to", where, e));
        }
    }

    private void deliver(Reaction.Answer answer, CompletableFuture<MessageChannel> channel,
                         Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        withPersonButton(answer.conversation().id(), answer.pendingRow(), answerText(answer.text(), answer.entry()),
                "answer in", channel, viaInteraction);
    }

    /** A reply to small talk goes out like an answer, with the button that brings a person in. */
    private void deliver(Reaction.Reply reply, CompletableFuture<MessageChannel> channel,
                         Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        withPersonButton(reply.conversation().id(), reply.pendingRow(), truncate(reply.text()), "reply in", channel,
                viaInteraction);
    }

    private void withPersonButton(long conversationId, long pendingRow, String text, String what,
                                  CompletableFuture<MessageChannel> channel,
                                  Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        MessageCreateData data = new MessageCreateBuilder()
                .setContent(text)
                .addComponents(ActionRow.of(Button.secondary(HUMAN_BUTTON + conversationId, "Talk to a person")))
                .build();
        channel.thenCompose(target -> send(target, data, viaInteraction).thenAccept(sent ->
                        desk.sent(pendingRow, sent.getId(), sent.getChannel().getId(), text)))
                .exceptionally(e -> {
                    desk.notSent(pendingRow);
                    logFailure(what, channel.getNow(null), e);
                    return null;
                });
    }

    private void deliver(Reaction.HandOff handOff, CompletableFuture<MessageChannel> channel,
                         Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        long handoffId = handOff.handoff().id();
        String mention = "<@" + handOff.person().discordUserId() + ">";
        // The person is pinged in the thread so they get a notification; the wording may already mention them.
        String text = handOff.notice().contains(mention) ? handOff.notice() : handOff.notice() + "\n" + mention;
        MessageCreateData data = new MessageCreateBuilder().setContent(truncate(text)).build();
        channel.thenCompose(target -> send(target, data, viaInteraction).thenCompose(sent -> {
                    desk.sent(handOff.pendingRow(), sent.getId(), sent.getChannel().getId(), text);
                    return bringIn(handOff, target);
                }).thenAccept(detail -> desk.handoffNotified(handoffId, true, detail)))
                .exceptionally(e -> {
                    desk.notSent(handOff.pendingRow()); // keeps it if it was sent and only adding the person failed
                    String why = logFailure("tell the customer about handoff " + handoffId + " in", channel.getNow(null), e);
                    desk.handoffNotified(handoffId, false, why);
                    return null;
                });
        noteForStaff(handOff);
    }

    /** Adds the person to the thread; in a DM there is no thread to add them to. */
    private CompletableFuture<String> bringIn(Reaction.HandOff handOff, MessageChannel target) {
        String name = handOff.person().name();
        if (!(target instanceof ThreadChannel thread)) {
            return CompletableFuture.completedFuture("told the customer in " + Posting.describe(target) + "; " + name
                    + " was mentioned (not a thread, so not added)");
        }
        try {
            return thread.addThreadMemberById(handOff.person().discordUserId()).submit()
                    .thenApply(done -> "told the customer in " + Posting.describe(target) + "; added " + name + " to the thread");
        } catch (InsufficientPermissionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void noteForStaff(Reaction.HandOff handOff) {
        if (settings.staffChannel() == null) {
            return;
        }
        TextChannel staff = jda.getTextChannelById(settings.staffChannel());
        if (staff == null) {
            LOG.warn("staff_channel {} from config/discord.yaml is not a text channel Baton can see; no staff note"
                    + " posted for handoff {}", settings.staffChannel(), handOff.handoff().id());
            return;
        }
        String where = "<#" + handOff.conversation().replyChannelId() + ">";
        String note = "Handoff #" + handOff.handoff().id() + " for <@" + handOff.person().discordUserId() + ">: "
                + handOff.handoff().reason().replace('_', ' ') + " in " + where;
        try {
            staff.sendMessage(truncate(note)).queue(null, e -> logFailure("post a staff note in", staff, e));
        } catch (InsufficientPermissionException e) {
            logFailure("post a staff note in", staff, e);
        }
    }

    // ------------------------------------------------------------------------------- destinations

    /** @param privateThread whether a thread started now should be private */
    private CompletableFuture<MessageChannel> destination(ConversationRecord conversation, Message origin,
                                                          boolean privateThread) {
        if (conversation.threadId() != null) {
            MessageChannel thread = jda.getChannelById(MessageChannel.class, conversation.threadId());
            if (thread != null) {
                return CompletableFuture.completedFuture(thread);
            }
        }
        if (conversation.place() != PlaceKind.CHANNEL) {
            return CompletableFuture.completedFuture(origin.getChannel());
        }
        return threads.computeIfAbsent(conversation.id(), id -> startThread(conversation, origin, privateThread));
    }

    private CompletableFuture<MessageChannel> startThread(ConversationRecord conversation, Message origin,
                                                          boolean privateThread) {
        String name = threadName(origin);
        CompletableFuture<ThreadChannel> started;
        try {
            if (privateThread && origin.getChannel() instanceof TextChannel text) {
                started = text.createThreadChannel(name, true).submit()
                        .thenCompose(thread -> thread.addThreadMemberById(origin.getAuthor().getId()).submit()
                                .thenApply(done -> thread));
            } else {
                started = origin.createThreadChannel(name).submit();
            }
        } catch (InsufficientPermissionException e) {
            logFailure("start a thread in", origin.getChannel(), e);
            return CompletableFuture.completedFuture(origin.getChannel());
        }
        return started.<MessageChannel>thenApply(thread -> {
            desk.threadStarted(conversation.id(), thread.getId());
            return thread;
        }).exceptionally(e -> {
            logFailure("start a thread in", origin.getChannel(), e);
            return origin.getChannel(); // answer in the channel rather than not at all
        });
    }

    private static CompletableFuture<Message> send(MessageChannel target, MessageCreateData data,
                                                   Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        return viaInteraction != null ? Posting.withRetries(() -> viaInteraction.apply(data)) : Posting.asBot(target, data);
    }

    // ---------------------------------------------------------------------------------- wording

    /** @param words the entry's answer or the model's checked wording of it */
    static String answerText(String words, KnowledgeEntry entry) {
        String source = entry.source() == null ? "" : "\n\nSource: <" + entry.source() + ">";
        String answer = words.strip();
        int room = MAX_CONTENT - source.length();
        return (answer.length() > room ? answer.substring(0, room - 1) + "…" : answer) + source;
    }

    private static String threadName(Message origin) {
        String text = origin.getContentDisplay().replaceAll("\\s+", " ").strip();
        String name = text.isEmpty() ? "Help for " + origin.getAuthor().getName() : text;
        return name.length() <= MAX_THREAD_NAME ? name : name.substring(0, MAX_THREAD_NAME - 1) + "…";
    }

    private static String truncate(String text) {
        return text.length() <= MAX_CONTENT ? text : text.substring(0, MAX_CONTENT - 1) + "…";
    }

    private static String silenceText(Reaction.Silence silence) {
        return "Nothing to do here: " + silence.why() + ".";
    }

    /** Logs why Discord refused, in words a server admin can act on, and returns that sentence. */
    private static String logFailure(String action, MessageChannel channel, Throwable error) {
        String why = Posting.whyFailed(action, channel, error);
        LOG.error(why);
        return why;
    }
}
