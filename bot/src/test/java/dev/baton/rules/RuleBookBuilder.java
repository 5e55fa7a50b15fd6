package dev.baton.rules;

import dev.baton.routing.Shifts;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data for rules, built in code rather than YAML (the loader is tested on its own), with the
 * defaults of a missing {@code rules.yaml}: built-in cue settings, no channels, no routes, a default
 * route to anyone at normal priority, no deadlines, answer confidence 0.5, UTC.
 *
 * <pre>{@code
 * RuleBook rules = RuleBookBuilder.rules()
 *         .channel("billing", "111", Answering.ALWAYS)
 *         .route("billing questions", when().channel("111"), then().team("billing").priority(Priority.HIGH))
 *         .build();
 * }</pre>
 */
public final class RuleBookBuilder {

    private ZoneId zone = ZoneId.of("UTC");
    private final Map<CueKind, CueSetting> cues = new EnumMap<>(CueKind.class);
    private final List<ChannelRule> channels = new ArrayList<>();
    private final List<RouteSpec> routes = new ArrayList<>();
    private Then fallback = then();
    private final Map<Priority, Deadlines> deadlines = new EnumMap<>(Priority.class);
    private double answerConfidence = RuleBook.DEFAULT_ANSWER_CONFIDENCE;

    private RuleBookBuilder() {
    }

    public static RuleBookBuilder rules() {
        return new RuleBookBuilder();
    }

    public static When when() {
        return new When();
    }

    public static Then then() {
        return new Then();
    }

    /** The zone of {@code time:} conditions. */
    public RuleBookBuilder zone(String zone) {
        this.zone = ZoneId.of(zone);
        return this;
    }

    public RuleBookBuilder cue(CueKind kind, CueSetting setting) {
        cues.put(kind, setting);
        return this;
    }

    public RuleBookBuilder disable(CueKind kind) {
        return cue(kind, new CueSetting(false, CueSetting.NORMAL));
    }

    public RuleBookBuilder channel(String name, String channelId, Answering answering) {
        return channel(name, channelId, answering, Map.of());
    }

    public RuleBookBuilder channel(String name, String channelId, Answering answering,
                                   Map<CueKind, CueSetting> overrides) {
        channels.add(new ChannelRule(name, channelId, answering, overrides));
        return this;
    }

    public RuleBookBuilder route(String name, When when, Then then) {
        routes.add(new RouteSpec(name, when, then));
        return this;
    }

    /** The default route, used when no route matches. */
    public RuleBookBuilder otherwise(Then then) {
        this.fallback = then;
        return this;
    }

    public RuleBookBuilder deadlines(Priority priority, Deadlines deadlines) {
        this.deadlines.put(priority, deadlines);
        return this;
    }

    public RuleBookBuilder answerConfidence(double answerConfidence) {
        this.answerConfidence = answerConfidence;
        return this;
    }

    public RuleBook build() {
        List<Route> built = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteSpec spec = routes.get(i);
            built.add(spec.then().route(spec.name(), 10 + 5 * i, spec.when().conditions(zone)));
        }
        return new RuleBook(new CueSettings(cues), channels, built,
                fallback.route(RuleBook.DEFAULT_ROUTE, 0, Conditions.ALWAYS), deadlines, answerConfidence);
    }

    private record RouteSpec(String name, When when, Then then) {
    }

    /** A route's {@code when:}; each method adds values to one key (any of them will do). */
    public static final class When {
        private final Set<CueKind> cues = new LinkedHashSet<>();
        private final Set<String> topics = new LinkedHashSet<>();
        private final Set<String> channelIds = new LinkedHashSet<>();
        private final Set<String> roles = new LinkedHashSet<>();
        private final List<String> times = new ArrayList<>();

        private When() {
        }

        public When cue(CueKind... kinds) {
            cues.addAll(Arrays.asList(kinds));
            return this;
        }

        public When topic(String... names) {
            topics.addAll(Arrays.asList(names));
            return this;
        }

        public When channel(String... ids) {
            channelIds.addAll(Arrays.asList(ids));
            return this;
        }

        public When role(String... names) {
            roles.addAll(Arrays.asList(names));
            return this;
        }

        /** Weekly windows in the rules' zone, as team.yaml writes shifts: {@code "mon-fri 18:00-09:00"}. */
        public When time(String... windows) {
            times.addAll(Arrays.asList(windows));
            return this;
        }

        Conditions conditions(ZoneId zone) {
            TimeWindow time = times.isEmpty() ? null
                    : new TimeWindow(times.stream().map(Shifts::parse).toList(), zone, String.join(", ", times));
            return new Conditions(cues, topics, channelIds, roles, time);
        }
    }

    /** A route's {@code then:}: anyone at normal priority, thread as discord.yaml says, the priority's deadlines. */
    public static final class Then {
        private Target target = new Target.Anyone();
        private Priority priority = Priority.NORMAL;
        private Boolean privateThread;
        private Deadlines deadlines;

        private Then() {
        }

        public Then team(String team) {
            this.target = new Target.Team(team);
            return this;
        }

        public Then person(String personId) {
            this.target = new Target.Named(personId);
            return this;
        }

        public Then priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public Then privateThread(boolean privateThread) {
            this.privateThread = privateThread;
            return this;
        }

        public Then deadlines(Duration remind, Duration reroute, Duration escalate, String escalateRoleId) {
            this.deadlines = new Deadlines(remind, reroute, escalate, escalateRoleId);
            return this;
        }

        Route route(String name, int line, Conditions when) {
            return new Route(name, line, when, target, priority, privateThread, deadlines);
        }
    }
}
