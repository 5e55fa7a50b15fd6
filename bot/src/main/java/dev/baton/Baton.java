package dev.baton;

import dev.baton.config.BatonConfig;
import dev.baton.conversation.ConversationStore;
import dev.baton.desk.SupportDesk;
import dev.baton.discord.DiscordBot;
import dev.baton.handoff.HandoffStore;
import dev.baton.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Baton: storage, the desk, and Discord when a token is configured. */
public final class Baton implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Baton.class);
    private static final Duration DISCORD_READY = Duration.ofSeconds(60);

    private final Database database;
    private final Optional<DiscordBot> discord;

    private Baton(Database database, Optional<DiscordBot> discord) {
        this.database = database;
        this.discord = discord;
    }

    /** Loads and checks the config, opens the database, and connects to Discord if it can. */
    public static Baton start(Settings settings, Wiring wiring, Clock clock) {
        BatonConfig config = BatonConfig.load(settings.configDir());
        LOG.info("config from {}: {} knowledge-base entries, {} people on the roster, {} support channels",
                settings.configDir(), config.knowledge().size(), config.roster().people().size(),
                config.discord().supportChannels().size());
        Database database = Database.open(settings.databaseFile());
        LOG.info("database {}", database.location());
        ConversationStore conversations = new ConversationStore(database);
        HandoffStore handoffs = new HandoffStore(database);
        SupportDesk desk = wiring.desk(config, conversations, handoffs, clock);
        int open = handoffs.open().size();
        if (open > 0) {
            LOG.info("{} handoffs are open from before; Baton stays quiet in their conversations", open);
        }
        Optional<DiscordBot> discord = Optional.empty();
        if (settings.discord().isPresent()) {
            LOG.info("connecting to Discord: {}", settings.discord().get());
            try {
                discord = Optional.of(DiscordBot.start(settings.discord().get(), config.discord(), desk, clock,
                        DISCORD_READY));
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            LOG.info("connected to Discord as {}", discord.get().jda().getSelfUser().getName());
        } else {
            LOG.warn("DISCORD_TOKEN is not set, so Baton is not connected to Discord; the engine and storage run."
                    + " To connect a server, see \"Connecting a Discord server\" in README.md, then start Baton"
                    + " with DISCORD_TOKEN=<your bot token>.");
        }
        return new Baton(database, discord);
    }

    @Override
    public void close() {
        discord.ifPresent(DiscordBot::close);
        database.close();
    }
}
