package dev.baton.triage;

import java.util.List;

/**
 * Looks at a conversation for one kind of signal that a person is needed. Pure: no I/O, and the same cues
 * for the same conversation. A detector may remember what it read in each message's text (a bounded
 * {@link dev.baton.text.TextMemo}), so that deciding a conversation again costs its new message, not its history.
 */
public interface CueDetector {

    /** Cues found, each with a score in [0, 1]; a cue at or above {@link TriageEngine#FIRE} hands off. */
    List<Cue> detect(Conversation conversation);
}
