package dev.baton.triage;

import dev.baton.text.TextEmbedder;
import dev.baton.text.TextMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Several separate questions or issues packed into the customer's current turn. One FAQ answer
 * would answer one of them and drop the rest, so a person should untangle it.
 */
final class QuestionBundleDetector implements CueDetector {

    /** Where one request ends and the next begins inside a run-on chat message. */
    private static final Pattern SEPARATOR = Pattern.compile(
            "[?!.;\\n]+|,?\\s+(?:and also|oh and|also|plus|and then|and separately|separately)\\s+|,\\s+(?=(?:do|does|did|is|are|can|could|when|what|whats|where|how|why|will)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKS = Pattern.compile(
            "^(?:(?:ok|so|and|also|oh|wait|actually|but|hey|btw)\\s+)*(?:do|does|did|is|are|was|can|could|would|will|when|whens|what|whats|where|wheres|how|why|who|which|should)\\b.*"
                    + "|.*\\b(?:never came|never arrived|doesn'?t work|not working|won'?t|got denied|got banned)\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** How the evidence of two requests at once begins; stored evidence keeps it, so a replay can tell too. */
    private static final String TWO_REQUESTS = "two requests at once: ";

    /**
     * Whether {@code cue} is this detector's weakest reading, two requests in one turn: as often a question and
     * its detail ("how long does it take and is there a charge") as two issues.
     */
    static boolean isTwoRequests(Cue cue) {
        return cue.kind() == CueKind.NONLINEAR && cue.evidence().startsWith(TWO_REQUESTS);
    }

    /** The evidence of two requests in one turn, on the message at {@code index}. */
    static Cue twoRequests(int index, List<String> requests) {
        return new Cue(CueKind.NONLINEAR, 0.3, index, TWO_REQUESTS + String.join(" / ", requests));
    }

    /** Two requests this similar are one request asked in two sentences. */
    static final double SAME_TOPIC = 0.45;

    private final TextEmbedder embedder;
    private final TextMemo<List<String>> memo = new TextMemo<>();

    QuestionBundleDetector(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        List<String> requests = new ArrayList<>();
        int last = conversation.focus();
        for (int index : Turns.currentTurn(conversation)) {
            requests.addAll(memo.get(conversation.get(index).text(), QuestionBundleDetector::requests));
        }
        if (requests.size() < 2) {
            return List.of();
        }
        requests = distinctTopics(requests);
        if (requests.size() >= 3) {
            return List.of(new Cue(CueKind.NONLINEAR, 0.75, last, requests.size() + " requests at once: "
                    + String.join(" / ", requests)));
        }
        if (requests.size() == 2) {
            return List.of(twoRequests(last, requests));
        }
        return List.of();
    }

    /** The clauses of one message that ask or report something, in order. */
    private static List<String> requests(String text) {
        List<String> requests = new ArrayList<>();
        for (String part : SEPARATOR.split(Lexicon.normalise(text))) {
            String clause = part.trim();
            if (clause.split("\\s+").length >= 3 && ASKS.matcher(clause).matches()) {
                requests.add(clause);
            }
        }
        return List.copyOf(requests);
    }

    /** One representative per topic: a request joins the first earlier one it is close to. */
    private List<String> distinctTopics(List<String> requests) {
        List<String> distinct = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (String request : requests) {
            float[] v = embedder.embed(request);
            boolean known = vectors.stream().anyMatch(u -> TextEmbedder.cosine(u, v) >= SAME_TOPIC);
            if (!known) {
                distinct.add(request);
                vectors.add(v);
            }
        }
        return distinct;
    }
}
