package dev.baton.handoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Baton says in the conversation after a person resolved a handoff, on their behalf: the question
 * with its 👍 / 👎 buttons, the kind closing line posted instead of it (for grief), and the replies to the
 * customer's clicks. {@code {person}} is the name of whoever resolved it, and the only placeholder.
 *
 * @param ask             the question above the buttons; must name the person
 * @param closingLine     posted instead of the question where a rating would be out of place; must name the person
 * @param thanksUp        replaces the buttons after 👍
 * @param thanksDown      replaces the buttons after 👎; offers to reopen by writing in the conversation
 * @param alreadyAnswered to a second click: only the first answer counts
 * @param expired         to a click after the buttons stopped taking answers
 * @param notYours        to anyone but the customer who was asked
 * @param commentSaved    after the one-line comment was kept
 */
public record AfterCareWording(String ask, String closingLine, String thanksUp, String thanksDown,
                               String alreadyAnswered, String expired, String notYours, String commentSaved) {

    /** The keys of messages.yaml's {@code aftercare:}, in the order of the record. */
    static final List<String> KEYS = List.of("ask", "closing_line", "thanks_up", "thanks_down", "already_answered",
            "expired", "not_yours", "comment_saved");
    /** The texts that are the message itself, so they must say who resolved it. */
    static final List<String> NAMING = List.of("ask", "closing_line");

    private static final AfterCareWording DEFAULTS = new AfterCareWording(
            "{person} marked this as sorted. Did this help?",
            "{person} has marked this as done. We're thinking of you, and we're here whenever you need us.",
            "Thank you for letting us know!",
            "Thank you for telling us. If it isn't sorted, just write here and we'll pick it up again.",
            "You already told us \u2014 thank you.",
            "This question has closed, but you can always write here if you need us.",
            "Only the person who asked can answer this.",
            "Thank you, we've passed your comment on.");

    public AfterCareWording {
        List.of(ask, closingLine, thanksUp, thanksDown, alreadyAnswered, expired, notYours, commentSaved)
                .forEach(Objects::requireNonNull);
    }

    /** The wording Baton ships with. */
    public static AfterCareWording defaults() {
        return DEFAULTS;
    }

    /** The built-in wording with the texts in {@code overrides} (by key, see {@link #KEYS}) instead. */
    static AfterCareWording overriding(Map<String, String> overrides) {
        Map<String, String> texts = new LinkedHashMap<>(DEFAULTS.byKey());
        overrides.forEach((key, text) -> {
            if (!texts.containsKey(key)) {
                throw new IllegalArgumentException("no after-care text `" + key + "`");
            }
            List<Template.Flaw> flaws = Template.checkAfterCare(text, NAMING.contains(key));
            if (!flaws.isEmpty()) {
                // The loader reports these with line numbers; reaching here is a programming error.
                throw new IllegalArgumentException("aftercare." + key + ": " + flaws.get(0).message());
            }
            texts.put(key, text);
        });
        return new AfterCareWording(texts.get("ask"), texts.get("closing_line"), texts.get("thanks_up"),
                texts.get("thanks_down"), texts.get("already_answered"), texts.get("expired"), texts.get("not_yours"),
                texts.get("comment_saved"));
    }

    /** The question, naming {@code person}. */
    public String ask(String person) {
        return fill(ask, person);
    }

    /** The closing line, naming {@code person}. */
    public String closingLine(String person) {
        return fill(closingLine, person);
    }

    /** A reply to a click ({@link #thanksUp()} and the rest), naming {@code person} where it says {@code {person}}. */
    public static String fill(String text, String person) {
        return Template.fill(text, Map.of("person", person));
    }

    private Map<String, String> byKey() {
        List<String> texts = List.of(ask, closingLine, thanksUp, thanksDown, alreadyAnswered, expired, notYours,
                commentSaved);
        Map<String, String> keyed = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            keyed.put(KEYS.get(i), texts.get(i));
        }
        return keyed;
    }
}
