package dev.baton.health;

import dev.baton.store.TestDatabases;
import static dev.baton.desk.Messages.idOf;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.TestClock;
import dev.baton.feedback.FeedbackKind;
import dev.baton.feedback.FeedbackStore;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffLifecycle;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A support history written through the real stores, with a clock the test sets: customers who were
 * answered or handed off, claims, staff replies, deadline events and feedback. Defaults: a handoff is
 * routed by the {@code default} rule for {@code anger} to Alex, at normal priority; the roster is
 * {@link TwoPersonTeam} (Alex in billing, Sam in support).
 *
 * <pre>{@code HandoffRecord h = history.at("2024-06-10T10:00:00Z").handoff().rule("billing").to("alex").create();
 * history.after(Duration.ofSeconds(60)).lifecycle.claim(h.id(), "alex");}</pre>
 */
public final class History implements AutoCloseable {

    public static final Roster ROSTER = TwoPersonTeam.roster(idOf("alex"), idOf("sam"));

    public final TestClock clock = new TestClock(Instant.parse("2024-06-01T00:00:00Z"));
    public final Database database;
    public final ConversationStore conversations;
    public final HandoffStore handoffs;
    public final HandoffLifecycle lifecycle;
    public final FeedbackStore feedback;

    private final AtomicInteger customers = new AtomicInteger();

    public History() {
        this(TestDatabases.fresh());
    }

    /** A history written into {@code database}, e.g. a file Baton is then started on. */
    public History(Database database) {
        this.database = database;
        this.conversations = new ConversationStore(database);
        this.handoffs = new HandoffStore(database);
        this.lifecycle = new HandoffLifecycle(handoffs, clock);
        this.feedback = new FeedbackStore(database, conversations, handoffs, clock);
    }

    /** Moves the clock to {@code instant} (ISO-8601, UTC); later is the usual direction, earlier is allowed. */
    public History at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
        return this;
    }

    public History after(Duration duration) {
        clock.advance(duration);
        return this;
    }

    public HandoffBuilder handoff() {
        return new HandoffBuilder();
    }

    /** A new conversation in which Baton answered the customer's question from the knowledge base, now. */
    public ConversationRecord answered() {
        ConversationRecord conversation = start(false);
        long question = say(conversation, AuthorKind.CUSTOMER, conversation.customerId(), "Customer",
                "How much does Lumen Plus cost?");
        decision(conversation.id(), question, "answer");
        say(conversation, AuthorKind.BOT, "baton", "Baton", "Lumen Plus is $4 a month.");
        return conversation;
    }

    /** A new conversation Baton stayed silent in (a channel where it answers only when mentioned), now. */
    public ConversationRecord unanswered() {
        ConversationRecord conversation = start(false);
        say(conversation, AuthorKind.CUSTOMER, conversation.customerId(), "Customer", "anyone around?");
        return conversation;
    }

    /** Another answer from Baton in an existing conversation, now. */
    public void answerAgain(ConversationRecord conversation) {
        long question = say(conversation, AuthorKind.CUSTOMER, conversation.customerId(), "Customer",
                "And per year?");
        decision(conversation.id(), question, "answer");
    }

    /** A person on the roster writes in the conversation (from Discord or the console: a staff message), now. */
    public void staffReply(long conversationId, String personId) {
        Person person = ROSTER.byId(personId).orElseThrow();
        ConversationRecord conversation = conversations.conversation(conversationId).orElseThrow();
        say(conversation, AuthorKind.STAFF, person.discordUserId(), person.name(), "Hi, I'm looking at this now.");
    }

    /** A pickup deadline event as the deadline sweep writes it: reminded or escalated, now. */
    public void deadline(long handoffId, String kind) {
        handoffs.note(handoffId, HandoffEvent.BATON, kind, "deadline passed", clock.instant());
    }

    /** The deadline sweep gives the handoff to someone else, now. */
    public void reroute(long handoffId, String toPersonId) {
        handoffs.move(handoffId, new HandoffStore.Move(HandoffState.TRANSFERRED, HandoffEvent.BATON, "rerouted",
                "to " + toPersonId + ": not picked up in time", toPersonId, null, null), clock.instant());
    }

    public void feedback(HandoffRecord handoff, String actor, FeedbackKind kind) {
        feedback.onHandoff(handoff.id(), actor, kind, "");
    }

    public void sooner(ConversationRecord answered, String actor) {
        feedback.onAnswered(answered.id(), actor, FeedbackKind.SHOULD_HAVE_COME_SOONER, "");
    }

    @Override
    public void close() {
        database.close();
    }

    public final class HandoffBuilder {
        private String rule = "default";
        private String reason = "anger";
        private String assignee = "alex";
        private boolean practice;
        private ConversationRecord conversation;

        public HandoffBuilder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public HandoffBuilder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public HandoffBuilder to(String assignee) {
            this.assignee = assignee;
            return this;
        }

        /** From the console's playground. */
        public HandoffBuilder practice() {
            this.practice = true;
            return this;
        }

        /** A second handoff of a conversation that came back after its first was resolved. */
        public HandoffBuilder in(long conversationId) {
            this.conversation = conversations.conversation(conversationId).orElseThrow();
            return this;
        }

        /** The customer's message, Baton's decision to hand off, and the waiting handoff, all now. */
        public HandoffRecord create() {
            ConversationRecord c = conversation != null ? conversation : start(practice);
            long message = say(c, AuthorKind.CUSTOMER, c.customerId(), "Customer", "This is ridiculous, I want a person.");
            if (!practice) { // the desk logs no decisions for practice
                decision(c.id(), message, "handoff");
            }
            conversations.setState(c.id(), ConversationState.HANDED_OFF);
            String name = ROSTER.byId(assignee).map(Person::name).orElse(assignee);
            Instant now = clock.instant();
            HandoffPacket packet = new HandoffPacket(c.id(), reason, List.of(reason), "wants: a person",
                    new HandoffPacket.Profile(c.customerId(), "Customer", List.of(), null, now, List.of()),
                    List.of(), List.of(), List.of(), List.of(),
                    new HandoffPacket.Assignment(assignee, name, null, "test", true, now, rule, "normal", false), now);
            return handoffs.create(packet, now);
        }
    }

    private ConversationRecord start(boolean practice) {
        int n = customers.incrementAndGet();
        String id = practice ? ConversationStore.PRACTICE_PREFIX + n : "7" + String.format("%017d", n);
        conversations.rememberCustomer(new Incoming.Person(id, "Customer " + n, List.of(), null), clock.instant());
        return practice ? conversations.startPractice(id, id, clock.instant())
                : conversations.start(id, PlaceKind.CHANNEL, "support", null, clock.instant());
    }

    private long say(ConversationRecord c, AuthorKind kind, String authorId, String authorName, String text) {
        long row = conversations.insert(new NewMessage(null, c.id(), c.replyChannelId(), authorId, authorName, kind,
                text, List.of(), null, null, clock.instant())).orElseThrow();
        conversations.touch(c.id(), clock.instant());
        return row;
    }

    /**
     * A decision row as the desk's decision log writes it. Written here directly because that log is the
     * desk's own (package-private) writer, and the shape of the row is all the health report reads.
     */
    private void decision(long conversationId, long messageRow, String verdict) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decisions (conversation_id, message_id, verdict,"
                    + " kb_id, reasons, confidence, cues, decided_at, latency_micros) VALUES (?, ?, ?, ?, ?, 0.9, '[]', ?, 1000)")) {
                s.setLong(1, conversationId);
                s.setLong(2, messageRow);
                s.setString(3, verdict);
                s.setString(4, verdict.equals("answer") ? "plus-price" : null);
                s.setString(5, verdict.equals("answer") ? "[]" : "[\"anger\"]");
                s.setLong(6, clock.instant().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }
}
