package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.Customer;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.Grouping;
import dev.baton.conversation.Grouping.Candidates;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffLifecycle;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffPacket.EarlierConversation;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.handoff.NoticeFacts;
import dev.baton.handoff.Outcome;
import dev.baton.handoff.Summarizer;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.handoff.Summary;
import dev.baton.llm.Assistant;
import dev.baton.llm.Attempt;
import dev.baton.llm.Band;
import dev.baton.llm.SecondOpinions;
import dev.baton.llm.Use;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.routing.Routing;
import dev.baton.routing.Workload;
import dev.baton.rules.RouteFacts;
import dev.baton.rules.RuleBook;
import dev.baton.text.Invisible;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of Baton, free of Discord: a message comes in, is stored first, joins a conversation,
 * and gets a {@link Reaction}: silence, an answer, or a handoff to a named person (stored before
 * it is returned). The Discord side only carries reactions out and reports back what it sent.
 */
public final class SupportDesk {

    private static final Logger LOG = LoggerFactory.getLogger(SupportDesk.class);
    private static final Duration ELSEWHERE = Duration.ofDays(1);
    private static final int ELSEWHERE_LIMIT = 20;
    private static final int EARLIER_LIMIT = 10;
    /** Author id of Baton's own messages (its Discord id may differ per deployment; the role does not). */
    private static final String BATON = "baton";

    /**
     * What the desk needs that may be reloaded while running.
     *
     * @param rules {@code rules.yaml}: cue settings per channel, answer confidence, routes
     */
    public record Rules(TriageEngine engine, KnowledgeBase knowledge, Roster roster, HandoffWording wording,
                        RuleBook rules) {

        public Rules {
            Objects.requireNonNull(rules, "rules");
        }

        /** Without a {@code rules.yaml}: see {@link RuleBook#defaults()}. */
        public Rules(TriageEngine engine, KnowledgeBase knowledge, Roster roster, HandoffWording wording) {
            this(engine, knowledge, roster, wording, RuleBook.defaults());
        }

        /** The same, under other routing rules (a reloaded or draft {@code rules.yaml}). */
        public Rules withRules(RuleBook other) {
            return new Rules(engine, knowledge, roster, wording, other);
        }
    }

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final Supplier<Rules> rules;
    private final Duration quietGap;
    /** {@code discord.yaml}'s {@code private_threads}: what a route without {@code private_thread:} gets. */
    private final boolean privateThreads;
    private final BatonMetrics metrics;
    private final Assistant assistant;
    private final Clock clock;

    public SupportDesk(ConversationStore conversations, HandoffStore handoffs, Supplier<Rules> rules,
                       Duration quietGap, Clock clock) {
        this(conversations, handoffs, rules, quietGap, BatonMetrics.standalone(), clock);
    }

    public SupportDesk(ConversationStore conversations, HandoffStore handoffs, Supplier<Rules> rules,
                       Duration quietGap, BatonMetrics metrics, Clock clock) {
        this(conversations, handoffs, rules, quietGap, false, metrics, clock);
    }

    /** @param privateThreads {@code discord.yaml}'s default for routes that do not say */
    public SupportDesk(ConversationStore conversations, HandoffStore handoffs, Supplier<Rules> rules,
                       Duration quietGap, boolean privateThreads, BatonMetrics metrics, Clock clock) {
        this(conversations, handoffs, rules, quietGap, privateThreads, metrics, Assistant.off(), clock);
    }

    /** @param assistant the optional language model ({@link Assistant#off()} without one) */
    public SupportDesk(ConversationStore conversations, HandoffStore handoffs, Supplier<Rules> rules,
                       Duration quietGap, boolean privateThreads, BatonMetrics metrics, Assistant assistant,
                       Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.rules = rules;
        this.quietGap = quietGap;
        this.privateThreads = privateThreads;
        this.metrics = metrics;
        this.assistant = assistant;
        this.clock = clock;
    }

    /** {@code discord.yaml}'s {@code private_threads}: what routes that do not say get. */
    public boolean privateThreadsByDefault() {
        return privateThreads;
    }

    /** The rules in force now (they may be reloaded while Baton runs). */
    public Rules rules() {
        return rules.get();
    }

    /**
     * A message in a place Baton listens. Synchronized so that two messages of one customer are
     * grouped and decided in arrival order (the store is single-writer anyway).
     */
    public synchronized Reaction onMessage(Incoming message) {
        Rules now = rules.get();
        Optional<Placed> placed = store(message, now);
        if (placed.isEmpty()) {
            return new Reaction.Silence("already stored (redelivered)");
        }
        ConversationRecord conversation = placed.get().conversation();
        if (placed.get().kind() != AuthorKind.CUSTOMER) {
            return new Reaction.Silence("written by " + placed.get().kind().wireName() + " in someone else's conversation");
        }
        if (conversation.isQuiet()) {
            return new Reaction.Silence("a person has this conversation");
        }
        if (Invisible.strip(message.text()).isBlank()) {
            return new Reaction.Silence("nothing to read (attachments only or empty)");
        }
        if (Pleasantries.isOnlyThanks(Invisible.strip(message.text()))) {
            return new Reaction.Silence("only thanks or an acknowledgement");
        }
        return decide(conversation, placed.get().row(), now);
    }

    /**
     * The customer asked for a person (button or {@code /human}). {@code request} is stored as their
     * message when given (a slash command has no Discord message of its own).
     */
    public synchronized Reaction onHumanRequest(long pressedId, String requesterId, String evidence) {
        ConversationRecord pressed = conversations.conversation(pressedId)
                .orElseThrow(() -> new IllegalArgumentException("no conversation " + pressedId));
        // A button under an old answer in a thread that has since moved on belongs to the thread's current conversation.
        ConversationRecord conversation = pressed.state() == ConversationState.CLOSED && pressed.threadId() != null
                ? conversations.latestInThread(pressed.threadId()).orElse(pressed) : pressed;
        long conversationId = conversation.id();
        if (conversation.practice()) {
            return new Reaction.Silence("a practice conversation is never handled from Discord");
        }
        if (!conversation.customerId().equals(requesterId)) {
            return new Reaction.Silence("only the customer can ask for a person in their conversation");
        }
        Optional<HandoffRecord> open = handoffs.openFor(conversationId);
        if (open.isPresent()) {
            return new Reaction.Silence("already with a person (handoff " + open.get().id() + ")");
        }
        Rules now = rules.get();
        Reading reading = read(conversationId);
        List<Cue> cues = new ArrayList<>();
        if (reading.conversation() != null) {
            cues.add(new Cue(CueKind.HUMAN_REQUEST, 1.0, reading.conversation().size() - 1, evidence));
            cues.addAll(now.engine().cues(reading.conversation()));
        } else {
            cues.add(new Cue(CueKind.HUMAN_REQUEST, 1.0, -1, evidence));
        }
        Decision.Handoff decision = new Decision.Handoff(humanRequestReasons(cues, settingsFor(conversation, now)), 1.0,
                cues);
        return handOff(conversation, decision, reading, now, true, null);
    }

    /**
     * The customer asked for a person, and that is the reason; but what else the conversation shows still
     * counts, so a grieving customer who presses the button reaches someone who takes grief (and a grief
     * route), and a crisis still leads with its resources.
     */
    private static List<CueKind> humanRequestReasons(List<Cue> cues, CueSettings settings) {
        List<CueKind> reasons = new ArrayList<>(TriageEngine.fired(TriageEngine.combine(cues), settings));
        reasons.remove(CueKind.HUMAN_REQUEST);
        reasons.add(reasons.contains(CueKind.CRISIS) ? 1 : 0, CueKind.HUMAN_REQUEST);
        return reasons;
    }

    /** A customer's {@code /human} in a place: stored as their message, then handed to a person. */
    public synchronized Reaction onHumanCommand(Incoming command) {
        Optional<Placed> placed = store(command, rules.get());
        if (placed.isEmpty()) {
            return new Reaction.Silence("already stored (redelivered)");
        }
        if (placed.get().kind() != AuthorKind.CUSTOMER) {
            return new Reaction.Silence("only the customer can ask for a person in their conversation");
        }
        return onHumanRequest(placed.get().conversation().id(), command.author().id(),
                "asked for a person: \"" + command.text() + "\"");
    }

    /** Discord confirmed Baton's message: record its id, where it landed and its final text. */
    public synchronized void sent(long pendingRow, String discordId, String channelId, String text) {
        conversations.confirmSent(pendingRow, discordId, channelId, text);
    }

    /** Baton's message never reached the customer; it must not stay in the transcript as if it had. */
    public synchronized void notSent(long pendingRow) {
        conversations.forget(pendingRow);
    }

    public synchronized void threadStarted(long conversationId, String threadId) {
        conversations.setThread(conversationId, threadId);
    }

    /** Whether the customer was told and the person brought in; an event row either way. */
    public void handoffNotified(long handoffId, boolean delivered, String detail) {
        handoffs.note(handoffId, "baton", delivered ? "notified" : "notify_failed", detail, clock.instant());
    }

    public synchronized void onEdit(String discordId, String newText) {
        conversations.recordEdit(discordId, newText, clock.instant());
    }

    public synchronized void onDelete(String discordId) {
        conversations.recordDelete(discordId, clock.instant());
    }

    /**
     * A person on the roster closes the handoff of the conversation in this channel from Discord
     * ({@code /resolve}); Baton may answer there again afterwards. Returns what to tell them.
     */
    public synchronized String resolveFromDiscord(String channelId, String staffDiscordId, Outcome outcome) {
        Optional<Person> person = rules.get().roster().byDiscordUserId(staffDiscordId);
        if (person.isEmpty()) {
            return "Only people on the team roster (config/team.yaml) can resolve a handoff.";
        }
        Optional<HandoffRecord> open = conversations.latestInThread(channelId)
                .or(() -> conversations.latestInChannelOrDm(channelId))
                .flatMap(c -> handoffs.openFor(c.id()));
        if (open.isEmpty()) {
            return "There is no open handoff in this conversation.";
        }
        new HandoffLifecycle(handoffs, conversations, clock).resolve(open.get().id(), person.get().id(), outcome,
                "resolved in Discord");
        return "Resolved (" + outcome.wireName().replace('_', ' ') + "). Baton may answer here again.";
    }

    /**
     * Who a conversation would be handed to right now, by the same rules, router, roster and workload as
     * a handoff from Discord (as if in no channel, from a customer without roles); saves nothing. For the
     * console's playground.
     */
    public Routing route(Conversation conversation, Decision.Handoff decision) {
        Rules now = rules.get();
        Instant at = clock.instant();
        RouteFacts facts = facts(decision, topics(conversation, List.of(), now, null), null, null, List.of(), at);
        return dispatch(now, facts).routing();
    }

    /**
     * What Baton would do with {@code conversation} under {@code rules} (the live ones or a draft), as if
     * it were written in {@code channelId} by a customer with {@code roles} at {@code at}: the decision
     * with its evidence, the route, who would get it against today's workload, and the words the customer
     * would see. Saves nothing and sends nothing.
     *
     * @param channelId the channel, thread or DM; null for none (a DM-like place no channel rule matches)
     * @param parentId  the parent channel when {@code channelId} is a thread or forum post, else null
     * @param roles     the customer's Discord role names
     */
    public Preview preview(Rules rules, Conversation conversation, String channelId, String parentId,
                           List<String> roles, Instant at) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(conversation, "conversation");
        CueSettings settings = rules.rules().cuesIn(channelId, parentId);
        TriageEngine.Assessment assessment = rules.engine().assess(conversation, settings,
                rules.rules().answerConfidence());
        if (assessment.decision() instanceof Decision.Answer answer) {
            String text = rules.knowledge().find(answer.entry()).map(KnowledgeEntry::answer).orElse("");
            return new Preview(answer, assessment.nearest(), Set.of(), null, null, false, text);
        }
        if (assessment.decision() instanceof Decision.SmallTalk smallTalk) {
            return new Preview(smallTalk, assessment.nearest(), Set.of(), null, null, false, rules.wording().smallTalk());
        }
        Decision.Handoff decision = (Decision.Handoff) assessment.decision();
        Set<String> topics = topics(conversation, List.of(), rules, assessment.nearest());
        Dispatch dispatch = dispatch(rules, facts(decision, topics, channelId, parentId, roles, at));
        // Only a conversation in a channel gets a thread of Baton's; a thread, forum post or DM is answered in place.
        boolean privateThread = channelId != null && parentId == null && dispatch.wantsPrivateThread();
        return new Preview(decision, assessment.nearest(), topics, dispatch.route(), dispatch.routing(), privateThread,
                notice(rules, decision, dispatch.routing(), at));
    }

    /**
     * Stores {@code messages} as a practice conversation (see {@link ConversationStore#startPractice})
     * and hands it off exactly as a Discord conversation would be: real engine, real router, stored
     * packet and notice. Nothing is sent and nothing is counted in the metrics or the decision log.
     * Empty, storing nothing, when the engine would answer instead.
     *
     * @param actorId who practises: the roster id their staff lines are stored under
     */
    public synchronized Optional<Reaction.HandOff> practice(String actorId, List<Message> messages) {
        Rules now = rules.get();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, so as read back
        List<Message> view = new ArrayList<>();
        for (Message m : messages) {
            engineMessage(AuthorKind.valueOf(m.author().name()), m.text(), false, at, null, null).ifPresent(view::add);
        }
        if (view.stream().noneMatch(m -> m.author() == Author.CUSTOMER)) {
            throw new IllegalArgumentException("the conversation needs a customer message with some text");
        }
        // A practice conversation is in no channel: the community's cue settings apply, and no channel route.
        TriageEngine.Assessment assessment = now.engine().assess(new Conversation(view), now.rules().cuesIn(null, null),
                now.rules().answerConfidence());
        if (!(assessment.decision() instanceof Decision.Handoff decision)) {
            return Optional.empty();
        }
        // practice:<n> for both: a customer of its own (no earlier conversations) and a place no Discord id can equal.
        String practiceId = ConversationStore.PRACTICE_PREFIX + (conversations.practiceCount() + 1);
        conversations.rememberCustomer(new Incoming.Person(practiceId, "Practice customer", List.of(), null), at);
        ConversationRecord conversation = conversations.startPractice(practiceId, practiceId, at);
        Optional<Person> actor = now.roster().byId(actorId);
        for (Message m : messages) {
            AuthorKind kind = AuthorKind.valueOf(m.author().name());
            String authorId = switch (kind) {
                case CUSTOMER -> practiceId;
                case BOT -> BATON;
                default -> actor.map(Person::discordUserId).orElse(actorId);
            };
            String authorName = switch (kind) {
                case CUSTOMER -> "Practice customer";
                case BOT -> "Baton";
                default -> actor.map(Person::name).orElse(actorId);
            };
            conversations.insert(new NewMessage(null, conversation.id(), conversation.channelId(), authorId, authorName,
                    kind, m.text(), List.of(), null, null, at));
        }
        // The stored transcript reads back as the same engine view, so the decision's indexes still hold.
        Reaction reaction = handOff(conversation, decision, read(conversation.id()), now, false, assessment.nearest());
        return Optional.of((Reaction.HandOff) reaction);
    }

    /** Whether a thread holds one of Baton's conversations, so Baton keeps listening there without a mention. */
    public boolean hasConversationIn(String threadId) {
        return conversations.latestInThread(threadId).isPresent();
    }

    // -------------------------------------------------------------------------------------- inside

    private Candidates candidates(Incoming message) {
        if (message.place().isThread()) {
            return new Candidates(conversations.latestInThread(message.place().channelId()), Optional.empty(),
                    Optional.empty());
        }
        return new Candidates(Optional.empty(),
                Optional.ofNullable(message.replyTo()).flatMap(conversations::ofMessage),
                conversations.latestOf(message.author().id(), message.place().channelId()));
    }

    /** A stored message: its conversation, who wrote it relative to that conversation, its row. */
    private record Placed(ConversationRecord conversation, AuthorKind kind, long row) {
    }

    /** Stores the message in its conversation (starting one if needed); empty if it was already stored. */
    private Optional<Placed> store(Incoming message, Rules now) {
        if (conversations.isStored(message.discordId())) {
            return Optional.empty();
        }
        Candidates candidates = candidates(message);
        Grouping.Choice choice = Grouping.choose(message, candidates, quietGap);
        boolean staff = now.roster().byDiscordUserId(message.author().id()).isPresent();
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

    private ConversationRecord start(Grouping.Start start, Incoming message) {
        return conversations.start(message.author().id(), start.place(), start.channelId(), start.threadId(),
                message.place().parentId(), message.at());
    }

    /** The engine's view of a conversation, and where each of its messages sits in the stored transcript. */
    private record Reading(List<StoredMessage> transcript, Conversation conversation, int[] engineToTranscript) {
    }

    private Reading read(long conversationId) {
        List<StoredMessage> transcript = conversations.transcript(conversationId);
        List<Message> messages = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < transcript.size(); i++) {
            StoredMessage m = transcript.get(i);
            Optional<Message> read = engineMessage(m.authorKind(), m.text(), m.isDeleted(), m.createdAt(), m.discordId(),
                    m.replyTo());
            if (read.isPresent()) {
                messages.add(read.get());
                positions.add(i);
            }
        }
        boolean hasCustomer = messages.stream().anyMatch(m -> m.author() == Author.CUSTOMER);
        Conversation conversation = hasCustomer ? new Conversation(messages) : null;
        return new Reading(transcript, conversation, positions.stream().mapToInt(Integer::intValue).toArray());
    }

    /** What the engine reads of a stored message: nothing of deleted, empty or bystanders' messages. */
    private static Optional<Message> engineMessage(AuthorKind kind, String text, boolean deleted, Instant at,
                                                   String discordId, String replyTo) {
        String visible = Invisible.strip(text).strip();
        if (deleted || visible.isEmpty() || kind.asTriageAuthor().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Message(kind.asTriageAuthor().get(), visible, at, discordId, replyTo));
    }

    /** Stores what Baton is about to say, before it is sent (see {@link Reaction.Answer}). */
    private long pending(ConversationRecord conversation, String text, String kbId) {
        Instant at = clock.instant();
        long row = conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(), BATON,
                "Baton", AuthorKind.BOT, text, List.of(), null, kbId, at)).orElseThrow();
        conversations.touch(conversation.id(), at);
        return row;
    }

    private Reaction decide(ConversationRecord conversation, long messageRow, Rules now) {
        Reading reading = read(conversation.id());
        CueSettings settings = settingsFor(conversation, now);
        long started = System.nanoTime();
        TriageEngine.Assessment assessment = now.engine().assess(reading.conversation(), settings,
                now.rules().answerConfidence());
        long micros = (System.nanoTime() - started) / 1_000;
        Decision decision = assessment.decision();
        Optional<Band.Question> question = SecondOpinions.question(assistant, reading.conversation(), assessment,
                settings, now.rules().answerConfidence());
        boolean phrase = assistant.uses(Use.PHRASING) && (decision instanceof Decision.Answer || question.isPresent());
        if (question.isEmpty() && !phrase) {
            return act(conversation, messageRow, reading, now, decision, assessment.nearest(), assessment.smallTalk(),
                    micros, null, null);
        }
        // A handoff never gets here (see Band): the model is asked only while Baton may still answer.
        Asked asked = new Asked(conversation.id(), messageRow, reading, now, assessment, micros, question);
        try {
            CompletableFuture<Reaction> later = CompletableFuture.supplyAsync(() -> consult(asked), assistant.background());
            return new Reaction.Deferred(later, question.isPresent() ? "asking the language model for a second opinion"
                    : "asking the language model to word the answer");
        } catch (RejectedExecutionException e) {
            Consultation refused = Consultation.failed(decision, "the model's queue refused the work: " + e.getMessage());
            return act(conversation, messageRow, reading, now, decision, assessment.nearest(), assessment.smallTalk(),
                    micros, refused.note(),
                    null);
        }
    }

    /** A decision that waits on the model: everything needed to act on it once the model has answered. */
    private record Asked(long conversationId, long messageRow, Reading reading, Rules rules,
                         TriageEngine.Assessment assessment, long micros, Optional<Band.Question> question) {
    }

    /** Runs off the desk's lock and the caller's thread: asks the model, then acts under the lock. */
    private Reaction consult(Asked asked) {
        Consultation consultation;
        try {
            consultation = Consultation.ask(assistant, asked.assessment().decision(), asked.question(),
                    asked.rules().knowledge(), asked.reading().conversation().focusMessage().text());
        } catch (RuntimeException e) {
            LOG.warn("asking the language model failed unexpectedly; deciding offline", e);
            consultation = Consultation.failed(asked.assessment().decision(), "unexpected: " + e);
        }
        try {
            return settle(asked, consultation);
        } catch (RuntimeException e) {
            LOG.error("could not act on conversation {} after asking the language model", asked.conversationId(), e);
            return new Reaction.Silence("could not act after asking the language model: " + e);
        }
    }

    /**
     * Acts on a decision made while the desk was free for others, unless the conversation moved on meanwhile:
     * the customer wrote again (that message is decided on its own, with this one in view), or a person took
     * over.
     */
    private synchronized Reaction settle(Asked asked, Consultation consultation) {
        ConversationRecord conversation = conversations.conversation(asked.conversationId()).orElseThrow();
        if (conversation.isQuiet() || handoffs.openFor(conversation.id()).isPresent()) {
            return new Reaction.Silence("a person took over while Baton was asking the language model");
        }
        Reading reading = read(conversation.id());
        if (reading.conversation() == null
                || reading.conversation().size() != asked.reading().conversation().size()) {
            return new Reaction.Silence("the conversation moved on while Baton was asking the language model");
        }
        return act(conversation, asked.messageRow(), reading, asked.rules(), consultation.decision(),
                asked.assessment().nearest(), asked.assessment().smallTalk(), asked.micros(), consultation.note(),
                consultation.words());
    }

    /**
     * Records the decision and carries it out: an answer is stored before it is sent, a handoff before the
     * customer is told.
     *
     * @param note what the language model added (for the decision row), or null
     * @param text the answer in the model's checked words, or null for the entry's own
     */
    private Reaction act(ConversationRecord conversation, long messageRow, Reading reading, Rules now,
                         Decision decision, Match nearest, double smallTalk, long micros, Map<String, Object> note,
                         String text) {
        DecisionLog.record(conversations.database(), conversation.id(), messageRow, decision, nearest, smallTalk,
                micros, clock.instant(), note);
        metrics.decided(decision, Duration.ofNanos(micros * 1_000));
        if (decision instanceof Decision.Answer answer) {
            KnowledgeEntry entry = now.knowledge().find(answer.entry()).orElseThrow();
            String words = text == null ? entry.answer() : text;
            return new Reaction.Answer(conversation, entry, pending(conversation, words, entry.id()), words);
        }
        if (decision instanceof Decision.SmallTalk) {
            String words = now.wording().smallTalk();
            return new Reaction.Reply(conversation, pending(conversation, words, null), words);
        }
        return handOff(conversation, (Decision.Handoff) decision, reading, now, true, nearest);
    }

    /** The cue settings where the conversation is: its channel's (or its thread's parent's), else the community's. */
    private static CueSettings settingsFor(ConversationRecord conversation, Rules now) {
        return conversation.practice() ? now.rules().cuesIn(null, null)
                : now.rules().cuesIn(conversation.channelId(), conversation.parentId());
    }

    /**
     * @param counted false for a practice handoff, which the metrics leave out
     * @param nearest the entry nearest the last customer message when already looked up, else null
     */
    private Reaction handOff(ConversationRecord conversation, Decision.Handoff decision, Reading reading, Rules now,
                             boolean counted, Match nearest) {
        Instant at = clock.instant();
        List<String> answered = reading.transcript().stream().map(StoredMessage::kbId)
                .filter(Objects::nonNull).toList();
        Customer customer = conversations.customer(conversation.customerId()).orElseGet(() ->
                new Customer(conversation.customerId(), conversation.customerId(), List.of(), null, at, at));
        Set<String> topics = topics(reading.conversation(), answered, now, nearest);
        // A practice conversation is in no channel, so no channel's route can take it.
        RouteFacts facts = conversation.practice()
                ? facts(decision, topics, null, null, customer.roles(), at)
                : facts(decision, topics, conversation.channelId(), conversation.parentId(), customer.roles(), at);
        Dispatch dispatch = dispatch(now, facts);
        Routing routing = dispatch.routing();
        boolean privateThread = privateThread(conversation, dispatch);
        List<Message> forSummary = reading.conversation() == null ? List.of() : reading.conversation().messages();
        Summary offlineSummary = Summarizer.summarize(forSummary, decision.cues());
        String summary = offlineSummary.line();
        HandoffPacket packet = PacketBuilder.build(conversation,
                new PacketBuilder.Reading(reading.transcript(), reading.engineToTranscript()),
                conversations.recentElsewhere(customer.id(), conversation.id(), at.minus(ELSEWHERE), ELSEWHERE_LIMIT),
                customer, earlier(customer.id(), conversation.id()), decision, settingsFor(conversation, now),
                new PacketBuilder.Routed(routing, dispatch.route().name(), dispatch.route().priority(), privateThread),
                summary, at);
        HandoffRecord handoff = handoffs.create(packet, at);
        conversations.setState(conversation.id(), ConversationState.HANDED_OFF);
        refineSummaryLater(handoff.id(), forSummary, decision.cues(), offlineSummary);
        if (counted) {
            metrics.handedOff(packet.reason());
        }
        String notice = notice(now, decision, routing, at);
        return new Reaction.HandOff(conversation, handoff, routing.person(), notice, pending(conversation, notice, null),
                privateThread, dispatch.route().priority());
    }

    /**
     * The person is told at once with Baton's own summary; the model's three lines, if it gives any the
     * transcript supports, replace it a moment later (the console shows the change and keeps the old line
     * in the timeline). Nobody waits for it.
     */
    private void refineSummaryLater(long handoffId, List<Message> transcript, List<Cue> cues,
                                    Summary offline) {
        if (!assistant.uses(Use.SUMMARY) || transcript.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.runAsync(() -> {
                Attempt<Assistant.Refined> refined = assistant.summarize(transcript, cues, offline);
                if (refined instanceof Attempt.Got<Assistant.Refined> got) {
                    String detail = "by the language model (kept " + String.join(", ", got.value().kept())
                            + (got.value().dropped().isEmpty() ? "" : "; dropped " + String.join("; ",
                            got.value().dropped())) + "); Baton's summary was: " + offline.line();
                    handoffs.refineSummary(handoffId, got.value().summary().line(), detail, clock.instant());
                } else if (refined instanceof Attempt.Failed<Assistant.Refined> failed) {
                    LOG.debug("handoff {} keeps Baton's summary: {} ({})", handoffId, failed.failure().wireName(),
                            failed.detail());
                }
            }, assistant.background()).exceptionally(e -> {
                LOG.warn("could not refine the summary of handoff {}; it keeps Baton's", handoffId, e);
                return null;
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("handoff {} keeps Baton's summary: the model's queue refused the work", handoffId);
        }
    }

    /**
     * Whether the conversation is (or is about to be) in a private thread. Baton starts a thread only for
     * a conversation in a channel that has none yet, and then as the route wants. One it already started
     * (for an earlier answer) was started as {@code discord.yaml} says; a DM, a customer's own thread or a
     * forum post is answered in place and is not Baton's to make private.
     */
    private boolean privateThread(ConversationRecord conversation, Dispatch dispatch) {
        if (conversation.practice() || conversation.place() != PlaceKind.CHANNEL) {
            return false;
        }
        return conversation.threadId() == null ? dispatch.wantsPrivateThread() : privateThreads;
    }

    private static RouteFacts facts(Decision.Handoff decision, Set<String> topics, String channelId, String parentId,
                                    List<String> roles, Instant at) {
        return new RouteFacts(Set.copyOf(decision.reasons()), topics, channelId, parentId, roles, at);
    }

    private Dispatch dispatch(Rules rules, RouteFacts facts) {
        Workload workload = new Workload(handoffs.openCounts(), handoffs.lastRoutedAt());
        return Dispatch.of(rules.rules(), rules.roster(), workload, facts, privateThreads);
    }

    /** What the customer is told: who is coming, in the wording for the handoff's main reason. */
    private static String notice(Rules rules, Decision.Handoff decision, Routing routing, Instant at) {
        NoticeFacts facts = new NoticeFacts(routing.person().name(), routing.person().team(),
                "<@" + routing.person().discordUserId() + ">", routing.onShift(), rules.roster().typicalPickup(),
                ZonedDateTime.ofInstant(routing.availableAt(), routing.person().hours().zone()),
                ZonedDateTime.ofInstant(at, routing.person().hours().zone()));
        return rules.wording().render(decision.reasons().get(0), facts);
    }

    /**
     * The subject, for routing (see {@link Topics}).
     *
     * @param conversation null when the engine can read nothing
     * @param nearest      the entry nearest the last customer message if already looked up, else null
     */
    private static Set<String> topics(Conversation conversation, List<String> answered, Rules now, Match nearest) {
        Match found = nearest != null || conversation == null ? nearest : now.engine().nearest(conversation);
        return Topics.of(conversation, found, answered, now.knowledge(), now.roster());
    }

    private List<EarlierConversation> earlier(String customerId, long conversationId) {
        List<EarlierConversation> earlier = new ArrayList<>();
        for (ConversationRecord c : conversations.conversationsOf(customerId, conversationId, EARLIER_LIMIT)) {
            String reason = handoffs.forConversation(c.id()).stream().reduce((a, b) -> b)
                    .map(HandoffRecord::reason).orElse(null);
            earlier.add(new EarlierConversation(c.id(), c.startedAt(), c.channelId(), c.state().wireName(), reason));
        }
        return earlier;
    }
}
