package dev.baton.discord;

import dev.baton.aftercare.AfterCareNotices;
import dev.baton.console.api.DiscordStatus;
import dev.baton.desk.StaffReplies;
import dev.baton.pickup.PickupNotices;

/**
 * What the rest of Baton needs from its link to Discord, however it is reached: one gateway session
 * ({@link DiscordConnection}) or the shards this instance holds ({@link ShardedDiscord}).
 */
public interface DiscordLink extends DiscordStatus, AutoCloseable {

    StaffReplies staffReplies();

    PickupNotices pickupNotices();

    AfterCareNotices afterCareNotices();

    @Override
    void close();
}
