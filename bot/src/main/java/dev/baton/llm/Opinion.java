package dev.baton.llm;

import dev.baton.text.Words;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a second opinion changes. Pure. The model's verdict counts only where Baton asked and only with
 * evidence Baton can check: a need must be one it was unsure about and come with the customer's own words,
 * found in their messages; the answer can be confirmed or overturned only when the answer was in doubt.
 * Anything else is implausible and the offline decision stands.
 */
public final class Opinion {

    /** Quotes shorter than this prove nothing ("ok", "?"). */
    private static final int QUOTE_MIN = 3;

    /**
     * @param outcome {@code agreed}, {@code changed} or {@code implausible} (the verdict was ignored)
     * @param detail  what the model said that counted, or why it was ignored
     */
    public record Applied(Decision decision, String outcome, String detail) {
    }

    private Opinion() {
    }

    public static Applied apply(Band.Question question, Verdict verdict) {
        List<String> ignored = new ArrayList<>();
        List<Cue> raised = new ArrayList<>();
        for (Verdict.Signal signal : verdict.signals()) {
            Optional<Cue> cue = plausible(question, signal, ignored);
            cue.filter(c -> raised.stream().noneMatch(r -> r.kind() == c.kind())).ifPresent(raised::add);
        }
        Decision offline = question.offline();
        if (!raised.isEmpty()) {
            List<Cue> cues = new ArrayList<>(offline.cues());
            cues.addAll(raised);
            List<CueKind> reasons = TriageEngine.fired(TriageEngine.combine(cues), question.settings());
            List<Cue> strongestFirst = cues.stream().sorted(Comparator.comparing(Cue::score).reversed()).toList();
            Decision handoff = new Decision.Handoff(reasons, TriageEngine.combine(cues).get(reasons.get(0)),
                    strongestFirst);
            return new Applied(handoff, "changed", "the customer's words show " + names(raised) + note(ignored));
        }
        if (!question.answerUnsure()) {
            String detail = ignored.isEmpty() ? "no need shown" : String.join("; ", ignored);
            return new Applied(offline, ignored.isEmpty() ? "agreed" : "implausible", detail);
        }
        String entry = question.nearest().entry().id();
        if (verdict.entryAnswers()) {
            Decision answer = offline instanceof Decision.Answer ? offline : new Decision.Answer(entry,
                    question.nearest().confidence(), question.nearest().matchedQuestion(),
                    withoutOutOfScope(offline.cues()));
            return new Applied(answer, offline instanceof Decision.Answer ? "agreed" : "changed",
                    "entry " + entry + " answers it" + note(ignored));
        }
        if (!(offline instanceof Decision.Answer)) {
            return new Applied(offline, "agreed", "entry " + entry + " does not answer it" + note(ignored));
        }
        List<Cue> cues = new ArrayList<>(offline.cues());
        cues.add(new Cue(CueKind.OUT_OF_SCOPE, 1 - question.nearest().confidence(), question.conversation().focus(),
                "second opinion: entry " + entry + " (\"" + question.nearest().matchedQuestion() + "\", confidence "
                        + String.format(Locale.ROOT, "%.2f", question.nearest().confidence()) + ") does not answer it"));
        Decision handoff = new Decision.Handoff(List.of(CueKind.OUT_OF_SCOPE), 1 - question.nearest().confidence(),
                cues.stream().sorted(Comparator.comparing(Cue::score).reversed()).toList());
        return new Applied(handoff, "changed", "entry " + entry + " does not answer it" + note(ignored));
    }

    /** A cue from the signal if Baton asked about it and the quote is the customer's; else why not, in {@code ignored}. */
    private static Optional<Cue> plausible(Band.Question question, Verdict.Signal signal, List<String> ignored) {
        CueKind kind;
        try {
            kind = CueKind.fromWire(signal.need() == null ? "" : signal.need().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            ignored.add("ignored unknown need \"" + signal.need() + "\"");
            return Optional.empty();
        }
        if (!question.unsureCues().contains(kind)) {
            ignored.add("ignored " + kind.wireName() + ", which Baton did not ask about");
            return Optional.empty();
        }
        String quote = signal.quote() == null ? "" : signal.quote().strip();
        int message = customerMessageWith(question.conversation(), quote);
        if (Words.normalise(quote).replaceAll("[^\\p{L}\\p{N}]", "").length() < QUOTE_MIN || message < 0) {
            ignored.add("ignored " + kind.wireName() + ": \"" + quote + "\" is not the customer's words");
            return Optional.empty();
        }
        // Scored at the threshold so that, combined with what the detectors found, the cue fires.
        double score = Math.max(question.settings().of(kind).firesAt(), 0.0);
        return Optional.of(new Cue(kind, Math.min(1.0, score), message, "second opinion: \"" + quote + "\""));
    }

    /** The index of the customer message that contains the quote (ignoring case, spacing and punctuation), or -1. */
    static int customerMessageWith(Conversation conversation, String quote) {
        String wanted = comparable(quote);
        if (wanted.isEmpty()) {
            return -1;
        }
        for (int i = conversation.size() - 1; i >= 0; i--) {
            Message message = conversation.get(i);
            if (message.author() == Author.CUSTOMER && comparable(message.text()).contains(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String comparable(String text) {
        return Words.normalise(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static List<Cue> withoutOutOfScope(List<Cue> cues) {
        return cues.stream().filter(c -> c.kind() != CueKind.OUT_OF_SCOPE).toList();
    }

    private static String names(List<Cue> cues) {
        return String.join(", ", cues.stream().map(c -> c.kind().wireName() + " (" + c.evidence()
                .replace("second opinion: ", "") + ")").toList());
    }

    private static String note(List<String> ignored) {
        return ignored.isEmpty() ? "" : "; " + String.join("; ", ignored);
    }
}
