package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.Grouping;
import dev.baton.conversation.Grouping.Candidates;
import dev.baton.conversation.Incoming;
import dev.baton.routing.Roster;
import java.time.Duration;
import java.util.Optional;

/**
 * A message arrives: it is stored first, in the conversation it belongs to (starting one when it
 * belongs to none), with who wrote it relative to that conversation: its customer, staff or a bystander.
 */
final class Intake {

    /** A stored message: its conversation, who wrote it relative to that conversation, its row. */
    record Placed(ConversationRecord conversation, AuthorKind kind, long row) {
    }

    private final ConversationStore conversations;
    /** {@code discord.yaml}'s {@code quiet_gap}: after this long without a word, a message starts anew. */
    private final Duration quietGap;

    Intake(ConversationStore conversations, Duration quietGap) {
        this.conversations = conversations;
        this.quietGap = quietGap;
    }

    /** Stores the message in its conversation; empty if it was already stored (Discord redelivered it). */
    Optional<Placed> store(Incoming message, Roster roster) {
        if (conversations.isStored(message.discordId())) {
            return Optional.empty();
        }
        Candidates candidates = candidates(message);
        Grouping.Choice choice = Grouping.choose(message, candidates, quietGap);
        boolean staff = roster.byDiscordUserId(message.author().id()).isPresent();
        Optional<ConversationRecord> someoneElsesThread = candidates.inThread()
                .filter(c -> !c.customerId().equals(message.author().id()));
        if (staff && choice instanceof Grouping.Start && someoneElsesThread.isPresent()) {
            // A person writing in a customer's thread after it was resolved ("glad that's sorted") is still
            // helping, not asking: their words join the record, they do not become a customer to answer.
            choice = new Grouping.Join(someoneElsesThread.get());
        }
        boolean joining = choice instanceof Grouping.Join;
        if (!joining || ((Grouping.Join) choice).conversation().customerId().equals(message.author().id())) {
            conversations.rememberCustomer(message.author(), message.at()); // before the conversation refers to them
        }
        ConversationRecord conversation = joining
                ? ((Grouping.Join) choice).conversation()
                : start((Grouping.Start) choice, message);
        boolean fromCustomer = conversation.customerId().equals(message.author().id());
        AuthorKind kind = fromCustomer ? AuthorKind.CUSTOMER : staff ? AuthorKind.STAFF : AuthorKind.OTHER;
        Optional<Long> row = conversations.insert(new NewMessage(message.discordId(), conversation.id(),
                message.place().channelId(), message.author().id(), message.author().name(), kind, message.text(),
                message.attachments(), message.replyTo(), null, message.at()));
        row.ifPresent(r -> conversations.touch(conversation.id(), message.at()));
        return row.map(r -> new Placed(conversation, kind, r));
    }

    /**
     * Whether Baton would answer this message if it were decided now: it comes from a customer, in a new
     * conversation or their own one that no person has. Reads only; for telling a customer kept waiting that an
     * answer is coming (never one whose conversation is with a person, never staff).
     */
    boolean expectsAnswer(Incoming message, Roster roster) {
        if (roster.byDiscordUserId(message.author().id()).isPresent()) {
            return false;
        }
        Grouping.Choice choice = Grouping.choose(message, candidates(message), quietGap);
        if (!(choice instanceof Grouping.Join join)) {
            return true;
        }
        return join.conversation().customerId().equals(message.author().id()) && !join.conversation().isQuiet();
    }

    private Candidates candidates(Incoming message) {
        if (message.place().isThread()) {
            return new Candidates(conversations.latestInThread(message.place().channelId()), Optional.empty(),
                    Optional.empty());
        }
        return new Candidates(Optional.empty(),
                Optional.ofNullable(message.replyTo()).flatMap(conversations::ofMessage),
                conversations.latestOf(message.author().id(), message.place().channelId()));
    }

    private ConversationRecord start(Grouping.Start start, Incoming message) {
        return conversations.start(message.author().id(), start.place(), start.channelId(), start.threadId(),
                message.place().parentId(), message.at());
    }
}
