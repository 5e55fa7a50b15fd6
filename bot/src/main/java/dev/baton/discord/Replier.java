package dev.baton.discord;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.Reaction;
import dev.baton.desk.SupportDesk;
import dev.baton.knowledge.KnowledgeEntry;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
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
    /** Pings nobody unless a message says whom (the customer, the named person). */
    static final EnumSet<Message.MentionType> NONE = EnumSet.noneOf(Message.MentionType.class);
    private static final String MENTIONS = "<@[!&]?\\d+>|<#\\d+>|@everyone|@here";

    private final JDA jda;
    private final SupportDesk desk;
    private final DiscordSettings settings;
    /**
     * The thread started for each recent conversation, by id (or the channel answered in when none could be):
     * a customer's second message may be decided before Discord confirms the thread for the first, and must land
     * in the same thread. Ids, not channel objects, so a thread Discord archived (and JDA forgot) is not kept
     * alive here.
     */
    private final Map<ThreadKey, CompletableFuture<Long>> threads = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ThreadKey, CompletableFuture<Long>> eldest) {
                    return size() > REMEMBERED_THREADS;
                }
            });

    /**
     * Each conversation's post still on its way, by conversation id: the next post for the conversation starts
     * only after it, so replies land in the order they were decided even when the first waits for its thread
     * and a later one finds the thread ready. Only posts in flight are kept.
     */
    private final Map<Long, CompletableFuture<?>> posting = new HashMap<>();

    Replier(JDA jda, SupportDesk desk, DiscordSettings settings) {
        this.jda = jda;
        this.desk = desk;
        this.settings = settings;
    }

    /** Reacts to a customer's message: in its thread (started from the message if needed) or in place. */
    void carryOut(Reaction reaction, Message origin) {
        Origin from = Origin.of(origin);
        if (reaction instanceof Reaction.Deferred deferred) {
            // The customer sees Baton typing while it asks the model (never for long: see Reaction.Deferred).
            origin.getChannel().sendTyping().queue(null, e -> LOG.debug("could not show typing: {}", e.toString()));
            deferred.later().thenAccept(later -> carryOut(later, origin));
        } else if (reaction instanceof Reaction.Answer answer) {
            deliver(answer, destination(answer.conversation(), from, settings.privateThreads()), from, null);
        } else if (reaction instanceof Reaction.Reply reply) {
            deliver(reply, destination(reply.conversation(), from, settings.privateThreads()), from, null);
        } else if (reaction instanceof Reaction.HandOff handOff) {
            handOff(handOff, from, null);
        } else if (reaction instanceof Reaction.Silence silence) {
            LOG.debug("silent on message {}: {}", origin.getId(), silence.why());
        }
    }

    /**
     * Reacts to a slash command or button. An answer goes to the (deferred) interaction; a handoff takes the
     * same way as one from a message (the conversation's thread, private when the route says so, the customer
     * and the person in it) and the interaction itself only gets a short pointer to it, for the customer alone.
     */
    void carryOut(Reaction reaction, InteractionHook hook, MessageChannel where) {
        Function<MessageCreateData, CompletableFuture<Message>> viaHook = data -> hook.sendMessage(data).submit();
        Origin from = Origin.of(where, hook.getInteraction().getUser());
        if (reaction instanceof Reaction.Deferred deferred) {
            // The interaction was deferred ("Baton is thinking…"), which Discord keeps open for 15 minutes.
            deferred.later().thenAccept(later -> carryOut(later, hook, where));
        } else if (reaction instanceof Reaction.Answer answer) {
            deliver(answer, CompletableFuture.completedFuture(where), from, viaHook);
        } else if (reaction instanceof Reaction.Reply reply) {
            deliver(reply, CompletableFuture.completedFuture(where), from, viaHook);
        } else if (reaction instanceof Reaction.HandOff handOff) {
            handOff(handOff, from, hook);
        } else if (reaction instanceof Reaction.Silence silence) {
            LOG.debug("silent on interaction: {}", silence.why());
            hook.sendMessage(silenceText(silence)).setEphemeral(true).setAllowedMentions(NONE)
                    .queue(null, e -> logFailure("reply to", where, e));
        }
    }

    private void deliver(Reaction.Answer answer, CompletableFuture<MessageChannel> channel, Origin from,
                         Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        withPersonButton(answer.conversation().id(), answer.pendingRow(), answerText(answer.text(), answer.entry()),
                "answer in", channel, from, viaInteraction);
    }

    /** A reply to small talk goes out like an answer, with the button that brings a person in. */
    private void deliver(Reaction.Reply reply, CompletableFuture<MessageChannel> channel, Origin from,
                         Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        withPersonButton(reply.conversation().id(), reply.pendingRow(), truncate(reply.text()), "reply in", channel,
                from, viaInteraction);
    }

    private void withPersonButton(long conversationId, long pendingRow, String text, String what,
                                  CompletableFuture<MessageChannel> channel, Origin from,
                                  Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        MessageCreateData data = new MessageCreateBuilder()
                .setContent(text)
                .setAllowedMentions(NONE)
                .addComponents(ActionRow.of(Button.secondary(HUMAN_BUTTON + conversationId, "Talk to a person")))
                .build();
        inTurn(conversationId, () -> channel.thenCompose(target -> send(target, data, from, viaInteraction)))
                .thenAccept(sent -> desk.sent(pendingRow, sent.getId(), sent.getChannel().getId(), text))
                .exceptionally(e -> {
                    desk.notSent(pendingRow);
                    logFailure(what, channel.getNow(null), e);
                    return null;
                });
    }

    /**
     * Starts {@code post} once the conversation's previous post is done (sent or failed); call in the order the
     * reactions were decided.
     */
    private <T> CompletableFuture<T> inTurn(long conversationId, Supplier<CompletableFuture<T>> post) {
        CompletableFuture<Void> myTurn = new CompletableFuture<>();
        CompletableFuture<?> before;
        synchronized (posting) {
            before = posting.put(conversationId, myTurn);
        }
        // Outside the lock: posting calls into JDA, whose threads complete the futures that take the lock below.
        CompletableFuture<T> mine = before == null ? post.get()
                : before.handle((done, failed) -> null).thenCompose(ready -> post.get());
        mine.whenComplete((done, failed) -> {
            myTurn.complete(null);
            synchronized (posting) {
                posting.remove(conversationId, myTurn);
            }
        });
        return mine;
    }

    /**
     * Every handoff, whichever way it came in: the notice in the conversation's thread (started, or moved to
     * a private one, as the route says), the person brought in, the staff note linking where it happens; and
     * for an interaction, a short word to the customer alone saying where to go.
     *
     * @param hook the interaction to answer, or null for a message
     */
    private void handOff(Reaction.HandOff handOff, Origin from, InteractionHook hook) {
        long handoffId = handOff.handoff().id();
        String mention = "<@" + handOff.person().discordUserId() + ">";
        // The person is pinged in the thread so they get a notification; the wording may already mention them.
        String text = handOff.notice().contains(mention) ? handOff.notice() : handOff.notice() + "\n" + mention;
        MessageCreateData data = new MessageCreateBuilder().setContent(truncate(text)).setAllowedMentions(NONE)
                .mentionUsers(handOff.person().discordUserId(), handOff.conversation().customerId()).build();
        // The route decides (rules.yaml's private_thread, else discord.yaml's private_threads).
        CompletableFuture<MessageChannel> channel = destination(handOff.conversation(), from, handOff.privateThread());
        AtomicBoolean pointed = new AtomicBoolean();
        // The staff hear of it even when the customer cannot be told; once the thread is known, so it links there.
        channel.thenAccept(target -> noteForStaff(handOff, target));
        inTurn(handOff.conversation().id(), () -> channel.thenCompose(target -> send(target, data, from, null)
                .thenCompose(sent -> {
                    desk.sent(handOff.pendingRow(), sent.getId(), sent.getChannel().getId(), text);
                    pointed.set(true);
                    pointTo(target, handOff, from, hook);
                    return bringIn(handOff, target);
                })))
                .thenAccept(detail -> desk.handoffNotified(handoffId, true, detail))
                .exceptionally(e -> {
                    desk.notSent(handOff.pendingRow()); // keeps it if it was sent and only adding the person failed
                    String why = logFailure("tell the customer about handoff " + handoffId + " in",
                            channel.getNow(null), e);
                    desk.handoffNotified(handoffId, false, why);
                    if (hook != null && !pointed.get()) {
                        hook.sendMessage("Your request is with the team, but I could not post where they would"
                                        + " meet you; someone will reach out.")
                                .setEphemeral(true).setAllowedMentions(NONE)
                                .queue(null, f -> logFailure("answer the interaction in", from.channel(), f));
                    }
                    return null;
                });
    }

    /**
     * Tells the customer where the handoff went when that is not where they are: privately as the answer to
     * their interaction, or with a word in the thread the conversation left (never what it is about).
     */
    private void pointTo(MessageChannel target, Reaction.HandOff handOff, Origin from, InteractionHook hook) {
        boolean elsewhere = target.getIdLong() != from.channel().getIdLong();
        String name = handOff.person().name();
        String kind = target instanceof ThreadChannel thread && !thread.isPublic() ? "a private thread" : "a thread";
        if (hook != null) {
            String words = elsewhere ? "I've opened " + kind + " with " + name + ": <#" + target.getId() + ">"
                    : "I've asked " + name + " to join you here.";
            hook.sendMessage(words).setEphemeral(true).setAllowedMentions(NONE)
                    .queue(null, e -> logFailure("answer the interaction in", from.channel(), e));
        } else if (elsewhere && from.channel() instanceof ThreadChannel) {
            MessageCreateData data = new MessageCreateBuilder().setAllowedMentions(NONE)
                    .setContent("<@" + from.customerId() + "> I've moved this to " + kind + ": <#" + target.getId()
                            + ">")
                    .mentionUsers(from.customerId()).build();
            Posting.asBot(from.channel(), data).exceptionally(e -> {
                logFailure("point to the new thread in", from.channel(), e);
                return null;
            });
        }
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
                    .thenApply(done -> "told the customer in " + Posting.describe(target) + "; added " + name
                            + " to the thread");
        } catch (InsufficientPermissionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Posted once the thread is known, so the note links where the conversation happens. */
    private void noteForStaff(Reaction.HandOff handOff, MessageChannel target) {
        if (settings.staffChannel() == null) {
            return;
        }
        TextChannel staff = jda.getTextChannelById(settings.staffChannel());
        if (staff == null) {
            LOG.warn("staff_channel {} from config/discord.yaml is not a text channel Baton can see; no staff note"
                    + " posted for handoff {}", settings.staffChannel(), handOff.handoff().id());
            return;
        }
        String where = target instanceof GuildChannel ? "<#" + target.getId() + ">" : "a DM";
        String person = handOff.person().discordUserId();
        String note = "Handoff #" + handOff.handoff().id() + " for <@" + person + ">: "
                + handOff.handoff().reason().replace('_', ' ') + " in " + where;
        MessageCreateData data = new MessageCreateBuilder().setContent(truncate(note)).setAllowedMentions(NONE)
                .mentionUsers(person).build();
        Posting.asBot(staff, data).exceptionally(e -> {
            logFailure("post a staff note in", staff, e);
            return null;
        });
    }

    // ------------------------------------------------------------------------------- destinations

    /**
     * The conversation's thread: the one it has, else one started now (from the customer's message when
     * there is one). A route that wants privacy never lands in a public thread: a new private thread is
     * started in its channel instead.
     *
     * @param privateThread whether the thread must be private
     */
    private CompletableFuture<MessageChannel> destination(ConversationRecord conversation, Origin from,
                                                          boolean privateThread) {
        if (conversation.threadId() != null) {
            MessageChannel thread = jda.getChannelById(MessageChannel.class, conversation.threadId());
            boolean tooPublic = privateThread && thread instanceof ThreadChannel t && t.isPublic();
            if (thread != null && !tooPublic) {
                return CompletableFuture.completedFuture(thread);
            }
        }
        if (conversation.place() != PlaceKind.CHANNEL) {
            return CompletableFuture.completedFuture(from.channel());
        }
        ThreadKey key = new ThreadKey(conversation.id(), privateThread);
        CompletableFuture<Long> started = new CompletableFuture<>();
        CompletableFuture<Long> known = threads.putIfAbsent(key, started);
        if (known == null) {
            // Outside the map's lock: starting a thread calls into JDA. The one who starts it posts in the channel
            // object Discord's answer made; only a message decided meanwhile finds the thread by its id.
            CompletableFuture<MessageChannel> thread = startThread(conversation, from, privateThread);
            thread.whenComplete((channel, failed) -> {
                if (failed != null) {
                    started.completeExceptionally(failed);
                } else {
                    started.complete(channel.getIdLong());
                }
            });
            return thread;
        }
        return known.thenApply(id -> {
            MessageChannel channel = jda.getChannelById(MessageChannel.class, id);
            return channel != null ? channel : from.channel(); // gone since (archived): answer where they are
        });
    }

    private CompletableFuture<MessageChannel> startThread(ConversationRecord conversation, Origin from,
                                                          boolean privateThread) {
        MessageChannel fallback = from.channel();
        TextChannel parent = from.channel() instanceof ThreadChannel t
                ? jda.getTextChannelById(t.getParentChannel().getId())
                : from.channel() instanceof TextChannel text ? text : null;
        // A private thread's name says nothing of what it is about; a public one reads as the question.
        String name = privateThread || from.message() == null ? "Help for " + from.customerName()
                : threadName(from.message());
        CompletableFuture<ThreadChannel> started;
        try {
            if (!privateThread && from.message() != null && from.message().getChannel() instanceof TextChannel) {
                started = from.message().createThreadChannel(name).submit();
            } else if (parent != null) {
                started = parent.createThreadChannel(name, privateThread).submit()
                        .thenCompose(thread -> thread.addThreadMemberById(from.customerId()).submit()
                                .thenApply(done -> thread));
            } else {
                return CompletableFuture.completedFuture(fallback);
            }
        } catch (InsufficientPermissionException e) {
            logFailure("start a thread in", fallback, e);
            return CompletableFuture.completedFuture(fallback);
        }
        return started.<MessageChannel>thenApply(thread -> {
            desk.threadStarted(conversation.id(), thread.getId());
            return thread;
        }).exceptionally(e -> {
            logFailure("start a thread in", fallback, e);
            return fallback; // answer in the channel rather than not at all
        });
    }

    /**
     * Posts through the interaction when there is one; as Baton otherwise. A post that lands in the channel
     * of the customer's message rather than in a thread (Discord refused the thread) replies to that message,
     * so that in a busy channel it is clear whom it answers.
     */
    private static CompletableFuture<Message> send(MessageChannel target, MessageCreateData data, Origin from,
                                                   Function<MessageCreateData, CompletableFuture<Message>> viaInteraction) {
        if (viaInteraction != null) {
            return Posting.withRetries(() -> viaInteraction.apply(data));
        }
        boolean inPlaceOfAThread = from.message() != null && target.getIdLong() == from.channel().getIdLong()
                && from.channel() instanceof TextChannel;
        if (!inPlaceOfAThread) {
            return Posting.asBot(target, data);
        }
        // The reply pings the customer it answers, and nobody the text happens to name.
        return Posting.asReply(target, data, from.message().getId());
    }

    // ---------------------------------------------------------------------------------- wording

    /** @param words the entry's answer or the model's checked wording of it */
    static String answerText(String words, KnowledgeEntry entry) {
        String source = entry.source() == null ? "" : "\n\nSource: <" + entry.source() + ">";
        String answer = words.strip();
        int room = MAX_CONTENT - source.length();
        return (answer.length() > room ? answer.substring(0, room - 1) + "…" : answer) + source;
    }

    /** The customer's words, without mentions (Baton's or anyone's): a thread's name is shown to the whole channel. */
    static String threadName(Message origin) {
        String text = origin.getContentRaw().replaceAll(MENTIONS, " ").replaceAll("\\s+", " ").strip();
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

    /** A conversation's thread, public or private: one may be moved from the first to the second. */
    private record ThreadKey(long conversationId, boolean privateThread) {
    }

    /**
     * Where a reaction comes from: the customer's message, or an interaction (no message to start a thread from).
     */
    private record Origin(MessageChannel channel, Message message, String customerId, String customerName) {

        static Origin of(Message message) {
            return new Origin(message.getChannel(), message, message.getAuthor().getId(), message.getAuthor().getName());
        }

        static Origin of(MessageChannel channel, User customer) {
            return new Origin(channel, null, customer.getId(), customer.getName());
        }
    }
}
