package dev.baton.console;

import dev.baton.console.api.CueDefinition;
import dev.baton.console.rules.ConfigProblem;
import dev.baton.console.rules.ConversationView;
import dev.baton.console.rules.FeedbackView;
import dev.baton.console.rules.LiveRules;
import dev.baton.console.rules.ReplayReport;
import dev.baton.console.rules.RuleChange;
import dev.baton.console.rules.RulesHealth;
import dev.baton.console.rules.TryIt;
import dev.baton.console.rules.TryItInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console needs to let community managers change Baton's rules safely and learn from staff:
 * the live configuration files, checking a draft, trying a conversation and replaying stored ones under
 * the live rules and a draft side by side, applying a draft without a restart, the change history,
 * feedback on handoffs and the rules health numbers.
 *
 * <p>A <em>draft</em> maps configuration file names ({@code rules.yaml}, {@code team.yaml},
 * {@code messages.yaml}, {@code knowledge.yaml}) to their whole proposed text; files not in the map are
 * taken as live. Drafts are never stored by Baton until applied.
 */
public interface RulesBackend {

    /** The configuration files as live now, their version, and the last change Baton refused, if any. */
    LiveRules live();

    /** Every problem in the draft, with file, line, column and a hint; empty when it could go live. */
    List<ConfigProblem> check(Map<String, String> draft);

    /** One conversation decided and routed under the live rules and under the draft, storing nothing. */
    TryIt tryIt(Map<String, String> draft, TryItInput input);

    /**
     * The draft over the conversations stored from {@code from} (inclusive) to {@code to} (exclusive),
     * compared with the live rules over the same conversations. Throws
     * {@link dev.baton.console.rules.DraftRejected} (an {@link ActionRejected} carrying the problems, shown
     * one by one and answered 422) when the draft has problems.
     */
    ReplayReport replay(Map<String, String> draft, Instant from, Instant to);

    /**
     * Writes the draft's files, reloads and records the change under {@code actorId}. Throws
     * {@link dev.baton.console.rules.DraftRejected} when the draft has problems (record it as a rejected
     * change and as {@link LiveRules#lastRejected()}), or {@link ActionRejected} when the live version is no
     * longer {@code baseVersion} (someone changed the rules meanwhile; answered 409); nothing changes then.
     */
    LiveRules apply(String actorId, Map<String, String> draft, String baseVersion);

    /** Changes to the live rules, applied or refused, newest first. */
    List<RuleChange> changes(int limit);

    /**
     * Staff feedback on a handoff. {@code kind} is {@code needed_person}, {@code bot_could_answer},
     * {@code should_have_come_sooner} or {@code asked_again} (staff asked the customer for something
     * already in the transcript). Clicking the same kind again changes nothing.
     *
     * @return all feedback on the handoff's conversation, oldest first
     */
    List<FeedbackView> feedbackOnHandoff(long handoffId, String actorId, String kind, String note);

    /** Feedback on a conversation Baton answered: only {@code should_have_come_sooner}. */
    List<FeedbackView> feedbackOnConversation(long conversationId, String actorId, String kind, String note);

    /** Feedback given on a conversation, oldest first. */
    List<FeedbackView> feedback(long conversationId);

    /** Per rule and per cue: handoffs, feedback, precision, pickup times, deadline breaches, answer rate. */
    RulesHealth health(Instant from, Instant to);

    /** Any stored conversation, answered or handed off, for replay's list of changed conversations. */
    Optional<ConversationView> conversation(long id);

    /** Recent conversations Baton answered without a person, newest first, for "should have come sooner". */
    List<ConversationView.Summary> recentlyAnswered(int limit);

    /**
     * Every cue kind Baton knows, the names rules.yaml and handoff reasons use, in Baton's order of
     * importance: what the pages and the queue order read instead of knowing the cues themselves.
     */
    List<CueDefinition> cues();
}
