package dev.baton.aftercare;

import dev.baton.rules.AfterCareRules;
import dev.baton.rules.AfterCareRules.Ask;
import dev.baton.triage.CueKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether Baton asks "Did this help?" after a resolve, posts only a kind closing line, or stays silent.
 * Pure: it reads only its arguments.
 *
 * <ul>
 *   <li>A practice handoff from the playground: nothing (nobody is there to answer).</li>
 *   <li>Otherwise every reason counts, the main one and the others in the packet, and the gentlest
 *       choice among them wins: a handoff that was about a crisis, even alongside anger, gets nothing;
 *       grief alongside a billing question gets the closing line, never a rating.</li>
 * </ul>
 */
public final class AfterCarePolicy {

    private AfterCarePolicy() {
    }

    /**
     * @param mainReason the handoff's main reason (a cue's wire name)
     * @param reasons    every reason in the handoff's packet, in any order; may repeat {@code mainReason}
     */
    public static Choice choose(String mainReason, List<String> reasons, boolean practice, AfterCareRules rules) {
        if (practice) {
            return new Choice.Nothing("a practice handoff: nobody is there to ask");
        }
        Ask chosen = Ask.RATING;
        CueKind because = null;
        for (CueKind cue : cues(mainReason, reasons)) {
            Ask ask = rules.ask(cue);
            if (ask.compareTo(chosen) > 0) {
                chosen = ask;
                because = cue;
            }
        }
        String why = because == null ? "no reason of this handoff asks for less than a rating"
                : because.wireName() + " is among its reasons (aftercare: " + because.wireName() + ": "
                        + chosen.wireName() + ")";
        return switch (chosen) {
            case RATING -> new Choice.Post(Kind.RATING, why);
            case CLOSING_LINE -> new Choice.Post(Kind.CLOSING_LINE, why);
            case NONE -> new Choice.Nothing(why);
        };
    }

    /** The reasons as cues, main first; a name Baton no longer knows is passed over. */
    private static List<CueKind> cues(String mainReason, List<String> reasons) {
        List<CueKind> cues = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.add(mainReason);
        all.addAll(reasons);
        for (String reason : all) {
            if (reason == null) {
                continue;
            }
            try {
                CueKind cue = CueKind.fromWire(reason);
                if (!cues.contains(cue)) {
                    cues.add(cue);
                }
            } catch (IllegalArgumentException e) {
                // Stored by an older Baton under a name since retired: it cannot ask for less than a rating.
            }
        }
        return cues;
    }
}
