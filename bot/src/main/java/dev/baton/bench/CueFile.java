package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.TriageEngine;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One of the cue data sets in {@code bench/}, scored on its own label only: which rows are positive, and
 * which cue kinds count as flagging them.
 *
 * @param positive   the positive label, as the cues table names it
 * @param categories whether the label names a cue kind, so that the flagged kind can be checked too
 */
record CueFile(String name, String positive, Set<CueKind> counted, Predicate<JsonNode> isPositive,
               boolean categories) {

    /** Any feeling ({@link CueKind#isFeeling()}) counts for an emotion file's "not none". */
    private static final Set<CueKind> FEELINGS = feelings();

    /** The five, in the order the cues table lists them. */
    static final List<CueFile> ALL = List.of(
            new CueFile("emotion_goemotions", "not none", FEELINGS, row -> !"none".equals(label(row)), true),
            new CueFile("emotion_empathetic", "not none", FEELINGS, row -> !"none".equals(label(row)), true),
            new CueFile("frustration_support_tweets", "frustrated", EnumSet.of(CueKind.FRUSTRATION, CueKind.ANGER),
                    row -> "frustrated".equals(label(row)), false),
            new CueFile("urgency_mooc", "urgent", EnumSet.of(CueKind.URGENCY), row -> "urgent".equals(label(row)),
                    false),
            new CueFile("stress_dreaddit", "stress", EnumSet.of(CueKind.ANXIETY, CueKind.SADNESS_GRIEF, CueKind.CRISIS),
                    row -> "stress".equals(label(row)), false));

    CueFile {
        counted = Collections.unmodifiableSet(EnumSet.copyOf(counted));
    }

    /** The cue file of this name; a name not listed is a defect in the caller. */
    static CueFile named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cue file named " + name));
    }

    Path in(Path data) {
        return data.resolve("bench/" + name + ".dev.jsonl");
    }

    /** The counted kinds whose combined score reaches {@link TriageEngine#FIRE}: what flags the message. */
    Set<CueKind> fired(List<Cue> cues) {
        Set<CueKind> fired = EnumSet.noneOf(CueKind.class);
        for (Map.Entry<CueKind, Double> e : TriageEngine.combine(cues).entrySet()) {
            if (e.getValue() >= TriageEngine.FIRE && counted.contains(e.getKey())) {
                fired.add(e.getKey());
            }
        }
        return fired;
    }

    /** Counts one row, given the cues found in it; returns the kinds that flagged it. */
    Set<CueKind> score(JsonNode row, List<Cue> cues, CueScore score) {
        Set<CueKind> fired = fired(cues);
        boolean gold = isPositive.test(row);
        score.add(gold, fired, categories && gold ? CueKind.fromWire(label(row)) : null);
        return fired;
    }

    private static String label(JsonNode row) {
        return row.path("label").asText();
    }

    private static Set<CueKind> feelings() {
        Set<CueKind> feelings = EnumSet.noneOf(CueKind.class);
        for (CueKind kind : CueKind.values()) {
            if (kind.isFeeling()) {
                feelings.add(kind);
            }
        }
        return feelings;
    }
}
