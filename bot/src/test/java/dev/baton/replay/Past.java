package dev.baton.replay;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.StoredDecisions;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.Outcome;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.Match;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for replays: conversations as Baton stored them, written through the real stores (customers,
 * conversations and messages through {@link ConversationStore}, decision rows through the desk's decision
 * log, handoffs and their events through {@link HandoffStore}). Each test states only what matters to it;
 * by default a conversation is in #support, its customer has the "member" role, and a decision is the
 * engine's verdict on the given evidence under Baton's built-in settings.
 *
 * <pre>{@code past.conversation("Ann").says("I was charged twice", at).decided(at, nearest("refunds", 0.8),
 *         cue(FRUSTRATION, 0.6)).handedOffTo("alex", at).resolved(at.plus(ofMinutes(30)))}</pre>
 */
public final class Past {

    public static final String SUPPORT = "1180000000000000010";
    public static final String BILLING = "1180000000000000001";

    private static final AtomicLong IDS = new AtomicLong(1_190_000_000_000_000_000L);

    private final Database database;
    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final KnowledgeBase knowledge;
    private final Roster roster;

    public Past(Database database, KnowledgeBase knowledge, Roster roster) {
        this.database = database;
        this.conversations = new ConversationStore(database);
        this.handoffs = new HandoffStore(database);
        this.knowledge = knowledge;
        this.roster = roster;
    }

    public Conversation conversation(String customerName) {
        return new Conversation(customerName);
    }

    /** The nearest entry as the engine would have found it. */
    public Match nearest(String kbId, double confidence) {
        return new Match(knowledge.find(kbId).orElseThrow(), confidence, "?");
    }

    public static Cue cue(CueKind kind, double score) {
        return new Cue(kind, score, 0, kind.wireName() + " evidence");
    }

    public final class Conversation {
        private final String customerName;
        private final String customerId = String.valueOf(IDS.incrementAndGet());
        private PlaceKind place = PlaceKind.CHANNEL;
        private String channelId = SUPPORT;
        private String parentId;
        private List<String> roles = List.of("member");
        private boolean practice;

        private ConversationRecord record;
        private long lastCustomerRow;
        private String lastCustomerDiscordId;
        private Decision lastDecision;
        private HandoffRecord lastHandoff;

        private Conversation(String customerName) {
            this.customerName = customerName;
        }

        public Conversation in(String channelId) {
            this.channelId = channelId;
            return this;
        }

        /** In a thread of its own under {@code parentId}. */
        public Conversation inThreadOf(String parentId) {
            this.place = PlaceKind.THREAD;
            this.channelId = String.valueOf(IDS.incrementAndGet());
            this.parentId = parentId;
            return this;
        }

        public Conversation withRoles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** A practice conversation from the console's playground. */
        public Conversation practice() {
            this.practice = true;
            return this;
        }

        public Conversation says(String text, Instant at) {
            start(at);
            lastCustomerDiscordId = practice ? null : String.valueOf(IDS.incrementAndGet());
            lastCustomerRow = conversations.insert(new NewMessage(lastCustomerDiscordId, record.id(),
                    record.channelId(), record.customerId(), customerName, AuthorKind.CUSTOMER, text, List.of(), null,
                    null, at)).orElseThrow();
            conversations.touch(record.id(), at);
            return this;
        }

        /** The customer's last message now reads {@code text}. */
        public Conversation edited(String text, Instant at) {
            conversations.recordEdit(lastCustomerDiscordId, text, at);
            return this;
        }

        /**
         * Baton decided on the customer's last message: the engine's verdict on this evidence under its
         * built-in settings, stored as the desk stores it (and Baton's answer when it answered).
         */
        public Conversation decided(Instant at, Match nearest, Cue... cues) {
            return decided(at, nearest, true, cues);
        }

        /** The same, as a row from before Baton stored the nearest entry of every decision. */
        public Conversation decidedWithoutStoredNearest(Instant at, Match nearest, Cue... cues) {
            return decided(at, nearest, false, cues);
        }

        private Conversation decided(Instant at, Match nearest, boolean storeNearest, Cue... cues) {
            Decision decision = TriageEngine.verdict(List.of(cues), nearest, 0, CueSettings.standard(),
                    RuleBook.DEFAULT_ANSWER_CONFIDENCE);
            StoredDecisions.record(database, record.id(), lastCustomerRow, decision, nearest, storeNearest, at);
            lastDecision = decision;
            if (decision instanceof Decision.Answer answer) {
                conversations.insert(new NewMessage(String.valueOf(IDS.incrementAndGet()), record.id(),
                        record.channelId(), "baton", "Baton", AuthorKind.BOT, "the answer", List.of(), null,
                        answer.entry(), at));
            }
            return this;
        }

        /**
         * A real handoff to this person: for the last decision's reasons, or, without one, because the customer
         * asked for a person while their conversation showed {@code alsoShowing} (kept in the packet as the
         * desk keeps them).
         */
        public Conversation handedOffTo(String personId, Instant at, Cue... alsoShowing) {
            Person person = roster.byId(personId).orElseThrow();
            List<Cue> cues = new ArrayList<>();
            if (lastDecision instanceof Decision.Handoff h) {
                cues.addAll(h.cues());
            } else {
                cues.add(new Cue(CueKind.HUMAN_REQUEST, 1.0, 0, "pressed \"talk to a person\""));
                cues.addAll(List.of(alsoShowing));
            }
            List<String> reasons = lastDecision instanceof Decision.Handoff h
                    ? h.reasons().stream().map(CueKind::wireName).toList() : List.of(CueKind.HUMAN_REQUEST.wireName());
            lastDecision = null;
            HandoffPacket packet = new HandoffPacket(record.id(), reasons.get(0), reasons, "",
                    new HandoffPacket.Profile(record.customerId(), customerName, roles, null, at, List.of()),
                    List.of(), List.of(), List.of(), cues.stream().map(c -> new HandoffPacket.CueEvidence(
                            c.kind().wireName(), c.score(), false, c.message(), c.evidence())).toList(),
                    new HandoffPacket.Assignment(person.id(), person.name(), person.team(), "test", true, at, "default",
                            "normal", false), at);
            lastHandoff = handoffs.create(packet, at);
            return this;
        }

        public Conversation resolved(Instant at) {
            handoffs.move(lastHandoff.id(), new HandoffStore.Move(HandoffState.RESOLVED, lastHandoff.assigneeId(),
                    "resolved", "solved", null, Outcome.SOLVED, null), at);
            return this;
        }

        public long id() {
            return record.id();
        }

        public Long handoffId() {
            return lastHandoff == null ? null : lastHandoff.id();
        }

        private void start(Instant at) {
            if (record != null) {
                return;
            }
            if (practice) {
                String practiceId = ConversationStore.PRACTICE_PREFIX + IDS.incrementAndGet();
                conversations.rememberCustomer(new Incoming.Person(practiceId, customerName, List.of(), null), at);
                record = conversations.startPractice(practiceId, practiceId, at);
                return;
            }
            conversations.rememberCustomer(new Incoming.Person(customerId, customerName, roles, null), at);
            record = conversations.start(customerId, place, channelId, place == PlaceKind.THREAD ? channelId : null, at);
            if (parentId != null) {
                // The conversation store does not write the parent channel yet; the desk will once threads carry it.
                database.write(c -> {
                    try (PreparedStatement s = c.prepareStatement("UPDATE conversations SET parent_id = ? WHERE id = ?")) {
                        s.setString(1, parentId);
                        s.setLong(2, record.id());
                        return s.executeUpdate();
                    }
                });
            }
        }
    }
}
