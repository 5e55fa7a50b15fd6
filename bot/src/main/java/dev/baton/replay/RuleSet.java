package dev.baton.replay;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.routing.Roster;
import dev.baton.rules.RuleBook;
import dev.baton.triage.TriageEngine;
import java.util.Objects;

/**
 * One complete set of rules to replay stored conversations under: the live ones, or a draft.
 *
 * @param engine                  used only where stored evidence is not enough: to find the nearest
 *                                knowledge-base entry again (old decision rows, or a draft knowledge base)
 * @param privateThreadsByDefault {@code discord.yaml}'s {@code private_threads}, for routes that do not say
 */
public record RuleSet(TriageEngine engine, KnowledgeBase knowledge, Roster roster, RuleBook rules,
                      boolean privateThreadsByDefault) {

    public RuleSet {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(rules, "rules");
    }

    /** Whether both hold the same entries, so a nearest match found under one holds under the other. */
    boolean sameKnowledgeAs(RuleSet other) {
        return knowledge.entries().equals(other.knowledge.entries());
    }
}
