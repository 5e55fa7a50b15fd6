package dev.baton.handoff;

import dev.baton.triage.CueKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the customer is told when Baton hands over: one message naming the person and saying what
 * happens next, worded for the main reason (gentle for grief, direct for anger, ...). Every cue has
 * wording for when the person is on shift and when they are away; crisis notices also carry the
 * crisis resources text. The same goes for the notices of missed pickup deadlines: another person
 * picking it up instead ({@link #rerouted}) and more of the team called in ({@link #escalated}); and when a
 * person transfers it to a colleague from the console ({@link #transferred}).
 */
public final class HandoffWording {

    /** The key, besides the cue wire names, whose wording serves every cue without its own. */
    static final String DEFAULT = "default";

    private static final HandoffWording DEFAULTS = overriding(Map.of(), null);

    private final Map<CueKind, Map<ShiftStatus, String>> templates;
    private final Map<CueKind, Map<ShiftStatus, String>> rerouted;
    private final Map<CueKind, Map<ShiftStatus, String>> transferred;
    private final Map<CueKind, String> escalated;
    private final String crisisResources;
    private final String smallTalk;
    private final AfterCareWording afterCare;

    private HandoffWording(Map<CueKind, Map<ShiftStatus, String>> templates,
                           Map<CueKind, Map<ShiftStatus, String>> rerouted,
                           Map<CueKind, Map<ShiftStatus, String>> transferred, Map<CueKind, String> escalated,
                           String crisisResources, String smallTalk, AfterCareWording afterCare) {
        this.templates = templates;
        this.rerouted = rerouted;
        this.transferred = transferred;
        this.escalated = escalated;
        this.crisisResources = crisisResources;
        this.smallTalk = smallTalk;
        this.afterCare = afterCare;
    }

    /** The wording Baton ships with. */
    public static HandoffWording defaults() {
        return DEFAULTS;
    }

    /**
     * The built-in wording with some texts replaced. For each cue and shift the first of these wins:
     * the override for that cue, the built-in text for that cue, the {@code default} override, the
     * built-in default. So editing {@code default} never undoes the care taken over grief or crisis.
     *
     * @param overrides       texts keyed by {@code default} or a cue's wire name, then by shift
     * @param crisisResources replaces the built-in crisis resources text; null keeps it
     */
    static HandoffWording overriding(Map<String, Map<ShiftStatus, String>> overrides, String crisisResources) {
        return overriding(overrides, Map.of(), Map.of(), crisisResources);
    }

    /**
     * As {@link #overriding(Map, String)}, with the notices of missed pickup deadlines too, merged the
     * same way.
     *
     * @param rerouted  {@code rerouted:} texts keyed like {@code handoff:}'s
     * @param escalated {@code escalated:} texts keyed by {@code default} or a cue's wire name
     */
    static HandoffWording overriding(Map<String, Map<ShiftStatus, String>> overrides,
                                     Map<String, Map<ShiftStatus, String>> rerouted, Map<String, String> escalated,
                                     String crisisResources) {
        return overriding(overrides, rerouted, escalated, crisisResources, null);
    }

    /** As above, with Baton's reply to small talk ({@code small_talk:}); null keeps the built-in one. */
    static HandoffWording overriding(Map<String, Map<ShiftStatus, String>> overrides,
                                     Map<String, Map<ShiftStatus, String>> rerouted, Map<String, String> escalated,
                                     String crisisResources, String smallTalk) {
        return overriding(overrides, rerouted, escalated, crisisResources, smallTalk, AfterCareWording.defaults());
    }

    /** As above, with what Baton says after a person resolved a handoff ({@code aftercare:}). */
    static HandoffWording overriding(Map<String, Map<ShiftStatus, String>> overrides,
                                     Map<String, Map<ShiftStatus, String>> rerouted, Map<String, String> escalated,
                                     String crisisResources, String smallTalk, AfterCareWording afterCare) {
        return overriding(overrides, rerouted, Map.of(), escalated, crisisResources, smallTalk, afterCare);
    }

    /**
     * As above, with what the customer is told when a person transfers the handoff to a colleague
     * ({@code transferred:}, keyed like {@code handoff:}'s).
     */
    static HandoffWording overriding(Map<String, Map<ShiftStatus, String>> overrides,
                                     Map<String, Map<ShiftStatus, String>> rerouted,
                                     Map<String, Map<ShiftStatus, String>> transferred, Map<String, String> escalated,
                                     String crisisResources, String smallTalk, AfterCareWording afterCare) {
        return new HandoffWording(shifted("handoff", DefaultWording.ENTRIES, overrides),
                shifted("rerouted", DefaultWording.REROUTED, rerouted),
                shifted("transferred", DefaultWording.TRANSFERRED, transferred), unshifted(escalated),
                crisisResources == null ? DefaultWording.CRISIS_RESOURCES : crisisResources,
                smallTalk == null ? DefaultWording.SMALL_TALK : smallTalk, Objects.requireNonNull(afterCare));
    }

    private static Map<CueKind, Map<ShiftStatus, String>> shifted(String section,
                                                                  Map<String, Map<ShiftStatus, String>> builtIn,
                                                                  Map<String, Map<ShiftStatus, String>> overrides) {
        Map<String, Map<ShiftStatus, String>> merged = new HashMap<>();
        builtIn.forEach((key, texts) -> merged.put(key, new EnumMap<>(texts)));
        overrides.forEach((key, texts) -> merged.computeIfAbsent(key, k -> new EnumMap<>(ShiftStatus.class))
                .putAll(texts));
        Map<CueKind, Map<ShiftStatus, String>> templates = new EnumMap<>(CueKind.class);
        for (CueKind kind : CueKind.values()) {
            Map<ShiftStatus, String> own = merged.getOrDefault(kind.wireName(), Map.of());
            Map<ShiftStatus, String> texts = new EnumMap<>(ShiftStatus.class);
            for (ShiftStatus shift : ShiftStatus.values()) {
                String text = own.getOrDefault(shift, merged.get(DEFAULT).get(shift));
                requireSound(section + "." + kind.wireName() + "." + shift.wireName(), Template.check(text, shift));
                texts.put(shift, text);
            }
            templates.put(kind, Map.copyOf(texts));
        }
        return Map.copyOf(templates);
    }

    private static Map<CueKind, String> unshifted(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(DefaultWording.ESCALATED);
        merged.putAll(overrides);
        Map<CueKind, String> texts = new EnumMap<>(CueKind.class);
        for (CueKind kind : CueKind.values()) {
            String text = merged.getOrDefault(kind.wireName(), merged.get(DEFAULT));
            requireSound("escalated." + kind.wireName(), Template.checkUnshifted(text));
            texts.put(kind, text);
        }
        return Map.copyOf(texts);
    }

    private static void requireSound(String label, List<Template.Flaw> flaws) {
        if (!flaws.isEmpty()) {
            // The loader reports these with line numbers; reaching here is a programming error.
            throw new IllegalArgumentException(label + ": " + flaws.get(0).message());
        }
    }

    /** The notice for a handoff whose main reason is {@code primary}. */
    public String render(CueKind primary, NoticeFacts facts) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(facts, "facts");
        return withResources(primary, Template.fill(template(primary, facts.onShift()), values(facts)));
    }

    /**
     * What the customer is told when the person it went to did not pick it up in time and Baton hands
     * it to the next one ({@code facts} are about that next person).
     */
    public String rerouted(CueKind primary, NoticeFacts facts) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(facts, "facts");
        return withResources(primary, Template.fill(reroutedTemplate(primary, facts.onShift()), values(facts)));
    }

    /**
     * What the customer is told when a person transfers the handoff to a colleague ({@code facts} are about
     * that colleague, the one who has it now).
     */
    public String transferred(CueKind primary, NoticeFacts facts) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(facts, "facts");
        return withResources(primary, Template.fill(transferredTemplate(primary, facts.onShift()), values(facts)));
    }

    /**
     * What the customer is told when nobody picked it up in time and Baton calls in more of the team
     * ({@code facts} are about the person it is with now).
     */
    public String escalated(CueKind primary, NoticeFacts facts) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(facts, "facts");
        return withResources(primary, Template.fill(escalatedTemplate(primary), values(facts)));
    }

    private String withResources(CueKind primary, String notice) {
        // Set apart from the notice so it is seen, not skimmed past.
        return primary == CueKind.CRISIS ? notice + "\n\n" + crisisResources : notice;
    }

    /** The template used for {@code kind}, with its placeholders still in. */
    public String template(CueKind kind, boolean onShift) {
        return templates.get(kind).get(onShift ? ShiftStatus.ON_SHIFT : ShiftStatus.OFF_SHIFT);
    }

    /** The re-route template used for {@code kind}, with its placeholders still in. */
    public String reroutedTemplate(CueKind kind, boolean onShift) {
        return rerouted.get(kind).get(onShift ? ShiftStatus.ON_SHIFT : ShiftStatus.OFF_SHIFT);
    }

    /** The transfer template used for {@code kind}, with its placeholders still in. */
    public String transferredTemplate(CueKind kind, boolean onShift) {
        return transferred.get(kind).get(onShift ? ShiftStatus.ON_SHIFT : ShiftStatus.OFF_SHIFT);
    }

    /** The escalation template used for {@code kind}, with its placeholders still in. */
    public String escalatedTemplate(CueKind kind) {
        return escalated.get(kind);
    }

    public String crisisResources() {
        return crisisResources;
    }

    /** What Baton replies to small talk alone: what it can do and how to reach a person. */
    public String smallTalk() {
        return smallTalk;
    }

    /** What Baton says in the conversation after a person resolved the handoff. */
    public AfterCareWording afterCare() {
        return afterCare;
    }

    private static Map<String, String> values(NoticeFacts facts) {
        return Map.of(
                "person", facts.personName(),
                // {team} is for sentences that need a noun either way; {from_team} disappears instead.
                "team", facts.team() == null ? "support" : facts.team(),
                "from_team", facts.team() == null ? "" : "from " + facts.team(),
                "mention", facts.mention() == null ? facts.personName() : facts.mention(),
                "wait", TimePhrases.wait(facts.typicalPickup()),
                "when", facts.onShift() ? "" : TimePhrases.when(facts.availableAt(), facts.now()));
    }
}
