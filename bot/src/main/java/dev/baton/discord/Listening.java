package dev.baton.discord;

import dev.baton.conversation.Place;

/**
 * Whether Baton hears a message. Support channels (and threads and forum posts in them), its DMs,
 * threads that hold one of its conversations, and anything that mentions it. Everything else is
 * people talking to people, and Baton stays out of it.
 */
final class Listening {

    private Listening() {
    }

    static boolean hears(Place place, String guildId, DiscordSettings settings, boolean mentionsBaton,
                         boolean threadHasConversation) {
        if (place.kind() == dev.baton.conversation.PlaceKind.DM) {
            return true;
        }
        if (settings.guildId() != null && !settings.guildId().equals(guildId)) {
            return false;
        }
        if (mentionsBaton) {
            return true;
        }
        return switch (place.kind()) {
            case CHANNEL -> settings.supportChannels().contains(place.channelId());
            case THREAD, FORUM_POST -> threadHasConversation || settings.supportChannels().contains(place.parentId());
            case DM -> true;
        };
    }
}
