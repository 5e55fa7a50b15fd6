package dev.baton.replay;

import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One moment a stored conversation could have gone to a person: a decision Baton made on a customer
 * message, or a customer asking for a person outright (a button or {@code /human}, with no decision row).
 * Everything a replay needs to decide it again under other rules is read once and kept here.
 *
 * @param sequence      orders points at the same instant: the decision's or the handoff's row id
 * @param cues          every cue the detectors scored, as stored (without the out-of-scope cue the
 *                      verdict itself adds), so the detectors never run again; for a customer who asked for a
 *                      person, the cues their handoff's packet kept (the request itself among them)
 * @param focus         the index of the decided message in the engine's view of the conversation
 * @param stored        the nearest knowledge-base entry as stored with the decision, or null when the row
 *                      predates that column (a replay then finds it again)
 * @param upTo          the last transcript line the engine had read at this point
 * @param customerWords what the customer had written so far, for routing topics
 * @param answered      the knowledge-base entries Baton had answered with so far
 * @param smallTalk     how much the decided message read as small talk only, as stored (0 before V6)
 */
record DecisionPoint(long conversationId, Instant at, long sequence, boolean askedForPerson, List<Cue> cues,
                     int focus, StoredNearest stored, Transcript transcript, int upTo, Set<String> customerWords,
                     List<String> answered, double smallTalk) {

    /** The nearest entry and confidence stored with a decision. */
    record StoredNearest(String kbId, double confidence) {
        StoredNearest {
            Objects.requireNonNull(kbId, "kbId");
        }
    }

    DecisionPoint {
        cues = List.copyOf(cues);
        customerWords = Set.copyOf(customerWords);
        answered = List.copyOf(answered);
    }

    /** What the engine read at this point; null when there was no customer message to read. */
    Conversation conversation() {
        return transcript.engineView(upTo, at);
    }
}
