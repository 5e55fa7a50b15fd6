package dev.baton.discord;

import dev.baton.desk.SupportDesk;
import dev.baton.desk.UnconfirmedReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catching up after taking a shard over: whatever the instance that held it before received and did not store,
 * or stored and did not decide, is found and handled once.
 * <ol>
 *   <li>Each support channel and each open conversation's thread this shard can see is read from Discord after the
 *       last message id stored for it ({@code GET /channels/{id}/messages?after=ID&limit=100}, page by page), and
 *       every message goes through the listener as if it had just arrived: stored unless already stored (by
 *       {@code discord_id}), then decided.</li>
 *   <li>Then every customer message that was stored but never decided, with nothing said after it, is decided
 *       ({@link SupportDesk#decideStored}, which checks again under the conversation's lock).</li>
 * </ol>
 * Both run on the messages' lanes, behind whatever the live gateway delivered meanwhile, so a message that arrives
 * live and in the history at once is stored and decided once.
 *
 * <p>Before both, the previous holder's replies that Discord never confirmed are settled: a reply is stored before it
 * is posted, so a holder that stopped in between left a row without a Discord id. If Baton's post is found in the
 * thread or channel after the customer's message, the row is confirmed with it (posted, only not recorded: not
 * answered again); if not, it never went out, and it is withdrawn with its decision so the message is decided again.
 *
 * <p>The window this cannot close: a post still travelling when the holder died (sent, but not yet in Discord when
 * the new holder looks, at least the lease's margin later) would be withdrawn and answered a second time. A handoff
 * notice that never went out is posted as written, without what the live path adds around it (the person is not
 * added to a thread that was never started).
 */
final class CatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    private static final int PAGE = 100;
    /** Enough pages for any outage a lease covers; a runaway channel stops here. */
    private static final int MAX_PAGES = 50;
    /** How far back a channel with nothing stored, or an undecided message, is looked for. */
    static final Duration LOOKBACK = Duration.ofHours(1);

    private final SupportDesk desk;
    private final DiscordSettings settings;
    private final BatonListener listener;
    private final Clock clock;

    CatchUp(SupportDesk desk, DiscordSettings settings, BatonListener listener, Clock clock) {
        this.desk = desk;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Reads and hands over what this shard's JDA can see; returns how many messages it read.
     *
     * @param takenAt when this instance took the shard: replies stored before then and never confirmed are the
     *                previous holder's, looked for in Discord, and history is read on from the newest message stored
     *                before then; null after a session was merely recreated (this instance's own replies may still
     *                be on their way, and must not be touched; history is read on from what was stored until now)
     */
    int run(JDA jda, Instant takenAt) {
        Instant now = clock.instant();
        Instant since = now.minus(LOOKBACK);
        Instant before = takenAt == null ? now : takenAt;
        int[] settled = takenAt == null ? new int[3] : settleUnconfirmed(jda, since, takenAt);
        int read = 0;
        for (MessageChannel channel : channels(jda)) {
            try {
                read += readAfterStored(jda, channel, since, before);
            } catch (RuntimeException e) {
                LOG.warn("could not read the history of {} while catching up: {}", channel.getId(), e.toString());
            }
        }
        int undecided = 0;
        for (String[] waiting : desk.storedButUndecided(since)) {
            MessageChannel channel = jda.getChannelById(MessageChannel.class, waiting[1]);
            if (channel == null) {
                continue; // another shard's, or a DM on shard 0
            }
            try {
                listener.decideStored(channel.retrieveMessageById(waiting[0]).complete());
                undecided++;
            } catch (RuntimeException e) {
                LOG.warn("could not fetch stored message {} to decide it: {}", waiting[0], e.toString());
            }
        }
        LOG.info("caught up on shard {}: {} unconfirmed replies found posted, {} never posted (decided again), {} handoff"
                + " notices posted now; read {} messages after the stored ones, {} stored but undecided",
                jda.getShardInfo().getShardId(), settled[0], settled[1], settled[2], read, undecided);
        return read;
    }

    /**
     * The previous holder's replies that Discord never confirmed: one found posted (by Baton, after the customer's
     * message, in its thread or channel, and not stored) is confirmed with it; one not found was never posted, so it
     * is withdrawn with its decision and the message is decided again below. A handoff notice not found is only
     * posted now, as written (the handoff itself is stored, and not made again).
     *
     * @return {found posted, withdrawn, handoff notices posted now}
     */
    private int[] settleUnconfirmed(JDA jda, Instant since, Instant takenAt) {
        int[] settled = new int[3];
        for (UnconfirmedReply reply : desk.unconfirmedReplies(since, takenAt)) {
            List<MessageChannel> places = new ArrayList<>();
            for (String id : new LinkedHashSet<>(java.util.Arrays.asList(reply.threadId(), reply.customerMessageId(),
                    reply.customerChannelId()))) {
                MessageChannel channel = id == null ? null : jda.getChannelById(MessageChannel.class, id);
                if (channel != null) {
                    places.add(channel);
                }
            }
            if (places.isEmpty()) {
                continue; // another shard's
            }
            try {
                Optional<Message> posted = postedBy(jda, places, reply.customerMessageId());
                if (posted.isPresent()) {
                    Message message = posted.get();
                    desk.sent(reply.row(), message.getId(), message.getChannel().getId(), message.getContentRaw());
                    settled[0]++;
                } else if (!reply.handedOff()) {
                    desk.withdraw(reply);
                    settled[1]++;
                } else {
                    Message sent = postNotice(places, reply);
                    desk.sent(reply.row(), sent.getId(), sent.getChannel().getId(), sent.getContentRaw());
                    settled[2]++;
                }
            } catch (RuntimeException e) {
                LOG.warn("could not look for the reply to message {}: {}", reply.customerMessageId(), e.toString());
            }
        }
        return settled;
    }

    /**
     * A handoff notice that never went out: the handoff is stored (the conversation is with a person), so it is not
     * decided again; its notice is posted as written, in the conversation's thread when there is one, else in the
     * channel as a reply to the customer's message, mentioning whom it names.
     */
    private static Message postNotice(List<MessageChannel> places, UnconfirmedReply reply) {
        MessageChannel place = places.get(0);
        var send = place.sendMessage(reply.text())
                .setAllowedMentions(EnumSet.of(Message.MentionType.USER));
        if (place.getId().equals(reply.customerChannelId())) {
            send = send.setMessageReference(reply.customerMessageId()).failOnInvalidReply(false);
        }
        return send.complete();
    }

    /** Baton's first message after {@code after} in these places that is not stored yet. */
    private Optional<Message> postedBy(JDA jda, List<MessageChannel> places, String after) {
        String self = jda.getSelfUser().getId();
        for (MessageChannel place : places) {
            List<Message> messages = new ArrayList<>(MessageHistory.getHistoryAfter(place, after).limit(PAGE).complete()
                    .getRetrievedHistory());
            messages.sort(Comparator.comparingLong(Message::getIdLong));
            for (Message message : messages) {
                if (message.getAuthor().getId().equals(self) && !desk.isStored(message.getId())) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }

    /** The support channels and open conversations' threads this JDA (one shard) can see. */
    private List<MessageChannel> channels(JDA jda) {
        Set<String> ids = new LinkedHashSet<>(settings.supportChannels());
        ids.addAll(desk.openThreads());
        List<MessageChannel> channels = new ArrayList<>();
        for (String id : ids) {
            MessageChannel channel = jda.getChannelById(MessageChannel.class, id);
            if (channel != null) {
                channels.add(channel);
            }
        }
        return channels;
    }

    private int readAfterStored(JDA jda, MessageChannel channel, Instant since, Instant before) {
        Optional<Long> stored = desk.lastStoredId(channel.getId(), before);
        long after = stored.orElse(TimeUtil.getDiscordTimestamp(since.toEpochMilli()));
        int read = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Message> messages = new ArrayList<>(MessageHistory.getHistoryAfter(channel, Long.toUnsignedString(after))
                    .limit(PAGE).complete().getRetrievedHistory());
            if (messages.isEmpty()) {
                break;
            }
            messages.sort(Comparator.comparingLong(Message::getIdLong));
            for (Message message : messages) {
                listener.onMessageReceived(new MessageReceivedEvent(jda, -1, message));
                read++;
            }
            after = messages.get(messages.size() - 1).getIdLong();
            if (messages.size() < PAGE) {
                break;
            }
        }
        return read;
    }
}
