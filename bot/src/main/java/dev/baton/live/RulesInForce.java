package dev.baton.live;

import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.routing.Roster;
import dev.baton.rules.RuleBook;
import dev.baton.triage.TriageEngine;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything Baton decides, routes and words by, as one immutable snapshot: the live configuration, a
 * draft being tried or replayed, or what a test sets up. The reloader swaps a whole snapshot, and every
 * reader (the desk per message, the pickup watch per tick, a replay per side) takes one and keeps it,
 * so nothing is ever decided by half of an old configuration and half of a new one.
 *
 * @param engine                  the triage engine over {@code knowledge} (null only where nothing is decided)
 * @param book                    {@code rules.yaml}: cue settings per channel, answer confidence, routes, deadlines
 * @param privateThreadsByDefault {@code discord.yaml}'s {@code private_threads}: what a route that does not say gets
 */
public record RulesInForce(TriageEngine engine, KnowledgeBase knowledge, Roster roster, HandoffWording wording,
                           RuleBook book, boolean privateThreadsByDefault) {

    public RulesInForce {
        Stream.of(knowledge, roster, wording, book).forEach(Objects::requireNonNull); // all but the engine
    }

    /** Without a {@code rules.yaml} (see {@link RuleBook#defaults()}) and with public threads. */
    public RulesInForce(TriageEngine engine, KnowledgeBase knowledge, Roster roster, HandoffWording wording) {
        this(engine, knowledge, roster, wording, RuleBook.defaults(), false);
    }

    /** Under {@code book}, with public threads unless a route says otherwise. */
    public RulesInForce(TriageEngine engine, KnowledgeBase knowledge, Roster roster, HandoffWording wording,
                        RuleBook book) {
        this(engine, knowledge, roster, wording, book, false);
    }

    /** The same, under another {@code rules.yaml} (a reloaded or draft one). */
    public RulesInForce withBook(RuleBook other) {
        return new RulesInForce(engine, knowledge, roster, wording, other, privateThreadsByDefault);
    }

    /** Whether both hold the same entries, so a nearest match found under one holds under the other. */
    public boolean sameKnowledgeAs(RulesInForce other) {
        return knowledge.entries().equals(other.knowledge.entries());
    }
}
