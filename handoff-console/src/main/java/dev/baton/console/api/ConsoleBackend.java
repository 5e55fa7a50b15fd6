package dev.baton.console.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the console needs from Baton: the queue, a handoff's whole story, the actions people
 * take on it, the playground and a stream of changes. The bot module implements it; the console
 * never sees Baton's stores, engine or Discord.
 *
 * <p>Actions name the acting person by their roster id. An action the handoff's state does not allow
 * (claiming a resolved handoff, say) throws {@link ActionRejected} with words fit for the person who
 * tried; an unknown handoff throws {@link NoSuchHandoff}.
 */
public interface ConsoleBackend {

    /** The people on the roster ({@code config/team.yaml}), who may hold console accounts. */
    List<StaffMember> staff();

    /** Every open handoff (waiting, claimed, transferred), in no particular order: the console sorts. */
    List<QueueEntry> queue();

    /** Recently resolved handoffs, newest first, so they can be looked at and reopened. */
    List<QueueEntry> recentlyResolved(int limit);

    /** The whole story of one handoff as it stands now (the transcript includes messages since the handoff). */
    Optional<HandoffDetail> handoff(long id);

    HandoffDetail claim(long id, String actorId);

    HandoffDetail transfer(long id, String actorId, String toStaffId, String note);

    /**
     * Sends a reply to the customer as the acting person: in Discord under their own name (or
     * prefixed with it when webhooks are not allowed), stored either way. Practice handoffs from the
     * playground are stored and never sent.
     */
    ReplyOutcome reply(long id, String actorId, String text);

    /** An internal note: for staff only, never shown to the customer. */
    HandoffDetail note(long id, String actorId, String text);

    /** @param outcome {@code solved}, {@code not_solvable} or {@code no_response} */
    HandoffDetail resolve(long id, String actorId, String outcome, String note);

    HandoffDetail reopen(long id, String actorId, String note);

    /**
     * Decides a conversation with the real engine and routing, storing nothing and sending nothing:
     * the same JSON object the {@code triage} command prints, plus {@code "assignee"} (the chosen
     * person's name) when it is a handoff.
     */
    ObjectNode playground(List<PlaygroundMessage> messages);

    /**
     * A knowledge-base entry by id (as named in a decision's {@code entry}), so the playground can show
     * the answer Baton would give. Empty when the knowledge base has no such entry.
     */
    Optional<KnowledgeEntryView> knowledgeEntry(String id);

    /**
     * Turns a playground conversation into a practice handoff in the queue, marked as practice, so a
     * newcomer can claim, reply and resolve it. Nothing about it ever reaches Discord. Throws
     * {@link ActionRejected} if the engine would not hand this conversation off.
     */
    HandoffDetail practice(String actorId, List<PlaygroundMessage> messages);

    /**
     * Rules for community managers: the live configuration, checking, trying and replaying drafts,
     * applying them without a restart, the change history, staff feedback and rules health.
     */
    RulesBackend rules();

    /** Prometheus text exposition of Baton's metrics (handoffs by reason, decisions, latencies). */
    String metrics();

    /**
     * Calls {@code listener} on every change the console shows: a handoff created or changed, a
     * message added to a handed-off conversation. Called from Baton's threads; must not block long.
     *
     * @return closing it stops the calls
     */
    AutoCloseable subscribe(Consumer<ConsoleEvent> listener);
}
