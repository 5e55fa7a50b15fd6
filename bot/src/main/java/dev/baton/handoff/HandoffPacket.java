package dev.baton.handoff;

import java.time.Instant;
import java.util.List;

/**
 * Everything the person picking up needs so the customer never repeats themselves, as it stood
 * when Baton handed off. Stored with the handoff (as JSON) so it survives restarts and later edits.
 *
 * @param transcript every message of the conversation: customer, Baton and staff
 * @param elsewhere  what the customer wrote lately in Baton's other channels
 * @param answers    what Baton already told the customer, with the knowledge-base entry it came from
 * @param cues       every signal scored on the conversation, strongest first, fired or not
 */
public record HandoffPacket(long conversationId, String reason, List<String> reasons, String summary,
                            Profile customer, List<Line> transcript, List<Line> elsewhere, List<BotAnswer> answers,
                            List<CueEvidence> cues, Assignment assignment, Instant createdAt) {

    public HandoffPacket {
        reasons = List.copyOf(reasons);
        transcript = List.copyOf(transcript);
        elsewhere = List.copyOf(elsewhere);
        answers = List.copyOf(answers);
        cues = List.copyOf(cues);
    }

    /** Who the customer is. {@code joinedAt} is null for someone outside the server (a DM). */
    public record Profile(String id, String name, List<String> roles, Instant joinedAt, Instant firstSeen,
                          List<EarlierConversation> earlier) {
        public Profile {
            roles = List.copyOf(roles);
            earlier = List.copyOf(earlier);
        }
    }

    /** One of the customer's earlier conversations; {@code handoffReason} is null if Baton handled it. */
    public record EarlierConversation(long id, Instant startedAt, String channelId, String state,
                                      String handoffReason) {
    }

    /** One message. {@code author} is customer, bot, staff or other; {@code kbId} marks Baton's answers. */
    public record Line(String discordId, String channelId, String author, String authorName, String text,
                       List<String> attachments, Instant at, boolean edited, boolean deleted, String kbId) {
        public Line {
            attachments = List.copyOf(attachments);
        }
    }

    public record BotAnswer(String kbId, String text, Instant at) {
    }

    /**
     * A cue with its quoted evidence. {@code line} indexes {@link #transcript} (or -1 when the cue is
     * about the conversation as a whole), so the console can highlight the words in place.
     */
    public record CueEvidence(String kind, double score, boolean fired, int line, String evidence) {
    }

    /**
     * Who it went to and why, in words for the timeline ("billing topic; on shift; …"), and what the
     * routing rules said: the rule that matched, its priority and whether the thread is private.
     * Packets stored before rules existed read back with rule {@code default} and priority {@code normal}.
     */
    public record Assignment(String personId, String personName, String team, String why, boolean onShift,
                             Instant availableAt, String rule, String priority, boolean privateThread) {
        public Assignment {
            rule = rule == null ? "default" : rule;
            priority = priority == null ? "normal" : priority;
        }
    }
}
