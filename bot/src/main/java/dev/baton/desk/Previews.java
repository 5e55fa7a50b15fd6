package dev.baton.desk;

import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.live.RulesInForce;
import dev.baton.routing.Routing;
import dev.baton.rules.RouteFacts;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Conversation;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Baton would do, saving nothing and sending nothing: for the console's playground and Try it, by
 * the same engine, rules, router and workload as a conversation from Discord.
 */
final class Previews {

    private final Handoffs handoffs;

    Previews(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    /** See {@link SupportDesk#preview}. */
    Preview preview(RulesInForce rules, Conversation conversation, String channelId, String parentId,
                    List<String> roles, Instant at) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(conversation, "conversation");
        CueSettings settings = rules.book().cuesIn(channelId, parentId);
        TriageEngine.Assessment assessment = rules.engine().assess(conversation, settings,
                rules.book().answerConfidence());
        if (assessment.decision() instanceof Decision.Answer answer) {
            String text = rules.knowledge().find(answer.entry()).map(KnowledgeEntry::answer).orElse("");
            return new Preview(answer, assessment.nearest(), Set.of(), null, null, false, text);
        }
        if (assessment.decision() instanceof Decision.SmallTalk smallTalk) {
            return new Preview(smallTalk, assessment.nearest(), Set.of(), null, null, false, rules.wording().smallTalk());
        }
        Decision.Handoff decision = (Decision.Handoff) assessment.decision();
        Set<String> topics = Handoffs.topics(conversation, List.of(), rules, assessment.nearest());
        Dispatch dispatch = handoffs.dispatch(rules, Handoffs.facts(decision, topics, channelId, parentId, roles, at));
        // Only a conversation in a channel gets a thread of Baton's; a thread, forum post or DM is answered in place.
        boolean privateThread = channelId != null && parentId == null && dispatch.wantsPrivateThread();
        return new Preview(decision, assessment.nearest(), topics, dispatch.route(), dispatch.routing(), privateThread,
                Handoffs.notice(rules, decision, dispatch.routing(), at));
    }

    /** See {@link SupportDesk#route}. */
    Routing route(RulesInForce rules, Conversation conversation, Decision.Handoff decision, Instant at) {
        RouteFacts facts = Handoffs.facts(decision, Handoffs.topics(conversation, List.of(), rules, null), null, null,
                List.of(), at);
        return handoffs.dispatch(rules, facts).routing();
    }
}
