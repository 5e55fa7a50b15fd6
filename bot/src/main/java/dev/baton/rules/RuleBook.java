package dev.baton.rules;

import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code rules.yaml} says, typed and checked. Pure: matching a route or finding a channel's
 * settings never reads the clock or any store.
 *
 * @param cues             community-wide cue settings
 * @param channels         per-channel overrides, in file order
 * @param routes           routing rules in file order; the first that matches wins
 * @param fallback         the required default route, used when no rule matches
 * @param deadlines        pickup deadlines per priority; missing priorities have none
 * @param answerConfidence Baton answers only when the knowledge-base match is at least this sure
 * @param aftercare        what Baton posts when a person resolves a handoff
 */
public record RuleBook(CueSettings cues, List<ChannelRule> channels, List<Route> routes, Route fallback,
                       Map<Priority, Deadlines> deadlines, double answerConfidence, AfterCareRules aftercare) {

    public static final String DEFAULT_ROUTE = "default";
    /**
     * Answer only when the calibrated chance that the entry really answers is at least this: the rules'
     * default, and the engine's wherever no rules are loaded (chat, triage, bench).
     */
    public static final double DEFAULT_ANSWER_CONFIDENCE = 0.7;

    public RuleBook {
        Objects.requireNonNull(cues, "cues");
        channels = List.copyOf(channels);
        routes = List.copyOf(routes);
        Objects.requireNonNull(fallback, "fallback");
        EnumMap<Priority, Deadlines> copy = new EnumMap<>(Priority.class);
        copy.putAll(deadlines);
        deadlines = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(aftercare, "aftercare");
    }

    /** With the built-in after-care ({@link AfterCareRules#DEFAULTS}). */
    public RuleBook(CueSettings cues, List<ChannelRule> channels, List<Route> routes, Route fallback,
                    Map<Priority, Deadlines> deadlines, double answerConfidence) {
        this(cues, channels, routes, fallback, deadlines, answerConfidence, AfterCareRules.DEFAULTS);
    }

    /** The rules when there is no {@code rules.yaml}: every cue as built in, anyone, normal priority, no deadlines. */
    public static RuleBook defaults() {
        return new RuleBook(CueSettings.standard(), List.of(), List.of(),
                new Route(DEFAULT_ROUTE, 0, Conditions.ALWAYS, new Target.Anyone(), Priority.NORMAL, null, null),
                Map.of(), DEFAULT_ANSWER_CONFIDENCE);
    }

    /** The channel rule for a place: its own, else its parent channel's. */
    public Optional<ChannelRule> channel(String channelId, String parentId) {
        return channels.stream().filter(c -> c.channelId().equals(channelId)).findFirst()
                .or(() -> parentId == null ? Optional.empty()
                        : channels.stream().filter(c -> c.channelId().equals(parentId)).findFirst());
    }

    /** The cue settings in force for a conversation in this place. */
    public CueSettings cuesIn(String channelId, String parentId) {
        return channel(channelId, parentId).map(c -> cues.with(c.cues())).orElse(cues);
    }

    /** Whether Baton answers every message in this place or only when mentioned. */
    public Answering answeringIn(String channelId, String parentId) {
        return channel(channelId, parentId).map(ChannelRule::answering).orElse(Answering.ALWAYS);
    }

    /** The first route whose conditions hold, else the default route. */
    public Route route(RouteFacts facts) {
        return routes.stream().filter(r -> r.when().holdFor(facts)).findFirst().orElse(fallback);
    }

    /**
     * The route called {@code name} ({@link #DEFAULT_ROUTE} for the default one), e.g. to re-route a handoff
     * within the pool its rule chose; empty when the rules no longer have it.
     */
    public Optional<Route> routeNamed(String name) {
        if (fallback.name().equals(name)) {
            return Optional.of(fallback);
        }
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** A route's own deadlines, else its priority's. */
    public Deadlines deadlinesOf(Route route) {
        return route.deadlines() != null ? route.deadlines() : deadlines.getOrDefault(route.priority(), Deadlines.NONE);
    }

    /** Whether the setting of {@code kind} can never be turned off (only made more or less sensitive). */
    public static boolean alwaysOn(CueKind kind) {
        return kind.alwaysOn();
    }
}
