package dev.baton.discord;

import dev.baton.conversation.Place;
import dev.baton.conversation.PlaceKind;
import dev.baton.rules.Answering;

/**
 * Whether Baton hears a message. Support channels (and threads and forum posts in them), its DMs,
 * threads that hold one of its conversations, and anything that mentions it. Everything else is
 * people talking to people, and Baton stays out of it.
 *
 * <p>{@code discord.yaml} says where Baton listens; {@code rules.yaml} can only make it quieter: in a
 * channel whose rule says {@code answer: when_mentioned}, and in the threads and forum posts in it that
 * hold no conversation of Baton's, only a message that mentions Baton is heard. A conversation Baton
 * already has in a thread carries on without mentions, as the customer would expect.
 */
final class Listening {

    private Listening() {
    }

    /** @param answering what the place's channel rule says ({@code RuleBook.answeringIn}), read per message */
    static boolean hears(Place place, String guildId, DiscordSettings settings, boolean mentionsBaton,
                         boolean threadHasConversation, Answering answering) {
        if (place.kind() == PlaceKind.DM) {
            return true;
        }
        if (settings.guildId() != null && !settings.guildId().equals(guildId)) {
            return false;
        }
        if (mentionsBaton) {
            return true;
        }
        if (place.isThread() && threadHasConversation) {
            return true;
        }
        if (answering == Answering.WHEN_MENTIONED) {
            return false;
        }
        return switch (place.kind()) {
            case CHANNEL -> settings.supportChannels().contains(place.channelId());
            case THREAD, FORUM_POST -> settings.supportChannels().contains(place.parentId());
            case DM -> true;
        };
    }
}
