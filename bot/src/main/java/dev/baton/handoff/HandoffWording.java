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
 * crisis resources text.
 */
public final class HandoffWording {

    /** The key, besides the cue wire names, whose wording serves every cue without its own. */
    static final String DEFAULT = "default";

    private static final HandoffWording DEFAULTS = overriding(Map.of(), null);

    private final Map<CueKind, Map<Shift, String>> templates;
    private final String crisisResources;

    private HandoffWording(Map<CueKind, Map<Shift, String>> templates, String crisisResources) {
        this.templates = templates;
        this.crisisResources = crisisResources;
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
    static HandoffWording overriding(Map<String, Map<Shift, String>> overrides, String crisisResources) {
        Map<String, Map<Shift, String>> merged = new HashMap<>();
        DefaultWording.ENTRIES.forEach((key, texts) -> merged.put(key, new EnumMap<>(texts)));
        overrides.forEach((key, texts) -> merged.computeIfAbsent(key, k -> new EnumMap<>(Shift.class)).putAll(texts));
        Map<CueKind, Map<Shift, String>> templates = new EnumMap<>(CueKind.class);
        for (CueKind kind : CueKind.values()) {
            Map<Shift, String> own = merged.getOrDefault(kind.wireName(), Map.of());
            Map<Shift, String> texts = new EnumMap<>(Shift.class);
            for (Shift shift : Shift.values()) {
                String text = own.getOrDefault(shift, merged.get(DEFAULT).get(shift));
                List<Template.Flaw> flaws = Template.check(text, shift);
                if (!flaws.isEmpty()) {
                    // The loader reports these with line numbers; reaching here is a programming error.
                    throw new IllegalArgumentException(kind.wireName() + "." + shift.wireName() + ": "
                            + flaws.get(0).message());
                }
                texts.put(shift, text);
            }
            templates.put(kind, Map.copyOf(texts));
        }
        return new HandoffWording(Map.copyOf(templates),
                crisisResources == null ? DefaultWording.CRISIS_RESOURCES : crisisResources);
    }

    /** The notice for a handoff whose main reason is {@code primary}. */
    public String render(CueKind primary, NoticeFacts facts) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(facts, "facts");
        String notice = Template.fill(template(primary, facts.onShift()), values(facts));
        // Set apart from the notice so it is seen, not skimmed past.
        return primary == CueKind.CRISIS ? notice + "\n\n" + crisisResources : notice;
    }

    /** The template used for {@code kind}, with its placeholders still in. */
    public String template(CueKind kind, boolean onShift) {
        return templates.get(kind).get(onShift ? Shift.ON_SHIFT : Shift.OFF_SHIFT);
    }

    public String crisisResources() {
        return crisisResources;
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
