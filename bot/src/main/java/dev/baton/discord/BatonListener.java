package dev.baton.discord;

import dev.baton.aftercare.AfterCare;
import dev.baton.aftercare.AfterCareButtons;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.Place;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.Reaction;
import dev.baton.desk.SupportDesk;
import dev.baton.handoff.Outcome;
import dev.baton.rules.Answering;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JDA listener: turns Discord events into the desk's plain values and hands the desk's
 * reactions to the {@link Replier}. Keeps the Discord edge thin; every decision is the desk's. The
 * decisions run on {@link Lanes}, not on JDA's event thread: one customer's messages (and their edits,
 * deletions, commands and buttons) in arrival order, other customers meanwhile.
 */
final class BatonListener extends ListenerAdapter {

    static final String ASK = "ask";
    static final String HUMAN = "human";
    static final String RESOLVE = "resolve";
    /** The comment box's one text input. */
    static final String COMMENT_INPUT = "comment";
    /** What a customer kept waiting by a busy Baton is told; their answer follows. */
    static final String ONE_MOMENT = "One moment \u2014 I'm on it.";
    private static final Logger LOG = LoggerFactory.getLogger(BatonListener.class);

    private final SupportDesk desk;
    private final AfterCare aftercare;
    private final DiscordSettings settings;
    private final Clock clock;
    private final Lanes lanes;
    private final AtomicBoolean warnedAboutContent = new AtomicBoolean();
    /**
     * The lane of each message queued but not yet handled: a deletion names no author, and must not overtake
     * its message in a channel (where the lane is the author's).
     */
    private final Map<String, String> queuedLanes = new ConcurrentHashMap<>();
    /** Carries reactions out through the JDA the event came from (each shard has its own). */
    private volatile Function<JDA, Replier> repliers;

    BatonListener(SupportDesk desk, AfterCare aftercare, DiscordSettings settings, Lanes lanes, Clock clock) {
        this.desk = desk;
        this.aftercare = aftercare;
        this.settings = settings;
        this.lanes = lanes;
        this.clock = clock;
    }

    void attach(Replier replier) {
        this.repliers = jda -> replier;
    }

    /** With shards: the replier of the shard an event came from. */
    void attach(Function<JDA, Replier> repliers) {
        this.repliers = repliers;
    }

    private Replier replier(JDA jda) {
        return repliers.apply(jda);
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || message.isWebhookMessage() || !isConversational(message)) {
            // Baton's own posts (its console replies through webhooks too), other bots and "thread created"
            // notices are not customers talking; console replies are stored by the console before they are sent.
            return;
        }
        Place place = place(event.getChannel());
        String selfId = event.getJDA().getSelfUser().getId();
        boolean mentioned = message.getMentions().isMentioned(event.getJDA().getSelfUser());
        String guildId = event.isFromGuild() ? event.getGuild().getId() : null;
        // Read per message: the rules may have been reloaded since the last one.
        Answering answering = desk.rules().book().answeringIn(place.channelId(), place.parentId());
        boolean heard = Listening.hears(place, guildId, settings, mentioned, false, answering);
        // A thread Baton is not otherwise listening in may still hold one of its conversations. That takes the
        // database, which JDA's event thread must never wait on: it is looked up on the message's lane.
        boolean perhapsKnown = !heard && place.isThread()
                && Listening.hears(place, guildId, settings, mentioned, true, answering);
        if (!heard && !perhapsKnown) {
            return;
        }
        Incoming incoming = new Incoming(message.getId(), person(author, event.getMember()), place,
                withoutMention(message.getContentRaw(), selfId), attachments(message),
                Optional.ofNullable(message.getMessageReference()).map(r -> r.getMessageId()).orElse(null),
                clock.instant());
        String lane = place.lane(author.getId());
        queuedLanes.put(message.getId(), lane);
        WaitNotice notice = new WaitNotice(message, ONE_MOMENT, () -> desk.expectsAnswer(incoming));
        lanes.submit(lane, () -> {
            try {
                if (perhapsKnown && !desk.hasConversationIn(place.channelId())) {
                    return;
                }
                warnIfContentIsWithheld(message, place);
                decide(incoming, message, notice);
            } finally {
                queuedLanes.remove(message.getId());
            }
        }, perhapsKnown ? Lanes.NONE : notice);
    }

    /** Runs on the message's lane. */
    private void decide(Incoming incoming, Message message, WaitNotice notice) {
        Optional<CompletableFuture<Message>> told = notice.start();
        SupportDesk.Handled handled;
        try {
            handled = desk.onMessage(incoming, told.isPresent() ? notice.text() : null);
        } catch (RuntimeException e) {
            LOG.error("could not handle message {} in {}: {}", message.getId(), incoming.place(), e.toString(), e);
            return;
        }
        // The "one moment" is in the transcript before the answer; Discord says later where it landed, or that it did not.
        handled.toldRow().ifPresent(row -> told.orElseThrow().whenComplete((sent, failure) -> {
            if (sent != null) {
                desk.sent(row, sent.getId(), sent.getChannel().getId(), sent.getContentRaw());
            } else {
                desk.notSent(row);
            }
        }));
        replier(message.getJDA()).carryOut(handled.reaction(), message);
    }

    /**
     * A customer's message Baton stored but never decided (the instance that stored it stopped before deciding),
     * found when catching up after a takeover: decided now, on its lane as if it had just arrived, unless something
     * was decided or said in its conversation since (see {@link SupportDesk#decideStored}).
     */
    void decideStored(Message message) {
        Place place = place(message.getChannel());
        String lane = place.lane(message.getAuthor().getId());
        lanes.submit(lane, () -> {
            Reaction reaction;
            try {
                reaction = desk.decideStored(message.getId());
            } catch (RuntimeException e) {
                LOG.error("could not decide stored message {} in {}: {}", message.getId(), place, e.toString(), e);
                return;
            }
            replier(message.getJDA()).carryOut(reaction, message);
        }, Lanes.NONE);
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (!event.getAuthor().isBot() && !event.getMessage().isWebhookMessage()) {
            String text = withoutMention(event.getMessage().getContentRaw(), event.getJDA().getSelfUser().getId());
            // On the message's lane, so an edit never overtakes the message it edits.
            lanes.submit(place(event.getChannel()).lane(event.getAuthor().getId()),
                    () -> desk.onEdit(event.getMessageId(), text), Lanes.NONE);
        }
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        // Behind the message when it is still queued; once it is handled, any lane will do (a thread's is its own).
        String lane = queuedLanes.getOrDefault(event.getMessageId(), event.getChannel().getId());
        lanes.submit(lane, () -> desk.onDelete(event.getMessageId()), Lanes.NONE);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String name = event.getName();
        if (name.equals(RESOLVE)) {
            Outcome outcome = Optional.ofNullable(event.getOption("outcome")).map(o -> Outcome.fromWire(o.getAsString()))
                    .orElse(Outcome.SOLVED);
            event.reply(desk.resolveFromDiscord(event.getChannel().getId(), event.getUser().getId(), outcome))
                    .setEphemeral(true).queue();
            return;
        }
        if (!name.equals(ASK) && !name.equals(HUMAN)) {
            return;
        }
        // /human is answered for the customer alone: the handoff itself happens in the conversation's thread.
        event.deferReply(name.equals(HUMAN)).queue();
        MessageChannel channel = event.getChannel();
        String text = name.equals(ASK)
                ? Optional.ofNullable(event.getOption("question")).map(o -> o.getAsString()).orElse("")
                : "/human" + Optional.ofNullable(event.getOption("why")).map(o -> " " + o.getAsString()).orElse("");
        Place place = place(channel);
        Incoming incoming = new Incoming("interaction:" + event.getId(), person(event.getUser(), event.getMember()),
                place, text, List.of(), null, clock.instant());
        lanes.submit(place.lane(event.getUser().getId()), () -> {
            Reaction reaction = name.equals(ASK) ? desk.onMessage(incoming) : desk.onHumanCommand(incoming);
            replier(event.getJDA()).carryOut(reaction, event.getHook(), channel);
        }, Lanes.NONE); // deferred above: the customer already sees Baton thinking
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        Optional<AfterCareButtons.Click> afterCareClick = AfterCareButtons.read(id);
        if (afterCareClick.isPresent()) {
            afterCareClicked(event, afterCareClick.get());
            return;
        }
        if (!id.startsWith(Replier.HUMAN_BUTTON)) {
            return;
        }
        long conversationId;
        try {
            conversationId = Long.parseLong(id.substring(Replier.HUMAN_BUTTON.length()));
        } catch (NumberFormatException e) {
            event.reply("This button is not one of Baton's.").setEphemeral(true).queue();
            return;
        }
        event.deferReply(true).queue(); // for the customer alone, as /human
        String userId = event.getUser().getId();
        lanes.submit(place(event.getChannel()).lane(userId), () -> {
            Reaction reaction = desk.onHumanRequest(conversationId, userId, "pressed \u201cTalk to a person\u201d");
            replier(event.getJDA()).carryOut(reaction, event.getHook(), event.getChannel());
        }, Lanes.NONE);
    }

    /**
     * 👍 / 👎 on the after-care question: an answer taken replaces the buttons with the thanks and an "Add a
     * comment" button (UPDATE_MESSAGE); a refusal is said to the clicker alone. "Add a comment" opens the
     * one-line comment box, for the customer who answered.
     */
    private void afterCareClicked(ButtonInteractionEvent event, AfterCareButtons.Click click) {
        String userId = event.getUser().getId();
        if (click.verdict().isPresent()) {
            AfterCare.Reply reply = aftercare.answer(click.handoffId(), userId, click.verdict().get());
            if (reply instanceof AfterCare.Reply.Recorded) {
                event.editMessage(event.getMessage().getContentRaw() + "\n\n" + reply.words())
                        .setComponents(ActionRow.of(Button.secondary(AfterCareButtons.comment(click.handoffId()),
                                "Add a comment")))
                        .setAllowedMentions(Replier.NONE) // JDA sends an edit without allowed_mentions unless told
                        .queue();
            } else {
                event.reply(reply.words()).setEphemeral(true).queue();
            }
            return;
        }
        Optional<AfterCare.Reply> refused = aftercare.refuseComment(click.handoffId(), userId);
        if (refused.isPresent()) {
            event.reply(refused.get().words()).setEphemeral(true).queue();
            return;
        }
        event.replyModal(Modal.create(AfterCareButtons.comment(click.handoffId()), "Anything to add?")
                .addComponents(Label.of("One line for the team (optional)",
                        TextInput.create(COMMENT_INPUT, TextInputStyle.SHORT).setRequired(false)
                                .setMaxLength(AfterCare.MAX_COMMENT).build()))
                .build()).queue();
    }

    /** The comment box sent: kept once, and the customer told so, privately. */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<AfterCareButtons.Click> click = AfterCareButtons.read(event.getModalId());
        if (click.isEmpty() || click.get().verdict().isPresent()) {
            return;
        }
        String text = Optional.ofNullable(event.getValue(COMMENT_INPUT)).map(ModalMapping::getAsString).orElse("");
        AfterCare.Reply reply = aftercare.comment(click.get().handoffId(), event.getUser().getId(), text);
        event.reply(reply.words()).setEphemeral(true).queue();
    }

    // ------------------------------------------------------------------------------ translating

    private static boolean isConversational(Message message) {
        MessageType type = message.getType();
        return type == MessageType.DEFAULT || type == MessageType.INLINE_REPLY;
    }

    static Place place(MessageChannel channel) {
        if (channel.getType() == ChannelType.PRIVATE) {
            return Place.dm(channel.getId());
        }
        if (channel instanceof ThreadChannel thread) {
            String parent = thread.getParentChannel().getId();
            return thread.getParentChannel().getType() == ChannelType.FORUM
                    ? Place.forumPost(thread.getId(), parent) : Place.thread(thread.getId(), parent);
        }
        return Place.channel(channel.getId());
    }

    private static Incoming.Person person(User user, Member member) {
        if (member == null) {
            return new Incoming.Person(user.getId(), displayName(user), List.of(), null);
        }
        List<String> roles = member.getRoles().stream().map(Role::getName).toList();
        return new Incoming.Person(user.getId(), member.getEffectiveName(), roles,
                member.hasTimeJoined() ? member.getTimeJoined().toInstant() : null);
    }

    private static String displayName(User user) {
        return user.getGlobalName() != null ? user.getGlobalName() : user.getName();
    }

    private static List<String> attachments(Message message) {
        return message.getAttachments().stream().map(Message.Attachment::getFileName).toList();
    }

    /** Removes the mention of Baton itself ("@Baton how do I…"), which is addressing, not content. */
    static String withoutMention(String content, String selfId) {
        return content.replaceAll("<@!?" + Pattern.quote(selfId) + ">", "").strip();
    }

    /**
     * Without the privileged Message Content intent, Discord delivers guild messages with empty text
     * (except those mentioning the bot). Say so once, loudly, instead of silently seeing nothing.
     */
    private void warnIfContentIsWithheld(Message message, Place place) {
        boolean empty = message.getContentRaw().isEmpty() && message.getAttachments().isEmpty()
                && message.getEmbeds().isEmpty() && message.getStickers().isEmpty() && message.getPoll() == null;
        if (empty && place.kind() != PlaceKind.DM && warnedAboutContent.compareAndSet(false, true)) {
            LOG.error("Discord delivered message {} in {} with no text: the Message Content intent is probably not"
                    + " enabled. Baton cannot read customers without it. Enable it at"
                    + " https://discord.com/developers/applications > your app > Bot > Privileged Gateway Intents >"
                    + " Message Content Intent, then restart Baton.", message.getId(), place.channelId());
        }
    }
}
