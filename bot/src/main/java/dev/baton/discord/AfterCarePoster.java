package dev.baton.discord;

import dev.baton.aftercare.AfterCareButtons;
import dev.baton.aftercare.AfterCareNotices;
import dev.baton.aftercare.Verdict;
import dev.baton.conversation.ConversationRecord;
import dev.baton.pickup.PickupNotices;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * After-care on Discord: posted as Baton in the conversation's thread, channel or DM, the way pickup notices
 * are ({@link PickupPoster}), pinging nobody. The question carries 👍 / 👎 buttons whose ids name the handoff
 * ({@link AfterCareButtons}); the closing line carries none.
 */
final class AfterCarePoster implements AfterCareNotices {

    private final PickupPoster poster;

    AfterCarePoster(PickupPoster poster) {
        this.poster = poster;
    }

    @Override
    public Posted ask(ConversationRecord conversation, long handoffId, String text) {
        return posted(poster.post(conversation, PickupPoster.content(text).addComponents(ActionRow.of(
                Button.secondary(AfterCareButtons.answer(Verdict.UP, handoffId), Emoji.fromUnicode("\uD83D\uDC4D")),
                Button.secondary(AfterCareButtons.answer(Verdict.DOWN, handoffId), Emoji.fromUnicode("\uD83D\uDC4E"))))
                .build()));
    }

    @Override
    public Posted close(ConversationRecord conversation, String text) {
        MessageCreateData data = PickupPoster.content(text).build();
        return posted(poster.post(conversation, data));
    }

    private static Posted posted(PickupNotices.Posted posted) {
        return new Posted(posted.delivered(), posted.discordId(), posted.channelId(), posted.detail());
    }
}
