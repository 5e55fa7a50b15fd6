package dev.baton.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.ConsoleBackends;
import dev.baton.console.api.ConsoleEvent;
import dev.baton.console.api.ConsoleEventSource;
import dev.baton.console.api.HandoffActions;
import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.HandoffQueue;
import dev.baton.console.api.KnowledgeEntryView;
import dev.baton.console.api.MetricsSource;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.Playground;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.api.QueueEntry;
import dev.baton.console.api.ReplyOutcome;
import dev.baton.console.api.StaffDirectory;
import dev.baton.console.api.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory Baton for tests, the demo and browser tests: every interface of {@link ConsoleBackends},
 * the rules, feedback and health ones through {@link FakeRulesBackend}. Handoffs are mutable
 * {@link Story} objects; every action changes the story, records the call in {@link #calls()} and
 * fires the event the real backend would. {@link #add(Story)} fires {@code created}.
 *
 * <pre>{@code
 * FakeConsoleBackend backend = FakeConsoleBackend.seeded(Clock.systemUTC());
 * backend.add(backend.newStory(99, "Nora", "anger", Instant.now(), "This is the third time!!"));
 * }</pre>
 */
public final class FakeConsoleBackend implements StaffDirectory, HandoffQueue, HandoffActions, Playground,
        MetricsSource, ConsoleEventSource {

    public static final String PLUS_PRICE_ANSWER =
            "Lumen Plus costs 8 € a month, billed monthly; you can cancel any time.";
    public static final StaffMember ALICE = new StaffMember("alice", "Alice Moreau", "support");
    public static final StaffMember BOB = new StaffMember("bob", "Bob Tanaka", "billing");
    public static final StaffMember CAROL = new StaffMember("carol", "Carol Diaz", "leads");

    private final Clock clock;
    private final List<StaffMember> staff = new CopyOnWriteArrayList<>(List.of(ALICE, BOB, CAROL));
    private final Map<Long, Story> stories = new ConcurrentHashMap<>();
    private final List<Consumer<ConsoleEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1000);
    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeRulesBackend rules;
    private final FakeCareBackend care = new FakeCareBackend();
    private volatile ReplyOutcomeShape nextReply = null;
    private volatile String metrics = "# HELP baton_handoffs_total Handoffs by main reason.\n"
            + "# TYPE baton_handoffs_total counter\n"
            + "baton_handoffs_total{reason=\"anger\"} 3\n"
            + "baton_handoffs_total{reason=\"crisis\"} 1\n";

    /** How the next reply turns out (once); by default a reply is delivered by webhook. */
    public record ReplyOutcomeShape(String via, boolean delivered, String detail) {
    }

    public FakeConsoleBackend(Clock clock) {
        this.clock = clock;
        this.rules = new FakeRulesBackend(clock, this);
    }

    /** A backend with a realistic queue: a crisis, grief, anger (with hostile markup), a claimed one, practice, resolved. */
    public static FakeConsoleBackend seeded(Clock clock) {
        FakeConsoleBackend backend = new FakeConsoleBackend(clock);
        Instant now = clock.instant();
        backend.put(backend.newStory(1, "Mia Chen", "anger", now.minus(Duration.ofMinutes(14)),
                "I was charged twice for Lumen Plus this month.",
                "This is a SCAM <script>alert(1)</script> [click](http://evil.example) <img src=x onerror=alert(2)>")
                .reasons("anger", "frustration")
                .summary("Charged twice for Lumen Plus; angry, calls it a scam.")
                .bot("I can help with billing questions. Could you tell me the date of the charge?", "billing-dates")
                .cue("anger", 0.91, true, 1, "SCAM")
                .cue("frustration", 0.64, true, 0, "charged twice")
                .cue("human_request", 0.12, false, -1, ""));
        backend.put(backend.newStory(2, "Jonas Berg", "crisis", now.minus(Duration.ofMinutes(3)),
                "i don't see the point of anything anymore, not just the app")
                .summary("Distress beyond the product; needs a person now.")
                .cue("crisis", 0.97, true, 0, "don't see the point of anything anymore"));
        backend.put(backend.newStory(3, "Priya Nair", "sadness_grief", now.minus(Duration.ofMinutes(40)),
                "My father passed away last week. How do I close his account?")
                .summary("Wants to close her late father's account.")
                .cue("sadness_grief", 0.89, true, 0, "passed away"));
        backend.put(backend.newStory(4, "Leo Martins", "human_request", now.minus(Duration.ofHours(2)),
                "Can I talk to a real person please?")
                .summary("Asked for a person.")
                .cue("human_request", 0.95, true, 0, "talk to a real person")
                .claimedBy(ALICE));
        backend.put(backend.newStory(5, "Sam Okafor", "urgency", now.minus(Duration.ofMinutes(25)),
                "Our launch is in an hour and sync is broken, please help ASAP")
                .summary("Sync broken before a launch.")
                .cue("urgency", 0.82, true, 0, "ASAP")
                .practice());
        backend.put(backend.newStory(6, "Ana Lima", "out_of_scope", now.minus(Duration.ofDays(1)),
                "Does Lumen work on a Commodore 64?")
                .summary("Asked about an unsupported platform.")
                .resolved());
        backend.rules.rememberHandoffs();
        return backend;
    }

    /** A new waiting handoff with these customer messages (not yet in any backend). */
    public Story newStory(long id, String customerName, String reason, Instant createdAt, String... customerLines) {
        Story story = new Story(id, customerName, reason, createdAt);
        for (String line : customerLines) {
            story.customer(line);
        }
        return story;
    }

    /** Adds (or replaces) a handoff and fires {@code created}. */
    public Story add(Story story) {
        put(story);
        fire(new ConsoleEvent("created", story.id));
        return story;
    }

    /** A new customer message in a handed-off conversation; fires {@code message}. */
    public void customerWrites(long id, String text) {
        Story story = require(id);
        synchronized (story) {
            story.customer(text);
        }
        fire(new ConsoleEvent("message", id));
    }

    public Story get(long id) {
        return require(id);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void clearCalls() {
        calls.clear();
    }

    public int listenerCount() {
        return listeners.size();
    }

    public void fire(ConsoleEvent event) {
        for (Consumer<ConsoleEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    public void nextReply(String via, boolean delivered, String detail) {
        nextReply = new ReplyOutcomeShape(via, delivered, detail);
    }

    public void setMetrics(String metrics) {
        this.metrics = metrics;
    }

    public void setStaff(List<StaffMember> members) {
        staff.clear();
        staff.addAll(members);
    }

    private void put(Story story) {
        stories.put(story.id, story);
    }

    private Story require(long id) {
        Story story = stories.get(id);
        if (story == null) {
            throw new NoSuchHandoff(id);
        }
        return story;
    }

    private StaffMember person(String id) {
        return staff.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElse(new StaffMember(id, id, ""));
    }

    // ---- the console's interfaces ----

    @Override
    public List<StaffMember> staff() {
        return List.copyOf(staff);
    }

    @Override
    public List<QueueEntry> queue() {
        return stories.values().stream().filter(s -> !s.state.equals("resolved")).map(Story::entry).toList();
    }

    @Override
    public List<QueueEntry> recentlyResolved(int limit) {
        return stories.values().stream().filter(s -> s.state.equals("resolved"))
                .sorted(Comparator.comparing((Story s) -> s.updatedAt).reversed())
                .limit(limit).map(Story::entry).toList();
    }

    @Override
    public Optional<HandoffDetail> handoff(long id) {
        calls.add("handoff " + id);
        return Optional.ofNullable(stories.get(id)).map(Story::detail);
    }

    @Override
    public HandoffDetail claim(long id, String actorId) {
        calls.add("claim " + id + " " + actorId);
        Story story = require(id);
        synchronized (story) {
            if (story.state.equals("resolved")) {
                throw new ActionRejected("This handoff is resolved; reopen it first.");
            }
            if (story.state.equals("claimed") && !actorId.equals(story.assigneeId)) {
                throw new ActionRejected("Already claimed by " + story.assigneeName + ".");
            }
            story.move("claimed", person(actorId), actorId, "claimed", null);
        }
        fire(new ConsoleEvent("changed", id));
        return story.detail();
    }

    @Override
    public HandoffDetail takeOver(long id, String actorId) {
        calls.add("take over " + id + " " + actorId);
        Story story = require(id);
        synchronized (story) {
            if (!story.state.equals("claimed") || actorId.equals(story.assigneeId)) {
                throw new ActionRejected("Only a handoff someone else claimed can be taken over.");
            }
            String previous = story.assigneeId;
            story.move("claimed", person(actorId), actorId, "taken_over", "from " + previous);
        }
        fire(new ConsoleEvent("changed", id));
        return story.detail();
    }

    /** As the desk: a claimed handoff is its claimant's, unless a manager acts. */
    private static void claimantOnly(Story story, String actorId, boolean asManager, String what) {
        if (!asManager && story.state.equals("claimed") && !actorId.equals(story.assigneeId)) {
            throw new ActionRejected("Claimed by " + story.assigneeName + ": only they or a manager may " + what
                    + " it. Take it over first.");
        }
    }

    @Override
    public HandoffDetail transfer(long id, String actorId, boolean asManager, String toStaffId, String note) {
        calls.add("transfer " + id + " " + actorId + " " + toStaffId + " " + note);
        Story story = require(id);
        synchronized (story) {
            if (story.state.equals("resolved")) {
                throw new ActionRejected("This handoff is resolved; reopen it first.");
            }
            claimantOnly(story, actorId, asManager, "transfer");
            StaffMember to = person(toStaffId);
            story.move("transferred", to, actorId, "transferred",
                    "to " + to.name() + (note == null ? "" : ": " + note));
        }
        fire(new ConsoleEvent("changed", id));
        return story.detail();
    }

    @Override
    public ReplyOutcome reply(long id, String actorId, boolean asManager, String text) {
        calls.add("reply " + id + " " + actorId + " " + text);
        Story story = require(id);
        ReplyOutcomeShape shape = nextReply;
        nextReply = null;
        if (shape == null) {
            shape = story.practice ? new ReplyOutcomeShape("stored", false, "practice handoff: stored, never sent")
                    : new ReplyOutcomeShape("webhook", true, null);
        }
        synchronized (story) {
            if (story.state.equals("resolved")) {
                throw new ActionRejected("This handoff is resolved; reopen it first.");
            }
            claimantOnly(story, actorId, asManager, "reply to");
            story.transcript.add(new HandoffDetail.Line("staff", person(actorId).name(), text, clock.instant(),
                    false, false, null, List.of()));
            story.event(actorId, "replied", null, null, "via " + shape.via());
        }
        fire(new ConsoleEvent("message", id));
        return new ReplyOutcome(story.detail(), shape.via(), shape.delivered(), shape.detail());
    }

    @Override
    public HandoffDetail note(long id, String actorId, String text) {
        calls.add("note " + id + " " + actorId + " " + text);
        Story story = require(id);
        synchronized (story) {
            story.event(actorId, "noted", null, null, text);
        }
        fire(new ConsoleEvent("changed", id));
        return story.detail();
    }

    @Override
    public HandoffDetail resolve(long id, String actorId, boolean asManager, String outcome, String note) {
        calls.add("resolve " + id + " " + actorId + " " + outcome + " " + note);
        Story story = require(id);
        synchronized (story) {
            if (story.state.equals("resolved")) {
                throw new ActionRejected("This handoff is already resolved.");
            }
            claimantOnly(story, actorId, asManager, "resolve");
            story.move("resolved", null, actorId, "resolved", outcome + (note == null ? "" : ": " + note));
        }
        fire(new ConsoleEvent("changed", id));
        return story.detail();
    }

    @Override
    public HandoffDetail reopen(long id, String actorId, String note) {
        calls.add("reopen " + id + " " + actorId + " " + note);
        Story story = require(id);
        synchronized (story) {
            if (!story.state.equals("resolved")) {
                throw new ActionRejected("Only a resolved handoff can be reopened.");
            }
            story.move("waiting", null, actorId, "reopened", note);
        }
        fire(new ConsoleEvent("changed", id));
        return story.detail();
    }

    @Override
    public Optional<KnowledgeEntryView> knowledgeEntry(String id) {
        calls.add("knowledge " + id);
        return id.equals("plus-price") ? Optional.of(new KnowledgeEntryView("plus-price", "billing",
                "How much does Lumen Plus cost?", PLUS_PRICE_ANSWER, "https://lumen.example/plus")) : Optional.empty();
    }

    @Override
    public ObjectNode playground(List<PlaygroundMessage> messages) {
        calls.add("playground " + messages.size());
        return decide(messages);
    }

    @Override
    public HandoffDetail practice(String actorId, List<PlaygroundMessage> messages) {
        calls.add("practice " + actorId + " " + messages.size());
        ObjectNode decision = decide(messages);
        if (!decision.get("action").asText().equals("handoff")) {
            throw new ActionRejected("Baton would answer this conversation itself; nothing to hand off.");
        }
        String reason = decision.get("reasons").get(0).asText();
        Story story = new Story(nextId.incrementAndGet(), "Practice customer", reason, clock.instant()).practice();
        for (PlaygroundMessage message : messages) {
            if (message.author().equals("customer")) {
                story.customer(message.text());
            } else {
                story.bot(message.text(), null);
            }
        }
        story.summary("Practice conversation from the playground.");
        return add(story).detail();
    }

    /** What the console is started with: this, {@link #rules()} for the rules, feedback and health, {@link #care()}. */
    public ConsoleBackends backends() {
        return new ConsoleBackends(this, this, this, this, rules, rules, rules, this, this, rules, care);
    }

    public FakeCareBackend care() {
        return care;
    }

    public FakeRulesBackend rules() {
        return rules;
    }

    @Override
    public String metrics() {
        return metrics;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ConsoleEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every handoff, in no order. */
    List<Story> stories() {
        return List.copyOf(stories.values());
    }

    /** A roster id's name, {@code Admin} for admin, else the id itself. */
    String nameOf(String id) {
        return staff.stream().filter(m -> m.id().equals(id)).map(StaffMember::name).findFirst()
                .orElse(id.equals("admin") ? "Admin" : id);
    }

    /** A toy triage: price questions are answered, everything else is handed off with cues. */
    ObjectNode decide(List<PlaygroundMessage> messages) {
        List<PlaygroundMessage> customer = messages.stream().filter(m -> m.author().equals("customer")).toList();
        String last = customer.get(customer.size() - 1).text();
        String lower = last.toLowerCase(Locale.ROOT);
        int index = messages.lastIndexOf(customer.get(customer.size() - 1));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode reasons = mapper.createArrayNode();
        ArrayNode cues = mapper.createArrayNode();
        if (lower.contains("price") || lower.contains("cost")) {
            out.put("action", "answer");
            out.put("entry", "plus-price");
            out.put("confidence", 0.93);
            out.set("reasons", reasons);
            out.put("matched", "How much does Lumen Plus cost?");
            out.set("cues", cues);
            return out;
        }
        out.put("action", "handoff");
        out.putNull("entry");
        String reason = lower.contains("point of anything") || lower.contains("hurt myself") ? "crisis"
                : lower.contains("angry") || lower.contains("scam") || lower.contains("unacceptable") ? "anger"
                : lower.contains("worried") || lower.contains("anxious") ? "anxiety"
                : lower.contains("died") || lower.contains("passed away") ? "sadness_grief"
                : lower.contains("asap") || lower.contains("urgent") ? "urgency"
                : lower.contains("person") || lower.contains("human") ? "human_request" : "out_of_scope";
        reasons.add(reason);
        out.put("confidence", 0.81);
        out.set("reasons", reasons);
        ObjectNode cue = cues.addObject();
        cue.put("kind", reason);
        cue.put("score", 0.81);
        cue.put("message", index);
        cue.put("evidence", "\"" + (last.length() > 30 ? last.substring(0, 30) : last) + "\"");
        out.set("cues", cues);
        out.put("assignee", ALICE.name());
        return out;
    }

    /** One handoff, mutable, building {@link QueueEntry} and {@link HandoffDetail} on demand. */
    public final class Story {
        final long id;
        volatile String state = "waiting";
        final String reason;
        final List<String> reasons = new ArrayList<>();
        final String customerName;
        volatile String assigneeId;
        volatile String assigneeName;
        volatile String summary = "";
        final Instant createdAt;
        volatile Instant updatedAt;
        volatile boolean practice;
        final List<HandoffDetail.Line> transcript = new CopyOnWriteArrayList<>();
        final List<HandoffDetail.Cue> cues = new CopyOnWriteArrayList<>();
        final List<HandoffDetail.Line> elsewhere = new CopyOnWriteArrayList<>();
        final List<HandoffDetail.Event> events = new CopyOnWriteArrayList<>();

        Story(long id, String customerName, String reason, Instant createdAt) {
            this.id = id;
            this.customerName = customerName;
            this.reason = reason;
            this.reasons.add(reason);
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            events.add(new HandoffDetail.Event(createdAt, "baton", "Baton", "created", null, "waiting",
                    "routed to " + ALICE.name() + " because " + reason.replace('_', ' ')));
            elsewhere.add(new HandoffDetail.Line("customer", customerName, "anyone around? #general", createdAt.minusSeconds(3600),
                    false, false, null, List.of()));
        }

        public long id() {
            return id;
        }

        public String state() {
            return state;
        }

        public Story reasons(String... all) {
            reasons.clear();
            reasons.addAll(List.of(all));
            return this;
        }

        public Story summary(String text) {
            summary = text;
            return this;
        }

        public Story customer(String text) {
            transcript.add(new HandoffDetail.Line("customer", customerName, text,
                    createdAt.plusSeconds(transcript.size() * 20L), false, false, null,
                    transcript.isEmpty() ? List.of("https://cdn.example/receipt.png") : List.of()));
            return this;
        }

        public Story bot(String text, String kbId) {
            transcript.add(new HandoffDetail.Line("bot", "Baton", text, createdAt.plusSeconds(transcript.size() * 20L),
                    false, false, kbId, List.of()));
            return this;
        }

        public Story cue(String kind, double score, boolean fired, int line, String evidence) {
            cues.add(new HandoffDetail.Cue(kind, score, fired, line, evidence));
            return this;
        }

        public Story claimedBy(StaffMember member) {
            move("claimed", member, member.id(), "claimed", null);
            return this;
        }

        public Story practice() {
            practice = true;
            return this;
        }

        public Story resolved() {
            move("resolved", null, CAROL.id(), "resolved", "solved");
            return this;
        }

        void move(String to, StaffMember assignee, String actorId, String kind, String detail) {
            String from = state;
            state = to;
            if (assignee != null) {
                assigneeId = assignee.id();
                assigneeName = assignee.name();
            }
            event(actorId, kind, from, to, detail);
        }

        void event(String actorId, String kind, String from, String to, String detail) {
            updatedAt = clock.instant();
            events.add(new HandoffDetail.Event(updatedAt, actorId, person(actorId).name(), kind, from, to, detail));
        }

        QueueEntry entry() {
            return new QueueEntry(id, state, reason, reasons, customerName, assigneeId, assigneeName, summary,
                    createdAt, updatedAt, practice, 1000 + id, "normal", "default");
        }

        HandoffDetail detail() {
            HandoffDetail.Customer customer = new HandoffDetail.Customer("cust-" + id, customerName,
                    List.of("Member", "Lumen Plus"), createdAt.minus(Duration.ofDays(400)),
                    createdAt.minus(Duration.ofDays(300)),
                    List.of(new HandoffDetail.EarlierConversation(id * 10, createdAt.minus(Duration.ofDays(30)),
                                    "resolved", "frustration"),
                            new HandoffDetail.EarlierConversation(id * 10 + 1, createdAt.minus(Duration.ofDays(90)),
                                    "answered", null)));
            return new HandoffDetail(entry(), customer, transcript, cues, elsewhere, events);
        }
    }
}
