package dev.baton.triage;

import dev.baton.knowledge.AnswerMatcher;
import dev.baton.knowledge.Match;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, for the last customer message of a conversation, whether Baton may answer from the
 * knowledge base or must hand off to a person. Any cue that fires wins over an answer, however good
 * the match: an angry refund question goes to a person. (Two exceptions, both beside an entry that surely
 * answers: a tangle that only the learned head reads, see {@link #onlyLearnedTangle}, and a lone word of
 * annoyance the learned head does not back, see {@link #onlyALoneWordOfAnnoyance}.) Only when nothing
 * fires and the match is confident does Baton answer.
 */
public final class TriageEngine {

    /** A cue kind whose combined score reaches this hands the conversation off. */
    public static final double FIRE = 0.5;
    /**
     * The share of a kind's firing threshold at which it is noticed: named first in an out-of-scope handoff,
     * and enough to keep a message from counting as small talk.
     */
    static final double NOTICED = 0.5;

    /** How much of its threshold the learned annoyance reading may reach and still not back a lone word. */
    static final double LONE_WORD_BACKING = 0.6;

    private final List<CueDetector> detectors;
    private final AnswerMatcher matcher;
    private final double answerThreshold;
    private final SmallTalkDetector smallTalk;

    /** An engine that never calls a message small talk. */
    public TriageEngine(List<CueDetector> detectors, AnswerMatcher matcher, double answerThreshold) {
        this(detectors, matcher, answerThreshold, SmallTalkDetector.NEVER);
    }

    public TriageEngine(List<CueDetector> detectors, AnswerMatcher matcher, double answerThreshold,
                        SmallTalkDetector smallTalk) {
        this.detectors = List.copyOf(detectors);
        this.matcher = matcher;
        this.answerThreshold = answerThreshold;
        this.smallTalk = smallTalk;
    }

    /** The detectors Baton ships with, all offline; {@code learned} are the cue heads (docs/models.md). */
    public static List<CueDetector> standardDetectors(TextEmbedder embedder, Heads learned) {
        List<CueDetector> detectors = new ArrayList<>();
        for (CueKind kind : CueKind.values()) {
            if (kind != CueKind.OUT_OF_SCOPE) {
                detectors.add(LexiconDetector.forKind(kind));
            }
        }
        detectors.add(LexiconDetector.troubleshooting());
        detectors.add(new ShoutingDetector(CueKind.ANGER));
        detectors.add(new RepetitionDetector(embedder));
        detectors.add(new QuestionBundleDetector(embedder));
        detectors.add(new ReturnDetector(embedder));
        detectors.add(new LearnedCueDetector(embedder, learned));
        return detectors;
    }

    /** Every cue the detectors find, before any answer is considered. */
    public List<Cue> cues(Conversation conversation) {
        return cues(detectors, conversation);
    }

    /**
     * Every cue {@code detectors} find: the engine's reading of a conversation, also for training, which scores
     * held-out rows with {@link #standardDetectors} over each fold's heads.
     */
    public static List<Cue> cues(List<CueDetector> detectors, Conversation conversation) {
        List<Cue> cues = new ArrayList<>();
        for (CueDetector detector : detectors) {
            cues.addAll(detector.detect(conversation));
        }
        return cues;
    }

    /** The decision under Baton's built-in cue settings and answer threshold. */
    public Decision decide(Conversation conversation) {
        return decide(conversation, CueSettings.standard(), answerThreshold);
    }

    /**
     * The decision under a community's cue settings ({@code rules.yaml}, per channel) and answer threshold.
     * The nearest entry is always looked up, so the verdict can be recomputed later from stored evidence.
     */
    public Decision decide(Conversation conversation, CueSettings settings, double answerConfidence) {
        return assess(conversation, settings, answerConfidence).decision();
    }

    /**
     * A decision together with the evidence it was made from: the nearest entry it was weighed against, answer
     * or not (the desk logs it for replays and routes by its topic, and looking it up twice would embed the
     * message twice), every cue found, and how much the message reads as small talk.
     */
    public record Assessment(Decision decision, Match nearest, double smallTalk, List<Cue> cues, int focus) {
        public Assessment {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(nearest, "nearest");
            cues = List.copyOf(cues);
        }

        /** The verdict on the same evidence under other settings or another answer threshold (no detector runs). */
        public Decision verdictAt(CueSettings settings, double answerConfidence) {
            return verdict(cues, nearest, focus, settings, answerConfidence, smallTalk);
        }

        /**
         * Whether the nearest entry would be answered if the match were sure: false when a cue hands off whatever
         * the knowledge base holds. What no answer threshold can change, so the most any threshold can answer.
         */
        public boolean answerableIfSure(CueSettings settings) {
            Match sure = new Match(nearest.entry(), 1, nearest.matchedQuestion());
            return verdict(cues, sure, focus, settings, 1, smallTalk) instanceof Decision.Answer;
        }
    }

    /** As {@link #decide(Conversation, CueSettings, double)}, keeping the evidence. */
    public Assessment assess(Conversation conversation, CueSettings settings, double answerConfidence) {
        Match nearest = nearest(conversation);
        List<Cue> cues = new ArrayList<>(cues(conversation));
        cues.addAll(AnswerAlreadyGiven.check(conversation, nearest));
        double chat = smallTalk.score(conversation);
        int focus = conversation.focus();
        return new Assessment(verdict(cues, nearest, focus, settings, answerConfidence, chat), nearest, chat, cues,
                focus);
    }

    /**
     * The verdict from evidence alone: the detectors' cues and the nearest entry. Pure, so a replay can
     * apply draft settings to stored evidence without running the detectors again. Any enabled cue whose
     * combined score reaches its threshold hands off (but see {@link #onlyLearnedTangle} and
     * {@link #onlyALoneWordOfAnnoyance}); otherwise Baton
     * answers when the match is sure enough, and hands off as out of scope when it is not.
     *
     * @param focus the index of the message the decision is about (for the out-of-scope cue)
     */
    public static Decision verdict(List<Cue> cues, Match nearest, int focus, CueSettings settings,
                                   double answerConfidence) {
        return verdict(cues, nearest, focus, settings, answerConfidence, 0);
    }

    /**
     * As above, with how much the message reads as small talk only ({@code smallTalk}, 0.5 being the
     * firing line): when nothing fires and no entry is sure enough, small talk is answered with a short
     * reply rather than a person called in for "hi, I'm new here".
     */
    public static Decision verdict(List<Cue> cues, Match nearest, int focus, CueSettings settings,
                                   double answerConfidence, double smallTalk) {
        Map<CueKind, Double> combined = combine(cues);
        List<CueKind> fired = fired(combined, settings);
        if (nearest != null && nearest.confidence() >= answerConfidence
                && (onlyLearnedTangle(cues, fired, settings) || onlyALoneWordOfAnnoyance(cues, fired, settings))) {
            fired = List.of();
        }
        if (!fired.isEmpty()) {
            List<CueKind> reasons = new ArrayList<>();
            // Out of scope alone names the feeling noticed first, as when no entry is sure: see noticed().
            if (fired.equals(List.of(CueKind.OUT_OF_SCOPE))) {
                reasons.addAll(noticed(combined, settings));
            }
            reasons.addAll(fired);
            // No entry could have answered either: say so too, so the person knows the KB will not help.
            if (nearest != null && nearest.confidence() < answerConfidence && !reasons.contains(CueKind.OUT_OF_SCOPE)) {
                reasons.add(CueKind.OUT_OF_SCOPE);
            }
            return new Decision.Handoff(reasons, combined.get(fired.get(0)), strongestFirst(cues));
        }
        if (nearest.confidence() >= answerConfidence) {
            return new Decision.Answer(nearest.entry().id(), nearest.confidence(), nearest.matchedQuestion(),
                    strongestFirst(cues));
        }
        // Small talk only when nothing else shows: "agent" reads as chit-chat to the small-talk head, but a
        // request for a person half way to its threshold is not small talk. Nor is a message with an entry
        // half way to sure: "thx! is there somewhere i can read the rules" asks something, and a canned
        // "I can help with…" would not answer it.
        if (smallTalk >= FIRE && noticed(combined, settings).isEmpty()
                && nearest.confidence() < answerConfidence * NOTICED) {
            return new Decision.SmallTalk(smallTalk, strongestFirst(cues));
        }
        List<Cue> withScope = new ArrayList<>(cues);
        withScope.add(new Cue(CueKind.OUT_OF_SCOPE, 1 - nearest.confidence(), focus,
                "no entry covers it; closest is " + nearest.entry().id() + " (\"" + nearest.matchedQuestion()
                        + "\", confidence " + String.format(Locale.ROOT, "%.2f", nearest.confidence()) + ")"));
        List<CueKind> reasons = new ArrayList<>(noticed(combined, settings));
        reasons.add(CueKind.OUT_OF_SCOPE);
        return new Decision.Handoff(reasons, 1 - nearest.confidence(), strongestFirst(withScope));
    }

    /**
     * Whether a tangle is all that fires, and its only evidence is the learned head's reading of single
     * messages. An entry sure enough to answer says the message is about one thing, whatever topic-switch
     * words the head read in it ("hey, what's the refund policy? bought the yearly yesterday and won't use
     * it"); so then the tangle must show in the conversation's shape (several requests at once, a return to an
     * earlier issue) or in the customer's own words ("unrelated", "btw") to hand off. The words back the head when
     * they are noticed ({@link #NOTICED} of the threshold: "ok so 3 things: …", "… oh and my role vanished"), even
     * though too faint to fire alone; two requests at once alone do not, for beside a sure entry they are more often
     * one question and its detail ("can i move my number to an esim? how long does it take"). Only the nonlinear kind
     * gives way, and only when it alone would hand off: a feeling is no less there for the question being
     * covered, and when a person is called in anyway the tangle the head read is still worth naming.
     */
    static boolean onlyLearnedTangle(List<Cue> cues, List<CueKind> fired, CueSettings settings) {
        if (!fired.equals(List.of(CueKind.NONLINEAR))) {
            return false;
        }
        List<Cue> shapeAndWords = cues.stream()
                .filter(c -> c.kind() == CueKind.NONLINEAR && !LearnedCueDetector.isLearned(c))
                .toList();
        List<Cue> beyondTwoRequests = shapeAndWords.stream()
                .filter(c -> !QuestionBundleDetector.isTwoRequests(c))
                .toList();
        CueSetting nonlinear = settings.of(CueKind.NONLINEAR);
        return !nonlinear.fires(combine(shapeAndWords).getOrDefault(CueKind.NONLINEAR, 0.0))
                && combine(beyondTwoRequests).getOrDefault(CueKind.NONLINEAR, 0.0) < NOTICED * nonlinear.firesAt();
    }

    /**
     * Whether annoyance is all that fires, and all it rests on is one word or emoji ("🙄", "🤦", "rude",
     * "trash") that the learned reading of the customer's words does not back up. One such word says nothing
     * of what it is aimed at: "typo in ep 12's title 🤦 my spelling is a crime. how do i fix it?" and "my
     * flatmate named the wifi something rude 💀 how do i change it?" are the mild negativity beside a covered
     * question that is answered (the shared labelling rule 2). A second word, a repeat, shouting, or a learned
     * reading of more than {@link #LONE_WORD_BACKING} of the head's threshold keeps the handoff: "great job
     * guys 👏👏" after a third misdelivery is read as annoyance by the head too.
     */
    static boolean onlyALoneWordOfAnnoyance(List<Cue> cues, List<CueKind> fired, CueSettings settings) {
        if (!fired.equals(List.of(CueKind.FRUSTRATION))) {
            return false;
        }
        List<Cue> annoyance = cues.stream().filter(c -> c.kind() == CueKind.FRUSTRATION).toList();
        List<Cue> words = annoyance.stream().filter(c -> !LearnedCueDetector.isLearned(c)).toList();
        boolean learnedBacksIt = annoyance.stream().anyMatch(c -> LearnedCueDetector.isLearned(c)
                && c.score() >= LONE_WORD_BACKING * settings.of(CueKind.FRUSTRATION).firesAt());
        return words.size() == 1 && LexiconDetector.isOneWord(words.get(0)) && !learnedBacksIt;
    }

    /**
     * When a person is needed only because the knowledge base will not do (no entry covers the question, or out of
     * scope fires on its own: an answer already given, a problem to investigate), the strongest feeling Baton
     * noticed but that did not fire on its own is named first (one: several faint ones are noise, not a
     * picture of the customer): a grieving customer whose question no entry covers should reach the person
     * and the words meant for grief, not the ones for a plain unanswered question. A kind counts as noticed at
     * {@link #NOTICED} of its own firing threshold; disabled kinds never, and crisis only when it fires (its
     * words and resources are for a customer in danger, at the sensitivity the community chose).
     */
    static List<CueKind> noticed(Map<CueKind, Double> combined, CueSettings settings) {
        return combined.entrySet().stream()
                .filter(e -> e.getKey() != CueKind.OUT_OF_SCOPE && e.getKey() != CueKind.CRISIS)
                .filter(e -> settings.of(e.getKey()).enabled()
                        && e.getValue() >= NOTICED * settings.of(e.getKey()).firesAt())
                .sorted(byImportance())
                .limit(1)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The kinds whose combined score reaches their own threshold, most important first (crisis always leads). */
    public static List<CueKind> fired(Map<CueKind, Double> combined, CueSettings settings) {
        return combined.entrySet().stream()
                .filter(e -> settings.of(e.getKey()).fires(e.getValue()))
                .sorted(byImportance())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The entry closest to the customer's last message (read together with the message it follows, see
     * {@link #readWith}), however unsure. A handoff uses its topic to pick the person who knows the subject;
     * it is never shown to the customer.
     */
    public Match nearest(Conversation conversation) {
        return matcher.match(conversation.focusMessage().text(), readWith(conversation));
    }

    /**
     * The customer's message the last one is also read with, if any. Two messages in a row are a question and its
     * context or its tail ("can i pay with paypal" · "or amex?"); a longer run is more often several issues piled
     * up, and read as one it looks surer than any of them, so it gets none. A lone message after Baton spoke is
     * read with the customer's message before it: a follow-up takes its subject from the question it follows
     * ("can i upload photos from my camera" · … · "ok and how large can one be?"). Either way the joined reading
     * may only make Baton surer of the entry the last message picks on its own ({@link AnswerMatcher#match}).
     */
    static List<String> readWith(Conversation conversation) {
        List<Integer> turn = Turns.currentTurn(conversation);
        if (turn.size() == 2) {
            return List.of(conversation.get(turn.get(0)).text());
        }
        List<Integer> earlier = Turns.earlierCustomerMessages(conversation);
        if (turn.size() == 1 && !earlier.isEmpty()) {
            return List.of(conversation.get(earlier.get(earlier.size() - 1)).text());
        }
        return List.of();
    }

    /** Per kind, the evidence from every message and detector combined as a noisy-or. */
    public static Map<CueKind, Double> combine(List<Cue> cues) {
        Map<CueKind, Double> miss = new EnumMap<>(CueKind.class);
        for (Cue cue : cues) {
            miss.merge(cue.kind(), 1 - cue.score(), (a, b) -> a * b);
        }
        Map<CueKind, Double> combined = new EnumMap<>(CueKind.class);
        // Rounded so that 1 - (1 - s) is s again: a lone cue scoring exactly a threshold (fires_at: 0.42)
        // must fire, not miss by a rounding error. Nine decimals is far below any score's meaning.
        miss.forEach((kind, m) -> combined.put(kind, Math.round((1 - m) * 1e9) / 1e9));
        return combined;
    }

    /**
     * Crisis always first and out of scope always last (a feeling, not the knowledge base, says who should
     * come and how to greet the customer); otherwise the stronger signal leads, ties broken by the
     * vocabulary's order.
     */
    private static Comparator<Map.Entry<CueKind, Double>> byImportance() {
        return Comparator.<Map.Entry<CueKind, Double>, Boolean>comparing(e -> e.getKey() != CueKind.CRISIS)
                .thenComparing(e -> e.getKey() == CueKind.OUT_OF_SCOPE)
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey);
    }

    private static List<Cue> strongestFirst(List<Cue> cues) {
        return cues.stream().sorted(Comparator.comparing(Cue::score).reversed()).toList();
    }
}
