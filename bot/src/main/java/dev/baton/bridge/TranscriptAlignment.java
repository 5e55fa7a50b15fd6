package dev.baton.bridge;

import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffPacket;
import java.util.List;
import java.util.Objects;

/**
 * Where each line of a handoff packet's transcript sits in the conversation's transcript now.
 *
 * <p>The packet holds the stored transcript as it was at handoff time, ordered by row id like the
 * transcript now, and rows are only ever added at the end. One thing can take a row out afterwards:
 * Baton's pending answer that Discord then refused is forgotten. So the current transcript is the
 * packet's with some lines gone and new ones after; walking both in order finds each line, and a line
 * that is gone maps to -1.
 */
final class TranscriptAlignment {

    private TranscriptAlignment() {
    }

    /** For each packet line, its index in {@code now}, or -1 when it is no longer there. */
    static int[] positions(List<HandoffPacket.Line> atHandoff, List<StoredMessage> now) {
        int[] positions = new int[atHandoff.size()];
        int next = 0;
        for (int i = 0; i < atHandoff.size(); i++) {
            positions[i] = -1;
            for (int k = next; k < now.size(); k++) {
                if (same(atHandoff.get(i), now.get(k))) {
                    positions[i] = k;
                    next = k + 1;
                    break;
                }
            }
        }
        return positions;
    }

    private static boolean same(HandoffPacket.Line then, StoredMessage now) {
        if (then.discordId() != null) {
            return then.discordId().equals(now.discordId());
        }
        // Not on Discord at handoff time: Baton's pending message (confirmed since, perhaps with its final
        // text) or a practice line (never sent, never changed).
        return then.author().equals(now.authorKind().wireName()) && then.at().equals(now.createdAt())
                && Objects.equals(then.kbId(), now.kbId())
                && (now.discordId() != null || then.text().equals(now.text()));
    }
}
