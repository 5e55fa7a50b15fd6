package dev.baton.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.CueDefinition;
import dev.baton.triage.CueKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueDefinitionsTest {

    @Test
    void theConsoleIsToldEveryCueKindAsCueKindDefinesItInTheSameOrder() {
        List<String> names = CueDefinitions.ALL.stream().map(CueDefinition::name).toList();
        assertEquals(Arrays.stream(CueKind.values()).map(CueKind::wireName).toList(), names);
        for (CueKind kind : CueKind.values()) {
            assertEquals(new CueDefinition(kind.wireName(), kind.label(), kind.sensitive(), kind.alwaysOn(),
                    kind.queueRank()), CueDefinitions.ALL.get(kind.ordinal()), kind.wireName());
        }
        assertEquals(new CueDefinition("sadness_grief", "grief", true, false, 1),
                CueDefinitions.of(CueKind.SADNESS_GRIEF));
        assertEquals(new CueDefinition("human_request", "asked for a person", false, true, 2),
                CueDefinitions.of(CueKind.HUMAN_REQUEST));
    }
}
