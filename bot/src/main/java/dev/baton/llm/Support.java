package dev.baton.llm;

import dev.baton.text.Words;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a model-written summary line says only what the conversation shows. The person taking over reads
 * it instead of the transcript, so an invented order number or a feeling nobody expressed misleads them;
 * such a line is dropped in favour of Baton's own summary.
 */
public final class Support {

    public enum Slot { WANTS, TRIED, FEELS }

    /** Share of a line's content words that must be in the transcript; rewording leaves room for a few. */
    static final double ENOUGH_WORDS = 0.7;
    /** A cue this strong counts as evidence of the feeling it is about. */
    static final double EVIDENCE = 0.3;
    /** A feeling this strong makes "calm" or "happy" false. */
    static final double CONTRADICTS = 0.5;

    /**
     * Words that describe the conversation rather than state a fact from it, and the few function words
     * the shared stop list lacks ("Nothing yet." invents nothing).
     */
    private static final Set<String> CONNECTIVES = stems("customer user member person human agent staff someone"
            + " baton bot says said say wants wanted tried trying asked asks suggested suggests answer answered"
            + " reply replied question message mentioned mentions told explained reports reported feels felt"
            + " feeling seems seemed sounds appears already earlier repeatedly twice speak talk"
            + " cannot nothing none yet never without");

    /** Which cues show a negative feeling; a word in none of them needs the word itself in the transcript. */
    private static final Map<String, Set<CueKind>> NEGATIVE = negative();
    /** Feelings that say all is well: false when a strong feeling cue says otherwise. */
    private static final Set<String> POSITIVE = stems("calm calmly happy relieved satisfied pleased relaxed patient"
            + " polite friendly grateful thankful cheerful neutral content");
    /** How strong a feeling is, which is the reader's judgement, not a fact of the transcript. */
    private static final Set<String> DEGREE = stems("increasingly extremely slightly somewhat quite bit little"
            + " clearly visibly growing mildly deeply rather fairly");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "isn't", "doesn't", "don't",
            "wasn't", "aren't");

    private Support() {
    }

    /**
     * Why a model-written summary line is not supported by the transcript, or empty if it is. A line is
     * supported when every number, URL, e-mail address and name in it is in the transcript, and most of its
     * content words (at least {@value #ENOUGH_WORDS} of its content stems, after leaving out the feeling
     * vocabulary in a FEELS line) are in the transcript's content stems. A FEELS line may name feelings, but
     * a negative one needs evidence — a cue of a matching kind scoring at least {@value #EVIDENCE}, or the
     * feeling word itself in the transcript — and a calm or happy one is false when a feeling cue scores at
     * least {@value #CONTRADICTS}. An empty line invents nothing, so it is supported.
     */
    public static Optional<String> unsupported(String line, Slot slot, List<Message> transcript, List<Cue> cues) {
        if (line == null || line.isBlank()) {
            return Optional.empty();
        }
        String said = transcript.stream().map(Message::text).collect(Collectors.joining("\n"));
        List<String> reasons = new ArrayList<>();
        for (Facts.Fact fact : Facts.notIn(line, said)) {
            boolean describes = fact.kind() == Facts.Kind.NAME
                    && CONNECTIVES.containsAll(List.of(fact.key().split(" ")));
            if (!describes) {
                reasons.add(fact.describe() + " is not in the transcript");
            }
        }
        if (slot == Slot.FEELS) {
            reasons.addAll(feelings(line, said, cues));
        }
        words(line, slot, said).ifPresent(reasons::add);
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Optional<String> words(String line, Slot slot, String said) {
        Set<String> saidStems = new LinkedHashSet<>(Words.contentStems(said));
        // Stem to the word as the line wrote it, so that a reason quotes words, not stems.
        Map<String, String> content = new LinkedHashMap<>();
        for (String word : Words.words(line)) {
            if (!Words.isStopWord(word)) {
                content.putIfAbsent(Words.stem(word), word);
            }
        }
        Set<String> stems = content.keySet();
        stems.removeAll(CONNECTIVES);
        if (slot == Slot.FEELS) {
            stems.removeAll(NEGATIVE.keySet());
            stems.removeAll(POSITIVE);
            stems.removeAll(DEGREE);
        }
        // Numbers, codes and names were judged above, and exactly; here only the wording is weighed.
        stems.removeIf(stem -> stem.chars().anyMatch(Character::isDigit));
        Facts.names(line).forEach(name -> stems.removeAll(Words.contentStems(name)));
        if (stems.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = stems.stream().filter(stem -> !near(stem, saidStems)).map(content::get).toList();
        int found = stems.size() - missing.size();
        if (found >= ENOUGH_WORDS * stems.size()) {
            return Optional.empty();
        }
        return Optional.of("only " + found + " of its " + stems.size() + " content words are in the transcript"
                + " (not: " + missing.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The same stem, or one a letter or two longer: the shared stemmer leaves "resetting" as "resett" and
     * "charge" as "charge" but "charged" as "charg", and those are the same word to a reader.
     */
    private static boolean near(String stem, Set<String> stems) {
        if (stems.contains(stem)) {
            return true;
        }
        return stems.stream().anyMatch(other -> {
            String shorter = other.length() < stem.length() ? other : stem;
            String longer = shorter == other ? stem : other;
            return shorter.length() >= 4 && longer.length() - shorter.length() <= 2 && longer.startsWith(shorter);
        });
    }

    private static List<String> feelings(String line, String said, List<Cue> cues) {
        Set<String> saidStems = Words.words(said).stream().map(Words::stem).collect(Collectors.toSet());
        List<String> reasons = new ArrayList<>();
        List<String> words = Words.words(line);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String stem = Words.stem(word);
            boolean negated = words.subList(Math.max(0, i - 3), i).stream().anyMatch(NEGATIONS::contains);
            if (NEGATIVE.containsKey(stem) && !negated) {
                Set<CueKind> kinds = NEGATIVE.get(stem);
                boolean shown = cues.stream().anyMatch(c -> kinds.contains(c.kind()) && c.score() >= EVIDENCE);
                if (!shown && !saidStems.contains(stem)) {
                    reasons.add("\"" + word + "\" has no evidence: no " + names(kinds) + " cue of "
                            + EVIDENCE + " or more, and the transcript never says it");
                }
            } else if (POSITIVE.contains(stem) || (NEGATIVE.containsKey(stem) && negated)) {
                // "not angry" claims calm as much as "calm" does.
                cues.stream().filter(c -> c.kind().isFeeling() && c.score() >= CONTRADICTS).findFirst()
                        .ifPresent(c -> reasons.add("\"" + word + "\" is contradicted by the "
                                + c.kind().wireName() + " cue (" + c.score() + ")"));
            }
        }
        return reasons;
    }

    private static String names(Set<CueKind> kinds) {
        return kinds.stream().map(CueKind::wireName).collect(Collectors.joining(" or "));
    }

    private static Map<String, Set<CueKind>> negative() {
        Set<CueKind> anger = EnumSet.of(CueKind.ANGER, CueKind.FRUSTRATION);
        Set<CueKind> sadness = EnumSet.of(CueKind.SADNESS_GRIEF);
        Set<CueKind> anxiety = EnumSet.of(CueKind.ANXIETY);
        Set<CueKind> urgency = EnumSet.of(CueKind.URGENCY);
        Set<CueKind> crisis = EnumSet.of(CueKind.CRISIS);
        Set<CueKind> any = EnumSet.noneOf(CueKind.class);
        Arrays.stream(CueKind.values()).filter(CueKind::isFeeling).forEach(any::add);
        Map<String, Set<CueKind>> feelings = new HashMap<>();
        put(feelings, "angry anger furious mad irate livid outraged hostile rude", anger);
        put(feelings, "frustrated frustration annoyed irritated exasperated fed", anger);
        put(feelings, "upset distraught", any);
        put(feelings, "disappointed unhappy", EnumSet.of(CueKind.ANGER, CueKind.FRUSTRATION, CueKind.SADNESS_GRIEF));
        put(feelings, "sad sadness grieving grief mourning bereaved heartbroken devastated lonely", sadness);
        put(feelings, "worried worry anxious anxiety scared afraid nervous fearful concerned", anxiety);
        put(feelings, "stressed panicked panicking panic overwhelmed", EnumSet.of(CueKind.ANXIETY, CueKind.URGENCY,
                CueKind.CRISIS));
        put(feelings, "confused lost", EnumSet.of(CueKind.FRUSTRATION, CueKind.ANXIETY));
        put(feelings, "urgent urgency hurry rushed", urgency);
        put(feelings, "impatient", EnumSet.of(CueKind.URGENCY, CueKind.FRUSTRATION));
        put(feelings, "distressed crisis desperate suicidal unsafe danger", crisis);
        return Map.copyOf(feelings);
    }

    private static void put(Map<String, Set<CueKind>> feelings, String words, Set<CueKind> kinds) {
        for (String stem : stems(words)) {
            // In the order of CueKind, so that a reason lists them by importance.
            feelings.put(stem, Collections.unmodifiableSet(EnumSet.copyOf(kinds)));
        }
    }

    private static Set<String> stems(String words) {
        return Stream.of(words.split(" ")).map(Words::stem).collect(Collectors.toUnmodifiableSet());
    }
}
