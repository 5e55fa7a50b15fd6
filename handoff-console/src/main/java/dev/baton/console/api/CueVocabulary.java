package dev.baton.console.api;

import java.util.List;

/** Baton's cue kinds: what the pages name reasons by and the queue ranks them by, so the console restates none. */
public interface CueVocabulary {

    /**
     * Every cue kind Baton knows, the names rules.yaml and handoff reasons use, in Baton's order of
     * importance.
     */
    List<CueDefinition> cues();
}
