package dev.baton.bridge;

import dev.baton.console.api.CueDefinition;
import dev.baton.triage.CueKind;
import java.util.Arrays;
import java.util.List;

/** Baton's cue kinds as the console reads them, each from its {@link CueKind}, in the same order. */
final class CueDefinitions {

    static final List<CueDefinition> ALL = Arrays.stream(CueKind.values()).map(CueDefinitions::of).toList();

    private CueDefinitions() {
    }

    static CueDefinition of(CueKind kind) {
        return new CueDefinition(kind.wireName(), kind.label(), kind.sensitive(), kind.alwaysOn(), kind.queueRank());
    }
}
