package dev.baton.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.ConfigProblem;
import dev.baton.console.api.ConversationView;
import dev.baton.console.api.DraftRejected;
import dev.baton.console.api.FeedbackView;
import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.KnowledgeEntryView;
import dev.baton.console.api.LiveRules;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.RuleChange;
import dev.baton.console.api.RulesEditor;
import dev.baton.console.api.RulesHealth;
import dev.baton.console.api.RulesHealthSource;
import dev.baton.console.api.StaffFeedback;
import dev.baton.console.api.StaffMember;
import dev.baton.console.api.TryIt;
import dev.baton.console.api.TryItInput;
import dev.baton.console.api.CueDefinition;
import dev.baton.console.api.CueVocabulary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An in-memory {@link RulesEditor}, {@link StaffFeedback} and {@link RulesHealthSource} for tests, the demo
 * and browser tests, for the fictional Lumen Makers community: a real {@code rules.yaml} (checked by
 * {@link FakeRuleBook} with line and column), 160 stored conversations over the last two weeks besides the
 * seeded handoffs, so replaying a draft really changes who gets what, a change history, feedback that
 * remembers who clicked what, and rules health computed from those conversations.
 */
public final class FakeRulesBackend implements RulesEditor, StaffFeedback, RulesHealthSource, CueVocabulary {

    /** Baton's cue kinds as its bridge serves them today (in Baton: {@code CueKind}). */
    public static final List<CueDefinition> CUES = List.of(
            new CueDefinition("crisis", "crisis", true, true, 0),
            new CueDefinition("anger", "anger", false, false, 2),
            new CueDefinition("sadness_grief", "grief", true, false, 1),
            new CueDefinition("anxiety", "anxiety", true, false, 1),
            new CueDefinition("urgency", "urgency", false, false, 1),
            new CueDefinition("frustration", "frustration", false, false, 2),
            new CueDefinition("human_request", "asked for a person", false, true, 2),
            new CueDefinition("nonlinear", "tangled conversation", false, false, 2),
            new CueDefinition("out_of_scope", "out of scope", false, true, 2));

    public static final String RULES_YAML = """
            # How Baton hands conversations off in the Lumen Makers Discord.
            # Routes are tried from the top; the first whose `when` holds wins, else `default`.

            # Baton answers only when the knowledge base matches at least this well (0 to 1).
            answer_confidence: 0.55

            # Per cue: enabled (crisis, human_request and out_of_scope cannot be turned off) and
            # sensitivity: low, normal or high.
            cues:
              frustration: { sensitivity: low }
              nonlinear: { enabled: false }

            # Channels by name, so routes can say `channel: billing`.
            channels:
              billing:
                id: "1130000000000000001"
                cues:
                  frustration: { sensitivity: high }
              general:
                id: "1130000000000000002"
                answer: when_mentioned

            # Pickup deadlines per priority: remind, re-route, escalate to a role.
            deadlines:
              urgent: { remind: 2m, reroute: 5m, escalate: 10m, escalate_to: "@Moderators" }
              high: { remind: 10m, reroute: 20m, escalate: 45m, escalate_to: "@Moderators" }
              normal: { remind: 30m, reroute: 1h }

            routes:
              - name: crisis to leads
                when: { cue: [crisis] }
                then: { person: carol, priority: urgent, private_thread: true }

              - name: grief and worry to support
                when: { cue: [sadness_grief, anxiety] }
                then: { team: support, priority: high, private_thread: true }

              - name: billing channel
                when: { channel: billing }
                then: { team: billing, priority: normal }

              - name: angry subscribers
                when: { cue: [anger], role: [Lumen Plus] }
                then: { team: billing, priority: high }

            default:
              then: { team: support, priority: normal }
            """;

    public static final String TEAM_YAML = """
            # The people Baton hands conversations to (a short roster for the demo).
            typical_pickup_minutes: 10
            people:
              - id: alice
                name: Alice Moreau
                team: support
                sensitive: true
              - id: bob
                name: Bob Tanaka
                team: billing
              - id: carol
                name: Carol Diaz
                team: leads
                sensitive: true
            """;

    public static final String MESSAGES_YAML = """
            # What Baton tells the customer when it hands off, per cue.
            handoff:
              default:
                on_shift: >-
                  I'm bringing in {person} {from_team}. {person} can see everything you've written here,
                  so you won't need to repeat anything. {person} is usually with you within {wait}.
              crisis:
                on_shift: >-
                  I'm really sorry you're going through this, and I'm glad you told us. I'm asking {person}
                  to join you here right now.
            crisis_resources: >-
              If you are in danger right now, call your local emergency number. In the UK and Ireland,
              Samaritans answer day and night on 116 123.
            """;

    public static final String KNOWLEDGE_YAML = """
            # What Baton may answer by itself.
            entries:
              - id: plus-price
                topic: billing
                questions: ["How much does Lumen Plus cost?"]
                answer: "Lumen Plus costs 8 € a month, billed monthly; you can cancel any time."
              - id: download
                topic: install
                questions: ["Where can I download Lumen?"]
                answer: "Download Lumen Slicer for free at https://lumen.example.org/download."
            """;

    public static final String BILLING_CHANNEL_ID = "1130000000000000001";
    public static final String GENERAL_CHANNEL_ID = "1130000000000000002";
    private static final String HELP_CHANNEL_ID = "1130000000000000003";
    public static final String SOONER = "should_have_come_sooner";
    private static final List<String> KINDS = List.of("needed_person", "bot_could_answer", SOONER, "asked_again");

    /** A stored conversation, as the real backend reads it from the database. */
    record Stored(long id, Long handoffId, String customerName, String channelId, List<String> roles, Instant at,
                  String reason, String kbEntry, String firstMessage, Recorded recorded) {
    }

    /** What happened to it when it happened: the rule, person and team recorded on the handoff, and its pickup. */
    record Recorded(boolean handoff, String rule, String reason, String person, String team, Long pickupSecs,
                    boolean breached) {
    }

    private record Outcome(boolean handoff, String reason, String entry, FakeRuleBook.Route route, StaffMember person) {
        String words() {
            return handoff ? "handoff: " + reason + " → " + person.name() + " (rule " + route.name() + ")"
                    : "answer: " + entry;
        }
    }

    private final Clock clock;
    private final FakeConsoleBackend console;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<RuleChange> changes = new ArrayList<>();
    private final Map<Long, List<FeedbackView>> feedback = new LinkedHashMap<>();
    private final List<Stored> stored = new ArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong nextChange = new AtomicLong(1);
    private String version;
    private Instant loadedAt;
    private LiveRules.Rejected lastRejected;

    FakeRulesBackend(Clock clock, FakeConsoleBackend console) {
        this.clock = clock;
        this.console = console;
        Instant now = clock.instant();
        files.put("rules.yaml", RULES_YAML);
        files.put("team.yaml", TEAM_YAML);
        files.put("messages.yaml", MESSAGES_YAML);
        files.put("knowledge.yaml", KNOWLEDGE_YAML);
        version = versionOf(files);
        loadedAt = now.minus(Duration.ofHours(20));
        seedChanges(now);
        seedConversations(now);
    }

    // ---- for tests

    /** Every call made, as "apply carol rules.yaml base", "feedback 1 alice needed_person" … */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** A file edited on disk that Baton refused: recorded as a rejected change and shown as {@code lastRejected}. */
    public synchronized List<ConfigProblem> rejectFromDisk(String file, String text) {
        Map<String, String> draft = Map.of(file, text);
        List<ConfigProblem> problems = check(draft);
        if (!problems.isEmpty()) {
            refuse("file", draft, problems);
        }
        return problems;
    }

    /** Like a fresh install: no rules.yaml yet, nothing stored, no history, no feedback. */
    public synchronized void forgetEverything() {
        files.put("rules.yaml", "");
        version = versionOf(files);
        lastRejected = null;
        changes.clear();
        stored.clear();
        feedback.clear();
    }

    /** Replaces a live file as if it had been edited on disk and loaded. */
    public synchronized void setLive(String file, String text) {
        files.put(file, text);
        version = versionOf(files);
        loadedAt = clock.instant();
    }

    // ---- RulesEditor, StaffFeedback, RulesHealthSource

    @Override
    public synchronized LiveRules live() {
        List<LiveRules.ConfigFile> list = files.entrySet().stream()
                .map(e -> new LiveRules.ConfigFile(e.getKey(), e.getValue())).toList();
        return new LiveRules(version, loadedAt, list, lastRejected);
    }

    @Override
    public synchronized List<ConfigProblem> check(Map<String, String> draft) {
        calls.add("check " + String.join(",", draft.keySet()));
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, String> merged = merged(draft);
        for (Map.Entry<String, String> file : merged.entrySet()) {
            if (file.getKey().equals("rules.yaml")) {
                problems.addAll(FakeRuleBook.parse(file.getValue(), console.staff()).problems());
            } else {
                problems.addAll(FakeRuleBook.syntax(file.getKey(), file.getValue()));
            }
        }
        return problems;
    }

    @Override
    public synchronized TryIt tryIt(Map<String, String> draft, TryItInput input) {
        calls.add("try " + String.join(",", draft.keySet()) + " " + input.messages().size());
        FakeRuleBook live = book(files);
        TryIt.Outcome liveOutcome = tryUnder(live, input);
        List<ConfigProblem> problems = check(draft);
        if (!problems.isEmpty()) {
            return new TryIt(liveOutcome, null, problems);
        }
        return new TryIt(liveOutcome, tryUnder(book(merged(draft)), input), List.of());
    }

    @Override
    public synchronized ReplayReport replay(Map<String, String> draft, Instant from, Instant to) {
        calls.add("replay " + String.join(",", draft.keySet()) + " " + from + " " + to);
        long started = System.nanoTime();
        List<ConfigProblem> problems = check(draft);
        if (!problems.isEmpty()) {
            throw new DraftRejected("The draft has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; fix " + (problems.size() == 1 ? "it" : "them") + " before replaying.", problems);
        }
        FakeRuleBook live = book(files);
        FakeRuleBook next = book(merged(draft));
        List<Stored> period = stored.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                .sorted(Comparator.comparing(Stored::at)).toList();
        List<Outcome> before = period.stream().map(s -> evaluate(live, s)).toList();
        List<Outcome> after = period.stream().map(s -> evaluate(next, s)).toList();
        List<ReplayReport.Changed> changed = new ArrayList<>();
        Map<String, int[]> reasons = new TreeMap<>();
        for (int i = 0; i < period.size(); i++) {
            Outcome a = before.get(i);
            Outcome b = after.get(i);
            if (a.handoff()) {
                reasons.computeIfAbsent(a.reason(), k -> new int[2])[0]++;
            }
            if (b.handoff()) {
                reasons.computeIfAbsent(b.reason(), k -> new int[2])[1]++;
            }
            String change = change(a, b);
            if (change != null) {
                Stored s = period.get(i);
                changed.add(new ReplayReport.Changed(s.id(), s.handoffId(), s.at(), s.customerName(), change, a.words(),
                        b.words()));
            }
        }
        List<ReplayReport.Delta> byReason = reasons.entrySet().stream()
                .map(e -> new ReplayReport.Delta(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new ReplayReport(from, to, period.size(), side(before), side(after), byReason, changed, millis);
    }

    @Override
    public synchronized LiveRules apply(String actorId, Map<String, String> draft, String baseVersion) {
        calls.add("apply " + actorId + " " + String.join(",", draft.keySet()) + " " + baseVersion);
        if (!Objects.equals(baseVersion, version)) {
            throw new ActionRejected("The live rules changed since this draft was started (it was based on version "
                    + baseVersion + ", the live version is now " + version + "). Nothing was applied; look at the "
                    + "changes, then apply your draft over the new version.");
        }
        List<ConfigProblem> problems = check(draft);
        if (!problems.isEmpty()) {
            refuse(actorId, draft, problems);
            throw new DraftRejected("The draft has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; nothing was applied and the live rules stay as they were.", problems);
        }
        Instant now = clock.instant();
        for (Map.Entry<String, String> file : draft.entrySet()) {
            String old = files.getOrDefault(file.getKey(), "");
            if (old.equals(file.getValue())) {
                continue;
            }
            changes.add(0, new RuleChange(nextChange.getAndIncrement(), now, actorId, console.nameOf(actorId),
                    file.getKey(), "applied", UnifiedDiff.of(file.getKey(), old, file.getValue()), List.of()));
            files.put(file.getKey(), file.getValue());
        }
        version = versionOf(files);
        loadedAt = now;
        lastRejected = null;
        return live();
    }

    @Override
    public synchronized List<RuleChange> changes(int limit) {
        return changes.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<FeedbackView> feedbackOnHandoff(long handoffId, String actorId, String kind, String note) {
        calls.add("feedback handoff " + handoffId + " " + actorId + " " + kind);
        FakeConsoleBackend.Story story = console.get(handoffId);
        requireKind(kind);
        return give(1000 + story.id, handoffId, actorId, kind, note);
    }

    @Override
    public synchronized List<FeedbackView> feedbackOnConversation(long conversationId, String actorId, String kind,
                                                                  String note) {
        calls.add("feedback conversation " + conversationId + " " + actorId + " " + kind);
        if (!SOONER.equals(kind)) {
            throw new ActionRejected("On a conversation Baton answered, the one feedback is \"should have come sooner\".");
        }
        if (conversation(conversationId).isEmpty()) {
            throw new ActionRejected("There is no conversation " + conversationId + ".");
        }
        return give(conversationId, null, actorId, kind, note);
    }

    @Override
    public synchronized List<FeedbackView> feedback(long conversationId) {
        return List.copyOf(feedback.getOrDefault(conversationId, List.of()));
    }

    @Override
    public synchronized RulesHealth health(Instant from, Instant to) {
        calls.add("health " + from + " " + to);
        List<Stored> period = stored.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
        List<Stored> handoffs = period.stream().filter(s -> s.recorded().handoff()).toList();
        List<RulesHealth.Row> byRule = new ArrayList<>();
        List<String> ruleNames = new ArrayList<>();
        FakeRuleBook live = book(files);
        live.routes.forEach(r -> ruleNames.add(r.name()));
        ruleNames.add("default");
        handoffs.stream().map(s -> s.recorded().rule()).distinct().filter(r -> !ruleNames.contains(r)).forEach(ruleNames::add);
        for (String rule : ruleNames) {
            byRule.add(row(rule, handoffs.stream().filter(s -> s.recorded().rule().equals(rule)).toList()));
        }
        List<RulesHealth.Row> byCue = handoffs.stream().map(s -> s.recorded().reason()).distinct().sorted()
                .map(cue -> row(cue, handoffs.stream().filter(s -> s.recorded().reason().equals(cue)).toList()))
                .sorted(Comparator.comparingInt(RulesHealth.Row::handoffs).reversed()).toList();
        List<RulesHealth.Pickup> pickup = new ArrayList<>();
        pickup.addAll(pickups("person", handoffs, s -> s.recorded().person()));
        pickup.addAll(pickups("team", handoffs, s -> s.recorded().team()));
        int answered = (int) period.stream().filter(s -> !s.recorded().handoff()).count();
        int decisions = period.size() + period.size() / 2;
        int sooner = (int) period.stream().filter(s -> !s.recorded().handoff())
                .filter(s -> feedback.getOrDefault(s.id(), List.of()).stream().anyMatch(f -> f.kind().equals(SOONER)))
                .count();
        RulesHealth.Answers answers = new RulesHealth.Answers(decisions, answered,
                decisions == 0 ? null : (double) answered / decisions, sooner);
        List<RulesHealth.Day> daily = new ArrayList<>();
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            List<Stored> that = period.stream().filter(s -> s.at().atZone(ZoneOffset.UTC).toLocalDate().equals(d)).toList();
            int h = (int) that.stream().filter(s -> s.recorded().handoff()).count();
            daily.add(new RulesHealth.Day(day, h, that.size() - h));
        }
        return new RulesHealth(from, to, byRule, byCue, pickup, answers, daily);
    }

    @Override
    public synchronized Optional<ConversationView> conversation(long id) {
        if (id > 1000 && id < 2000) {
            try {
                FakeConsoleBackend.Story story = console.get(id - 1000);
                HandoffDetail detail = story.detail();
                ConversationView.Summary summary = new ConversationView.Summary(id, story.customerName,
                        story.id == 1 ? BILLING_CHANNEL_ID : null, story.createdAt,
                        detail.transcript().isEmpty() ? story.createdAt : detail.transcript().get(detail.transcript().size() - 1).at(),
                        story.state.equals("resolved") ? "closed" : "handed_off",
                        (int) detail.transcript().stream().filter(l -> l.kbId() != null).count(),
                        detail.transcript().isEmpty() ? "" : detail.transcript().get(0).text());
                return Optional.of(new ConversationView(summary, detail.transcript(), List.of(story.id), feedback(id)));
            } catch (NoSuchHandoff e) {
                return Optional.empty();
            }
        }
        return stored.stream().filter(s -> s.id() == id && s.handoffId() == null).findFirst().map(this::view);
    }

    @Override
    public synchronized List<ConversationView.Summary> recentlyAnswered(int limit) {
        return stored.stream().filter(s -> !s.recorded().handoff()).sorted(Comparator.comparing(Stored::at).reversed())
                .limit(limit).map(this::summary).toList();
    }

    @Override
    public List<CueDefinition> cues() {
        return CUES;
    }

    // ---- the toy engine and routing

    private FakeRuleBook book(Map<String, String> all) {
        return FakeRuleBook.parse(all.getOrDefault("rules.yaml", ""), console.staff()).book();
    }

    private Map<String, String> merged(Map<String, String> draft) {
        Map<String, String> merged = new LinkedHashMap<>(files);
        merged.putAll(draft);
        return merged;
    }

    private Outcome evaluate(FakeRuleBook book, Stored s) {
        String reason = s.reason();
        if (reason != null && book.disabledCues.contains(reason)) {
            reason = s.kbEntry() == null ? "out_of_scope" : null;
        }
        if (reason == null) {
            return new Outcome(false, null, s.kbEntry(), null, null);
        }
        String channel = book.channel(s.channelId()).map(FakeRuleBook.Channel::name).orElse(null);
        FakeRuleBook.Route route = book.route(reason, channel, s.roles());
        return new Outcome(true, reason, null, route, assignee(route, s.id()));
    }

    private StaffMember assignee(FakeRuleBook.Route route, long seed) {
        List<StaffMember> staff = console.staff();
        if (route.person() != null) {
            return staff.stream().filter(m -> m.id().equals(route.person())).findFirst().orElse(staff.get(0));
        }
        List<StaffMember> pool = route.team() == null ? staff
                : staff.stream().filter(m -> route.team().equals(m.team())).toList();
        List<StaffMember> from = pool.isEmpty() ? staff : pool;
        return from.get((int) (seed % from.size()));
    }

    private TryIt.Outcome tryUnder(FakeRuleBook book, TryItInput input) {
        ObjectNode decision = console.decide(input.messages());
        boolean handoff = decision.get("action").asText().equals("handoff");
        String reason = handoff ? decision.get("reasons").get(0).asText() : null;
        if (reason != null && book.disabledCues.contains(reason)) {
            reason = "out_of_scope";
            decision.putArray("reasons").add(reason);
        }
        if (!handoff) {
            String entry = decision.get("entry").asText();
            String answer = console.knowledgeEntry(entry).map(KnowledgeEntryView::answer)
                    .orElse("[answer from KB entry " + entry + "]");
            decision.remove("assignee");
            return new TryIt.Outcome(decision, null, 0, null, null, null, false, answer);
        }
        String channel = book.channel(input.channel()).map(FakeRuleBook.Channel::name).orElse(null);
        FakeRuleBook.Route route = book.route(reason, channel, input.roles());
        StaffMember person = assignee(route, input.messages().size());
        decision.put("assignee", person.name());
        String why = route.person() != null ? "named by the rule \"" + route.name() + "\""
                : route.team() != null ? "on the " + route.team() + " team, on shift, fewest open handoffs"
                : "on shift, fewest open handoffs";
        String notice = "I'm bringing in " + person.name() + (person.team().isEmpty() ? "" : " from " + person.team())
                + ". " + person.name() + " can see everything you've written here, so you won't need to repeat "
                + "anything, and is usually with you within 10 minutes.";
        if (reason.equals("crisis")) {
            notice += " If you are in danger right now, call your local emergency number. In the UK and Ireland, "
                    + "Samaritans answer day and night on 116 123.";
        }
        return new TryIt.Outcome(decision, route.name(), route.line(), route.priority(), person.name(), why,
                route.privateThread(), notice);
    }

    private static String change(Outcome a, Outcome b) {
        if (!a.handoff() && !b.handoff()) {
            return null;
        }
        if (!a.handoff()) {
            return "gained";
        }
        if (!b.handoff()) {
            return "lost";
        }
        if (!a.person().id().equals(b.person().id())) {
            return "rerouted";
        }
        if (!a.route().name().equals(b.route().name()) || !a.reason().equals(b.reason())) {
            return "reason";
        }
        return null;
    }

    private static ReplayReport.Side side(List<Outcome> outcomes) {
        List<Outcome> handoffs = outcomes.stream().filter(Outcome::handoff).toList();
        return new ReplayReport.Side(handoffs.size(), outcomes.size() - handoffs.size(),
                counts(handoffs, o -> o.person().name()),
                counts(handoffs, o -> o.person().team().isEmpty() ? "no team" : o.person().team()),
                counts(handoffs, o -> o.route().name()));
    }

    private static Map<String, Integer> counts(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, Integer> counts = outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.summingInt(o -> 1)));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    // ---- feedback and history

    private List<FeedbackView> give(long conversationId, Long handoffId, String actorId, String kind, String note) {
        List<FeedbackView> list = feedback.computeIfAbsent(conversationId, k -> new ArrayList<>());
        boolean already = list.stream().anyMatch(f -> f.kind().equals(kind) && f.actorId().equals(actorId));
        if (!already) {
            list.add(new FeedbackView(kind, actorId, console.nameOf(actorId), clock.instant(), note == null ? "" : note,
                    handoffId));
        }
        return List.copyOf(list);
    }

    private static void requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new ActionRejected("Unknown feedback \"" + kind + "\".");
        }
    }

    private void refuse(String actorId, Map<String, String> draft, List<ConfigProblem> problems) {
        Instant now = clock.instant();
        for (Map.Entry<String, String> file : draft.entrySet()) {
            List<String> lines = problems.stream().filter(p -> p.file().equals(file.getKey()))
                    .map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
            changes.add(0, new RuleChange(nextChange.getAndIncrement(), now, actorId,
                    actorId.equals("file") ? "an edit on disk" : console.nameOf(actorId), file.getKey(), "rejected",
                    UnifiedDiff.of(file.getKey(), files.getOrDefault(file.getKey(), ""), file.getValue()),
                    lines.isEmpty() ? problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": "
                            + p.message()).toList() : lines));
        }
        lastRejected = new LiveRules.Rejected(now, actorId, problems);
    }

    private RulesHealth.Row row(String name, List<Stored> handoffs) {
        int needed = 0;
        int could = 0;
        int sooner = 0;
        int asked = 0;
        for (Stored s : handoffs) {
            List<String> kinds = feedback.getOrDefault(s.id(), List.of()).stream().map(FeedbackView::kind).toList();
            needed += kinds.contains("needed_person") || s.id() % 3 == 0 ? 1 : 0;
            could += kinds.contains("bot_could_answer") || s.id() % 7 == 0 ? 1 : 0;
            sooner += kinds.contains(SOONER) || s.id() % 13 == 0 ? 1 : 0;
            asked += kinds.contains("asked_again") || s.id() % 11 == 0 ? 1 : 0;
        }
        List<Long> picked = handoffs.stream().map(s -> s.recorded().pickupSecs()).filter(Objects::nonNull).sorted().toList();
        int breaches = (int) handoffs.stream().filter(s -> s.recorded().breached()).count();
        return new RulesHealth.Row(name, handoffs.size(), needed, could, sooner, asked,
                needed + could == 0 ? null : (double) needed / (needed + could), percentile(picked, 50),
                percentile(picked, 90), breaches, handoffs.isEmpty() ? null : (double) asked / handoffs.size());
    }

    private static List<RulesHealth.Pickup> pickups(String kind, List<Stored> handoffs, Function<Stored, String> key) {
        Map<String, List<Stored>> groups = handoffs.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.toList()));
        return groups.entrySet().stream().map(e -> {
            List<Long> picked = e.getValue().stream().map(s -> s.recorded().pickupSecs()).filter(Objects::nonNull)
                    .sorted().toList();
            return new RulesHealth.Pickup(kind, e.getKey(), e.getValue().size(), picked.size(), percentile(picked, 50),
                    percentile(picked, 90), (int) e.getValue().stream().filter(s -> s.recorded().breached()).count());
        }).toList();
    }

    /** Nearest rank. */
    private static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // ---- seeds

    private void seedChanges(Instant now) {
        String before = RULES_YAML.replace("""
                  - name: billing channel
                    when: { channel: billing }
                    then: { team: billing, priority: normal }

                """, "");
        changes.add(0, new RuleChange(nextChange.getAndIncrement(), now.minus(Duration.ofDays(6)), "carol", "Carol Diaz",
                "rules.yaml", "applied", UnifiedDiff.of("rules.yaml", before, RULES_YAML), List.of()));
        String badTeam = TEAM_YAML.replace("    sensitive: true\n  - id: bob", "    sensitve: true\n  - id: bob");
        changes.add(0, new RuleChange(nextChange.getAndIncrement(), now.minus(Duration.ofDays(2)), "file",
                "an edit on disk", "team.yaml", "rejected", UnifiedDiff.of("team.yaml", TEAM_YAML, badTeam),
                List.of("team.yaml:8:5: unknown key \"sensitve\" (did you mean sensitive?)")));
        String oldMessages = MESSAGES_YAML.replace("Samaritans answer day and night on 116 123.",
                "Samaritans answer on 116 123.");
        changes.add(0, new RuleChange(nextChange.getAndIncrement(), now.minus(Duration.ofHours(20)), "file",
                "an edit on disk", "messages.yaml", "applied", UnifiedDiff.of("messages.yaml", oldMessages, MESSAGES_YAML),
                List.of()));
    }

    private record Template(String reason, String text, String kbEntry) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(null, "How much does Lumen Plus cost?", "plus-price"),
            new Template(null, "Where can I download Lumen?", "download"),
            new Template(null, "how do i update the firmware on my ender", "update-firmware"),
            new Template(null, "Which printers does Lumen support?", "supported-printers"),
            new Template(null, "what are your support hours", "support-hours"),
            new Template("frustration", "I've calibrated three times and the first layer still fails", null),
            new Template("frustration", "I was charged twice this month, again", "plus-price"),
            new Template("anger", "This is the third time cloud sync ate my prints. Unacceptable.", null),
            new Template("human_request", "Can I talk to a real person please?", null),
            new Template("out_of_scope", "Does Lumen work on a Commodore 64?", null),
            new Template("urgency", "Our print farm is down and we ship tomorrow, please help ASAP", null),
            new Template("sadness_grief", "My father passed away; how do I close his Lumen Plus account?", null),
            new Template("anxiety", "I'm really worried I bricked my printer during the update", null),
            new Template("crisis", "i don't see the point of anything anymore", null));
    private static final int[] WEIGHTS = {14, 12, 10, 8, 6, 6, 4, 8, 8, 8, 6, 4, 4, 2};
    private static final List<String> NAMES = List.of("Mia Chen", "Jonas Berg", "Priya Nair", "Leo Martins",
            "Sam Okafor", "Ana Lima", "Noah Weber", "Emma Rossi", "Kenji Sato", "Lucía Gómez", "Omar Haddad",
            "Zoe Miller", "Ivan Petrov", "Aisha Bello", "Tom Becker", "Inês Duarte");
    private static final Map<String, Long> DEADLINE_SECS = Map.of("urgent", 300L, "high", 1200L, "normal", 3600L,
            "low", 14400L);

    private void seedConversations(Instant now) {
        Random random = new Random(5);
        FakeRuleBook live = book(files);
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        for (int i = 0; i < 160; i++) {
            int pick = random.nextInt(total);
            int t = 0;
            while (pick >= WEIGHTS[t]) {
                pick -= WEIGHTS[t++];
            }
            Template template = TEMPLATES.get(t);
            double where = random.nextDouble();
            String channel = where < 0.25 ? BILLING_CHANNEL_ID : where < 0.6 ? GENERAL_CHANNEL_ID
                    : where < 0.8 ? HELP_CHANNEL_ID : null;
            List<String> roles = random.nextDouble() < 0.3 ? List.of("Member", "Lumen Plus") : List.of("Member");
            Instant at = now.minus(Duration.ofMinutes(10 + random.nextInt(14 * 24 * 60)));
            long id = 5001 + i;
            Stored draft = new Stored(id, null, NAMES.get(random.nextInt(NAMES.size())), channel, roles, at,
                    template.reason(), template.kbEntry(), template.text(), null);
            Outcome outcome = evaluate(live, draft);
            Recorded recorded;
            if (outcome.handoff()) {
                Long pickup = random.nextDouble() < 0.06 ? null : (long) (30 + Math.pow(random.nextDouble(), 2) * 3000);
                long deadline = DEADLINE_SECS.get(outcome.route().priority());
                recorded = new Recorded(true, outcome.route().name(), outcome.reason(), outcome.person().name(),
                        outcome.person().team().isEmpty() ? "no team" : outcome.person().team(), pickup,
                        pickup == null || pickup > deadline);
            } else {
                recorded = new Recorded(false, null, null, null, null, null, false);
            }
            stored.add(new Stored(id, null, draft.customerName(), channel, roles, at, template.reason(),
                    template.kbEntry(), template.text(), recorded));
        }
    }

    /** The seeded handoffs are stored conversations too, so a replay can link to them. */
    synchronized void rememberHandoffs() {
        FakeRuleBook live = book(files);
        for (FakeConsoleBackend.Story story : console.stories()) {
            if (story.practice) {
                continue;
            }
            Stored s = new Stored(1000 + story.id, story.id, story.customerName, story.id == 1 ? BILLING_CHANNEL_ID : null,
                    List.of("Member", "Lumen Plus"), story.createdAt, story.reason, null,
                    story.transcript.isEmpty() ? "" : story.transcript.get(0).text(), null);
            Outcome outcome = evaluate(live, s);
            stored.add(new Stored(s.id(), s.handoffId(), s.customerName(), s.channelId(), s.roles(), s.at(), s.reason(),
                    null, s.firstMessage(), new Recorded(true, outcome.route().name(), outcome.reason(),
                    outcome.person().name(), outcome.person().team(), story.state.equals("waiting") ? null : 240L,
                    false)));
        }
    }

    private ConversationView.Summary summary(Stored s) {
        boolean handoff = s.recorded() != null && s.recorded().handoff();
        boolean old = s.at().isBefore(clock.instant().minus(Duration.ofDays(1)));
        return new ConversationView.Summary(s.id(), s.customerName(), s.channelId(), s.at(), s.at().plusSeconds(40),
                handoff ? (old ? "closed" : "handed_off") : (old ? "closed" : "bot"), handoff ? 0 : 1, s.firstMessage());
    }

    private ConversationView view(Stored s) {
        List<HandoffDetail.Line> transcript = new ArrayList<>();
        transcript.add(new HandoffDetail.Line("customer", s.customerName(), s.firstMessage(), s.at(), false, false, null,
                List.of()));
        if (s.recorded().handoff()) {
            transcript.add(new HandoffDetail.Line("bot", "Baton", "I'm bringing in " + s.recorded().person()
                    + ". They can see everything you've written here.", s.at().plusSeconds(2), false, false, null, List.of()));
        } else {
            String answer = console.knowledgeEntry(s.kbEntry()).map(KnowledgeEntryView::answer)
                    .orElse("Here is what our guide says about that: https://lumen.example.org/docs/" + s.kbEntry());
            transcript.add(new HandoffDetail.Line("bot", "Baton", answer, s.at().plusSeconds(2), false, false,
                    s.kbEntry(), List.of()));
            transcript.add(new HandoffDetail.Line("customer", s.customerName(), "ok thanks", s.at().plusSeconds(40),
                    false, false, null, List.of()));
        }
        return new ConversationView(summary(s), transcript, List.of(), feedback(s.id()));
    }

    static String versionOf(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests that want a conversation id Baton answered. */
    public synchronized long anAnsweredConversation() {
        return recentlyAnswered(1).get(0).id();
    }
}
