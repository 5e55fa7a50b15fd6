package dev.baton.handoff;

import dev.baton.text.Words;
import dev.baton.triage.Author;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "feels" part of a summary: the most important feeling that fired, as a plain word, with the
 * customer's sentence that showed it.
 */
final class Feelings {

    /** Most important first, as in {@link CueKind}; the other kinds say why, not how the customer feels. */
    static final List<CueKind> FEELINGS = Arrays.stream(CueKind.values()).filter(CueKind::isFeeling).toList();

    static final int QUOTE_MAX = 100;

    private static final String WORD = "[\\p{L}\\p{N}]";
    private static final String NOT_WORD = "[^\\p{L}\\p{N}]";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern SHOUTED = Pattern.compile("^shouting: (.+)$");
    /** Sadness about a death reads differently to the person taking over than sadness in general. */
    private static final Pattern BEREAVEMENT = Pattern.compile("\\b(?:pass(?:ed)? away|passed|died|dead|death"
            + "|funeral|grie(?:f|ving|ve)|mourn\\w*|bereave\\w*|my late|lost (?:my|our)|memorial|condolences"
            + "|no longer with us|miscarr\\w*|stillb\\w*|put (?:down|to sleep))\\b");

    private Feelings() {
    }

    static String describe(List<Message> transcript, List<Cue> allCues) {
        List<Cue> cues = allCues.stream().filter(c -> isCustomers(transcript, c.message())).toList();
        Map<CueKind, Double> combined = TriageEngine.combine(cues);
        // Decision cues include every scored cue, fired or not; a faint crisis score must not label
        // the customer "in crisis", so only kinds that reached the engine's firing line count.
        Optional<CueKind> kind = FEELINGS.stream()
                .filter(k -> combined.getOrDefault(k, 0.0) >= TriageEngine.FIRE).findFirst();
        if (kind.isEmpty()) {
            return "";
        }
        List<Cue> ofKind = cues.stream().filter(c -> c.kind() == kind.get())
                .sorted(Comparator.comparingDouble(Cue::score).reversed()).toList();
        for (Cue cue : ofKind) {
            Optional<String> quote = quote(transcript, cue);
            if (quote.isPresent()) {
                // Named from the customer's words: a prototype's evidence quotes its example, not them.
                return word(kind.get(), quote.get()) + " (\"" + quote.get() + "\")";
            }
        }
        // A message with no words (only an emoji, say): nothing to quote or to tell grief from sadness by.
        return word(kind.get(), "");
    }

    private static String word(CueKind kind, String evidence) {
        if (kind == CueKind.SADNESS_GRIEF && BEREAVEMENT.matcher(Words.normalise(evidence)).find()) {
            return "grieving";
        }
        return kind.feeling().orElseThrow(() -> new IllegalArgumentException(kind + " is not a feeling"));
    }

    /** Only the customer's messages are sources: a cue pointing elsewhere is not their feeling. */
    private static boolean isCustomers(List<Message> transcript, int index) {
        return index >= 0 && index < transcript.size() && transcript.get(index).author() == Author.CUSTOMER;
    }

    /**
     * The customer's sentence holding the cue's quoted words; failing that (evidence that describes
     * rather than quotes, such as a repeated question), the first sentence of that message.
     */
    private static Optional<String> quote(List<Message> transcript, Cue cue) {
        List<String> sentences = Excerpts.sentences(transcript.get(cue.message()).text());
        for (Pattern phrase : phrases(cue.evidence())) {
            for (String sentence : sentences) {
                Matcher m = phrase.matcher(sentence);
                if (m.find()) {
                    return Optional.of(Excerpts.around(sentence, m.start(), QUOTE_MAX));
                }
            }
        }
        return sentences.stream().filter(Excerpts::hasContent).findFirst().map(s -> Excerpts.shorten(s, QUOTE_MAX));
    }

    /**
     * Detectors quote normalised text (lower case, one space, straight quotes), so each phrase is
     * matched word by word, ignoring case and whatever separates the words in the original.
     */
    private static List<Pattern> phrases(String evidence) {
        List<String> quoted = new ArrayList<>();
        Matcher shouted = SHOUTED.matcher(evidence);
        if (shouted.matches()) {
            quoted.add(shouted.group(1));
        }
        Matcher m = QUOTED.matcher(evidence);
        while (m.find()) {
            quoted.add(m.group(1));
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String phrase : quoted) {
            List<String> words = Words.words(phrase);
            if (!words.isEmpty()) {
                // Whole words, as the lexicons match them: "asked" must not be found inside "unasked".
                String between = words.stream().map(Feelings::literal).collect(Collectors.joining(NOT_WORD + "+"));
                patterns.add(Pattern.compile("(?<!" + WORD + ")" + between + "(?!" + WORD + ")",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        return patterns;
    }

    /** A normalised word as written: its straight apostrophe may have been a curly one. */
    private static String literal(String word) {
        return Arrays.stream(word.split("'", -1)).map(Pattern::quote).collect(Collectors.joining("['\u2019\u2018]"));
    }
}
