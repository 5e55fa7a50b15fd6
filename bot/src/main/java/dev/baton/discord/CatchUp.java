package dev.baton.discord;

import dev.baton.desk.SupportDesk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>The window this cannot close: the instance that stopped decided a message, posted the answer, and stopped
 * before recording Discord's confirmation. The answer's row is kept (stored before it was posted), so the message
 * counts as decided and nobody answers it twice; only the row's Discord id stays unknown. The reverse, decided and
 * recorded but stopped before posting, leaves a decided message without a visible answer; it is as narrow as one
 * REST call (the row is written a moment before the post), and catching up does not post it again.
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

    /** Reads and hands over what this shard's JDA can see; returns how many messages it read. */
    int run(JDA jda) {
        Instant since = clock.instant().minus(LOOKBACK);
        int read = 0;
        for (MessageChannel channel : channels(jda)) {
            try {
                read += readAfterStored(jda, channel, since);
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
        LOG.info("caught up on shard {}: read {} messages after the stored ones, {} stored but undecided",
                jda.getShardInfo().getShardId(), read, undecided);
        return read;
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

    private int readAfterStored(JDA jda, MessageChannel channel, Instant since) {
        Optional<Long> stored = desk.lastStoredId(channel.getId());
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
