package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.EngineView;
import dev.baton.conversation.Incoming;
import dev.baton.live.RulesInForce;
import dev.baton.routing.Person;
import dev.baton.triage.Conversation;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A practice handoff from the playground: stored as a conversation of its own and handed off exactly as a
 * Discord conversation would be (real engine, real router, stored packet and notice), so a newcomer can
 * claim, reply and resolve it. Nothing is sent, and nothing is counted in the metrics or the decision log.
 */
record Practice(ConversationStore conversations, Handoffs handoffs, Clock clock) {

    /** See {@link SupportDesk#practice}. */
    Optional<Reaction.HandOff> practice(RulesInForce rules, String actorId, List<Message> messages) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, so as read back
        List<Message> view = new ArrayList<>();
        for (Message m : messages) {
            EngineView.of(AuthorKind.valueOf(m.author().name()), m.text(), false, at, null, null, m.entry())
                    .ifPresent(view::add);
        }
        Optional<Conversation> read = EngineView.conversationOf(view);
        if (read.isEmpty()) {
            throw new IllegalArgumentException("the conversation needs a customer message with some text");
        }
        // A practice conversation is in no channel: the community's cue settings apply, and no channel route.
        TriageEngine.Assessment assessment = rules.engine().assess(read.get(), rules.book().cuesIn(null, null),
                rules.book().answerConfidence());
        if (!(assessment.decision() instanceof Decision.Handoff decision)) {
            return Optional.empty();
        }
        // practice:<n> for both: a customer of its own (no earlier conversations) and a place no Discord id can equal.
        String practiceId = ConversationStore.PRACTICE_PREFIX + (conversations.practiceCount() + 1);
        conversations.rememberCustomer(new Incoming.Person(practiceId, "Practice customer", List.of(), null), at);
        ConversationRecord conversation = conversations.startPractice(practiceId, practiceId, at);
        Optional<Person> actor = rules.roster().byId(actorId);
        for (Message m : messages) {
            AuthorKind kind = AuthorKind.valueOf(m.author().name());
            String authorId = switch (kind) {
                case CUSTOMER -> practiceId;
                case BOT -> Outbox.BATON;
                default -> actor.map(Person::discordUserId).orElse(actorId);
            };
            String authorName = switch (kind) {
                case CUSTOMER -> "Practice customer";
                case BOT -> Outbox.BATON_NAME;
                default -> actor.map(Person::name).orElse(actorId);
            };
            conversations.insert(new NewMessage(null, conversation.id(), conversation.channelId(), authorId, authorName,
                    kind, m.text(), List.of(), null, null, at));
        }
        // The stored transcript reads back as the same engine view, so the decision's indexes still hold.
        Reading reading = Reading.of(conversations.transcript(conversation.id()));
        return Optional.of(handoffs.handOff(conversation, decision, reading, rules, false, assessment.nearest()));
    }
}
