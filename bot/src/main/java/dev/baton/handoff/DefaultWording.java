package dev.baton.handoff;

import dev.baton.triage.CueKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The notices Baton ships with. Each names the person, says what happens next and when, and never
 * answers the question: once a person is needed, a half-answer from Baton would only get in the way.
 * Every cue kind says here which notices it words its own way; for the rest, {@code default}'s serve.
 */
final class DefaultWording {

    private DefaultWording() {
    }

    /** Ends on the link: a full stop after it can end up inside the link when a client makes it clickable. */
    static final String CRISIS_RESOURCES = "If you are in danger or thinking about ending your life, please contact"
            + " your local emergency number now, or find a free, confidential helpline in your country at"
            + " https://findahelpline.com";

    /** Baton's reply to small talk alone: what it can do, and how to reach a person. */
    static final String SMALL_TALK = "Hi! I'm Baton, the support bot here. Ask me a question about the product and"
            + " I'll answer it when our help pages cover it. If you'd rather talk to a person, just say so or press"
            + " \"Talk to a person\", and someone from the team will pick it up.";

    private static final Map<ShiftStatus, String> HANDOFF_DEFAULT = both(
            "I'm bringing in {person} {from_team}. {person} can see everything you've written here, so you won't need"
                    + " to repeat anything. {person} is usually with you within {wait}.",
            "I'm passing this to {person} {from_team}. {person} isn't working right now and will pick this up {when}."
                    + " {person} will see everything you've written here, so you won't need to repeat anything.");

    private static final Map<ShiftStatus, String> REROUTED_DEFAULT = both(
            "Sorry for the wait. {person} {from_team} is picking this up instead and can see everything you've written,"
                    + " so there's nothing to repeat. {person} is usually with you within {wait}.",
            "Sorry for the wait. {person} {from_team} is picking this up instead. {person} isn't working right now and"
                    + " will be with you {when}, and will see everything you've written, so there's nothing to"
                    + " repeat.");

    // No apology: a transfer is a person choosing who is best placed, not a wait gone wrong.
    private static final Map<ShiftStatus, String> TRANSFERRED_DEFAULT = both(
            "{person} {from_team} is taking over this conversation from here. {person} can see everything you've"
                    + " written, so there's nothing to repeat, and is usually with you within {wait}.",
            "{person} {from_team} is taking over this conversation from here. {person} isn't working right now and"
                    + " will be with you {when}, and will see everything you've written, so there's nothing to"
                    + " repeat.");

    private static final String ESCALATED_DEFAULT = "This is taking longer than it should, so I've asked more of the"
            + " team to help. Someone will be with you as soon as they can, and they'll see everything you've written"
            + " here.";

    /** Keyed by {@code default} and cue wire names, in the order the shipped messages.yaml lists them. */
    static final Map<String, Map<ShiftStatus, String>> ENTRIES = keyed(HANDOFF_DEFAULT, Own::handoff);

    /**
     * When the person did not pick it up in time and Baton hands it to the next one: an apology for the
     * wait, who has it now and when, in each cue's tone. Never who dropped it: that is not the
     * customer's business, and blaming a colleague in public helps nobody.
     */
    static final Map<String, Map<ShiftStatus, String>> REROUTED = keyed(REROUTED_DEFAULT, Own::rerouted);

    /**
     * When a person transfers the handoff to a colleague (from the console): who has it now and when. Never
     * who handed it on, nor why: the customer needs to know who is coming, not how the team shares its work.
     */
    static final Map<String, Map<ShiftStatus, String>> TRANSFERRED = keyed(TRANSFERRED_DEFAULT, Own::transferred);

    /**
     * When nobody picked it up in time and Baton calls in a role (e.g. the moderators): more help is
     * coming. Not about one person, so no shift and no {when}.
     */
    static final Map<String, String> ESCALATED = keyed(ESCALATED_DEFAULT, Own::escalated);

    /**
     * A cue's own texts: the handoff notice (on and off shift), the one when someone else picks it up instead
     * ({@link #REROUTED}), the one when more of the team is called in ({@link #ESCALATED}) and the one when a
     * person transfers it to a colleague ({@link #TRANSFERRED}); null where {@code default}'s serve.
     */
    record Own(Map<ShiftStatus, String> handoff, Map<ShiftStatus, String> rerouted, String escalated,
               Map<ShiftStatus, String> transferred) {

        static final Own NONE = new Own(null, null, null, null);

        /** Without transfer wording of its own: {@code default}'s serves. */
        Own(Map<ShiftStatus, String> handoff, Map<ShiftStatus, String> rerouted, String escalated) {
            this(handoff, rerouted, escalated, null);
        }
    }

    /**
     * Each cue's own wording. The switch names every kind, so a new one is not complete (does not compile)
     * until it says here how Baton speaks for it, or that {@code default}'s words serve.
     */
    static Own own(CueKind kind) {
        return switch (kind) {
            // Warm and immediate; the resources text follows. Off shift it must not sound like "wait for us".
            case CRISIS -> new Own(both(
                    "I'm really sorry you're going through this, and I'm glad you told us. I'm asking {person} to join"
                            + " you here right now. {person} will read everything you've written and is usually here"
                            + " within {wait}.",
                    "I'm really sorry you're going through this, and I'm glad you told us. {person} isn't working right"
                            + " now; they will read everything you've written and be here {when}. Please don't wait for"
                            + " us if you need someone sooner."), both(
                    "I'm sorry nobody has joined you yet. I've asked {person} to join you here instead, right now."
                            + " {person} will read everything you've written.",
                    "I'm sorry nobody has joined you yet. I've asked {person} to be with you instead; they are away"
                            + " just now and will be here {when}. Please don't wait for us if you need someone"
                            + " sooner."),
                    // The resources text follows, as on every crisis message.
                    "I've asked more of the team to join you right now.", both(
                    "{person} is joining you here now and will read everything you've written, so you don't need"
                            + " to say any of it again.",
                    "{person} is taking over from here; they are away just now and will be here {when}. Please"
                            + " don't wait for us if you need someone sooner."));
            // Direct and accountable: acknowledge, say who can act and when. No grovelling, no excuses.
            case ANGER -> new Own(both(
                    "Understood. This needs someone who can act on it, so I'm handing it to {person} {from_team} now."
                            + " {person} can see everything you've written, so you won't have to explain it again, and"
                            + " is usually with you within {wait}.",
                    "Understood. This needs someone who can act on it, so I'm handing it to {person} {from_team}."
                            + " {person} isn't working right now and will pick this up {when}. You won't have to"
                            + " explain any of it again."), both(
                    "Sorry, that took too long. {person} {from_team} is taking this over now and can see everything"
                            + " you've written, so you won't have to explain it again. {person} is usually with you"
                            + " within {wait}.",
                    "Sorry, that took too long. {person} {from_team} is taking this over and will pick it up {when}."
                            + " You won't have to explain any of it again."),
                    "This has waited too long, so I've asked more of the team to step in. Someone will be with you as"
                            + " soon as possible, and you won't have to explain it again.");
            // Gentle: no talk of what Baton can or cannot do, no hurry, nothing to repeat.
            case SADNESS_GRIEF -> new Own(both(
                    "I'm so sorry you're going through this. I've asked {person} {from_team} to help you with this"
                            + " personally. {person} can see what you've written, so there's no need to go over it"
                            + " again, and will be with you within {wait}. Take all the time you need.",
                    "I'm so sorry you're going through this. I've asked {person} {from_team} to help you with this"
                            + " personally. {person} is away just now and will be with you {when}. There's no need to"
                            + " go over anything again, and no rush on your side."), both(
                    "I'm sorry this is taking longer than it should. {person} {from_team} is going to help you with"
                            + " this personally instead. {person} can see what you've written, so there's no need to go"
                            + " over it again, and will be with you within {wait}.",
                    "I'm sorry this is taking longer than it should. {person} {from_team} is going to help you with"
                            + " this personally instead. {person} is away just now and will be with you {when}. There's"
                            + " no need to go over anything again."),
                    "I'm sorry for the wait. I've asked more of the team to help, so someone will be with you soon."
                            + " There's no need to go over anything again.", both(
                    "{person} {from_team} is going to help you with this personally from here. {person} can see"
                            + " what you've written, so there's no need to go over it again, and will be with you"
                            + " within {wait}.",
                    "{person} {from_team} is going to help you with this personally from here. {person} is away"
                            + " just now and will be with you {when}. There's no need to go over anything again."));
            // Calm and specific: the next step, who takes it and when, and that nothing more is needed from them.
            case ANXIETY -> new Own(both(
                    "I understand this is worrying, so here is exactly what happens next: {person} {from_team} is"
                            + " joining this conversation and usually replies within {wait}. Nothing you've written"
                            + " here will be lost, and you don't need to do anything else in the meantime.",
                    "I understand this is worrying, so here is exactly what happens next: {person} {from_team} will"
                            + " pick up this conversation {when}. Nothing you've written here will be lost, and you"
                            + " don't need to do anything else in the meantime."), both(
                    "Here is what happens now: {person} {from_team} is taking over this conversation and usually"
                            + " replies within {wait}. Nothing you've written is lost, and you don't need to do"
                            + " anything else.",
                    "Here is what happens now: {person} {from_team} is taking over this conversation and will pick it"
                            + " up {when}. Nothing you've written is lost, and you don't need to do anything else."),
                    "I've asked more of the team to help, so someone will be with you soon. Nothing you've written is"
                            + " lost, and you don't need to do anything else.");
            // Brisk: who and when, nothing else to read.
            case URGENCY -> new Own(both(
                    "Getting {person} {from_team} on this now. {person} can see everything here and is usually with you"
                            + " within {wait}.",
                    "{person} {from_team} will take this, but isn't working right now: back {when}. {person} can see"
                            + " everything here, so nothing needs repeating."), both(
                    "Handing this to {person} {from_team} instead, to get it moving. {person} can see everything here"
                            + " and is usually with you within {wait}.",
                    "Handing this to {person} {from_team} instead: back {when}. {person} can see everything here, so"
                            + " nothing needs repeating."),
                    "Still waiting, so I've asked more of the team to step in now.");
            case FRUSTRATION -> new Own(both(
                    "Sorry this has been such a runaround. I'm bringing in {person} {from_team}, who can see everything"
                            + " you've written, so you won't need to repeat anything. {person} is usually with you"
                            + " within {wait}.",
                    "Sorry this has been such a runaround. I'm passing this to {person} {from_team}, who will pick it"
                            + " up {when} and will see everything you've written, so you won't need to repeat"
                            + " anything."),
                    null, null);
            case HUMAN_REQUEST -> new Own(both(
                    "Of course. I'm bringing in {person} {from_team}, who can see everything you've written here, so"
                            + " you won't need to repeat anything. {person} is usually with you within {wait}.",
                    "Of course. I'm passing this to {person} {from_team}, who isn't working right now and will pick"
                            + " this up {when}. {person} will see everything you've written here, so you won't need to"
                            + " repeat anything."),
                    null, null);
            case NONLINEAR, OUT_OF_SCOPE -> Own.NONE;
        };
    }

    /** {@code default} first, then every cue with a text of its own, in the order of {@link CueKind}. */
    private static <T> Map<String, T> keyed(T byDefault, Function<Own, T> part) {
        Map<String, T> entries = new LinkedHashMap<>();
        entries.put("default", byDefault);
        for (CueKind kind : CueKind.values()) {
            T text = part.apply(own(kind));
            if (text != null) {
                entries.put(kind.wireName(), text);
            }
        }
        return entries;
    }

    private static Map<ShiftStatus, String> both(String onShift, String offShift) {
        return Map.of(ShiftStatus.ON_SHIFT, onShift, ShiftStatus.OFF_SHIFT, offShift);
    }
}
