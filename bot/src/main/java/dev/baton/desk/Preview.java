package dev.baton.desk;

import dev.baton.knowledge.Match;
import dev.baton.routing.Routing;
import dev.baton.rules.Route;
import dev.baton.triage.Decision;
import java.util.Objects;
import java.util.Set;

/**
 * What Baton would do with a conversation under some rules, saving nothing: for the console's Try it
 * (live rules and a draft side by side) and the playground.
 *
 * @param decision      answer or handoff, with every cue and its evidence
 * @param nearest       the knowledge-base entry closest to the last customer message, answer or not
 * @param topics        the subject as routing saw it (empty for an answer)
 * @param route         the routing rule that matched; null for an answer
 * @param routing       who would get it and why; null for an answer
 * @param privateThread whether Baton would start a private thread for it (false for an answer, a DM, or
 *                      a conversation already in a thread)
 * @param text          the notice the customer would be told, or for an answer the answer text
 */
public record Preview(Decision decision, Match nearest, Set<String> topics, Route route, Routing routing,
                      boolean privateThread, String text) {

    public Preview {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(nearest, "nearest");
        topics = Set.copyOf(topics);
        Objects.requireNonNull(text, "text");
        if ((decision instanceof Decision.Handoff) != (route != null && routing != null)) {
            throw new IllegalArgumentException("a handoff has a route and a routing, an answer neither");
        }
    }

    public boolean isHandoff() {
        return decision instanceof Decision.Handoff;
    }
}
