package dev.baton.conversation;

import java.util.Objects;

/**
 * Where a message was written. {@code channelId} is the channel the message is in (for a thread,
 * forum post or DM that is the thread/DM itself); {@code parentId} is a thread's parent channel.
 */
public record Place(PlaceKind kind, String channelId, String parentId) {

    public Place {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channelId, "channelId");
    }

    public static Place channel(String channelId) {
        return new Place(PlaceKind.CHANNEL, channelId, null);
    }

    public static Place thread(String threadId, String parentId) {
        return new Place(PlaceKind.THREAD, threadId, parentId);
    }

    public static Place forumPost(String threadId, String forumId) {
        return new Place(PlaceKind.FORUM_POST, threadId, forumId);
    }

    public static Place dm(String channelId) {
        return new Place(PlaceKind.DM, channelId, null);
    }

    /**
     * The lane of a message by {@code authorId} here: where its order matters. A thread, forum post or DM
     * is one lane; in a channel each author is their own (the channel carries many customers at once).
     */
    public String lane(String authorId) {
        return kind == PlaceKind.CHANNEL ? channelId + "/" + authorId : channelId;
    }

    public boolean isThread() {
        return kind == PlaceKind.THREAD || kind == PlaceKind.FORUM_POST;
    }
}
