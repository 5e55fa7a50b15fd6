package dev.baton.triage;

import java.util.List;

/** Looks at a conversation for one kind of signal that a person is needed. Pure: no state, no I/O. */
public interface CueDetector {

    /** Cues found, each with a score in [0, 1]; a cue at or above {@link TriageEngine#FIRE} hands off. */
    List<Cue> detect(Conversation conversation);
}
