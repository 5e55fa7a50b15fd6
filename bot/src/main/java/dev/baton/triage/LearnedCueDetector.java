package dev.baton.triage;

import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.text.TextMemo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Feelings, deadlines and requests for a person, read by logistic heads trained on public data sets
 * and Baton's written examples (docs/models.md) from the sentence embedding of each customer message.
 * A long message is also read sentence by sentence, since one sentence of a story can carry the whole
 * feeling; earlier messages count at {@link Turns#EARLIER_DISCOUNT}.
 */
final class LearnedCueDetector implements CueDetector {

    private static final int MAX_SENTENCES = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\n])\\s+");
    /** Below this a head's score is noise, not evidence worth listing. */
    private static final double LISTED = 0.05;

    private final TextEmbedder embedder;
    private final Heads heads;
    private final Map<CueKind, Integer> kinds = new EnumMap<>(CueKind.class);
    private final TextMemo<List<Segment>> memo = new TextMemo<>();

    /**
     * What the heads read in one segment of a message, per head: its score and probability. Kept per message
     * text, so a message is embedded and scored once however many decisions of its conversation follow.
     */
    private record Segment(String quote, double[] scores, double[] probabilities) {
    }

    LearnedCueDetector(TextEmbedder embedder, Heads heads) {
        this.embedder = embedder;
        this.heads = heads;
        for (int h = 0; h < heads.size(); h++) {
            String name = heads.names().get(h);
            for (CueKind kind : CueKind.values()) {
                if (kind.wireName().equals(name)) {
                    kinds.put(kind, h);
                }
            }
        }
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        List<Cue> cues = new ArrayList<>();
        for (Turns.Weighted message : Turns.customerMessages(conversation)) {
            boolean afterAnswer = message.index() > 0 && conversation.get(message.index() - 1).author() == Author.BOT;
            cues.addAll(score(conversation.get(message.index()).text(), message.index(), message.weight(), afterAnswer));
        }
        return cues;
    }

    /**
     * A new question right after Baton answered ("thanks. also, can I…") is an ordinary follow-up, not a
     * tangle, however much it changes the subject: there the nonlinear head's topic-switch words count at
     * this share. Going back to an unresolved issue still shows in the customer's words (the lexicon).
     */
    static final double SWITCH_AFTER_ANSWER = 0.5;

    /** How this detector's evidence names itself; stored evidence keeps it, so a replay can tell too. */
    private static final String MARK = "(learned ";

    /** A head's reading of one segment as evidence: the quoted segment, the head and its probability. */
    static Cue cue(CueKind kind, double score, int message, String quote, double probability) {
        return new Cue(kind, score, message, String.format(Locale.ROOT, "\"%s\" " + MARK + "%s, p=%.2f)",
                quote, kind.wireName(), probability));
    }

    /** Whether {@code cue} is a learned head's reading of a message (rather than its words or its shape). */
    static boolean isLearned(Cue cue) {
        return cue.evidence().contains(MARK);
    }

    private List<Cue> score(String text, int index, double weight, boolean afterAnswer) {
        Map<CueKind, Cue> best = new EnumMap<>(CueKind.class);
        for (Segment segment : memo.get(text, this::read)) {
            kinds.forEach((kind, head) -> {
                double share = kind == CueKind.NONLINEAR && afterAnswer ? SWITCH_AFTER_ANSWER : 1;
                double score = share * weight * segment.scores()[head];
                if (score >= LISTED && (!best.containsKey(kind) || best.get(kind).score() < score)) {
                    best.put(kind, cue(kind, score, index, segment.quote(), segment.probabilities()[head]));
                }
            });
        }
        return List.copyOf(best.values());
    }

    private List<Segment> read(String text) {
        List<Segment> read = new ArrayList<>();
        for (String segment : segments(text)) {
            float[] v = embedder.embed(segment);
            double[] probabilities = heads.probabilities(v);
            double[] scores = new double[heads.size()];
            for (int head : kinds.values()) {
                scores[head] = heads.scoreOf(head, probabilities[head]);
            }
            read.add(new Segment(quote(segment), scores, probabilities));
        }
        return List.copyOf(read);
    }

    /** How many message texts this detector has read rather than remembered (for tests). */
    long reads() {
        return memo.computed();
    }

    static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        segments.add(text);
        String[] sentences = SENTENCE_END.split(text.strip());
        if (sentences.length > 1) {
            for (int i = 0; i < sentences.length && i < MAX_SENTENCES; i++) {
                if (sentences[i].strip().split("\\s+").length >= 3) {
                    segments.add(sentences[i].strip());
                }
            }
        }
        return segments;
    }

    private static String quote(String segment) {
        String flat = segment.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
