package dev.baton.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the console needs to let community managers change Baton's rules safely: the live configuration
 * files, checking a draft, trying a conversation and replaying stored ones under the live rules and a
 * draft side by side, applying a draft without a restart, and the change history.
 *
 * <p>A <em>draft</em> maps configuration file names ({@code rules.yaml}, {@code team.yaml},
 * {@code messages.yaml}, {@code knowledge.yaml}) to their whole proposed text; files not in the map are
 * taken as live. Drafts are never stored by Baton until applied.
 */
public interface RulesEditor {

    /** The configuration files as live now, their version, and the last change Baton refused, if any. */
    LiveRules live();

    /** Every problem in the draft, with file, line, column and a hint; empty when it could go live. */
    List<ConfigProblem> check(Map<String, String> draft);

    /** One conversation decided and routed under the live rules and under the draft, storing nothing. */
    TryIt tryIt(Map<String, String> draft, TryItInput input);

    /**
     * The draft over the conversations stored from {@code from} (inclusive) to {@code to} (exclusive),
     * compared with the live rules over the same conversations. Throws
     * {@link DraftRejected} (an {@link ActionRejected} carrying the problems, shown
     * one by one and answered 422) when the draft has problems.
     */
    ReplayReport replay(Map<String, String> draft, Instant from, Instant to);

    /**
     * Writes the draft's files, reloads and records the change under {@code actorId}. Throws
     * {@link DraftRejected} when the draft has problems (record it as a rejected
     * change and as {@link LiveRules#lastRejected()}), or {@link ActionRejected} when the live version is no
     * longer {@code baseVersion} (someone changed the rules meanwhile; answered 409); nothing changes then.
     */
    LiveRules apply(String actorId, Map<String, String> draft, String baseVersion);

    /** Changes to the live rules, applied or refused, newest first. */
    List<RuleChange> changes(int limit);
}
