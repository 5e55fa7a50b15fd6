package dev.baton.rules;

import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import java.util.Map;
import java.util.Objects;

/**
 * A channel's overrides, named in {@code rules.yaml} so routes can say {@code channel: billing}.
 * They apply in the channel itself and in its threads and forum posts.
 *
 * @param cues overrides of the community-wide cue settings for conversations in this channel
 */
public record ChannelRule(String name, String channelId, Answering answering, Map<CueKind, CueSetting> cues) {

    public ChannelRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(answering, "answering");
        cues = Map.copyOf(cues);
    }
}
