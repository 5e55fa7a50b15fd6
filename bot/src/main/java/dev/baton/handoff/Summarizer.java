package dev.baton.handoff;

import dev.baton.text.Words;
import dev.baton.triage.Author;
import dev.baton.triage.Cue;
import dev.baton.triage.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link Summary} by picking sentences out of the customer's messages, never by writing new
 * ones: a person about to help should read what the customer said, not Baton's paraphrase of it.
 * Only customer messages are sources; Baton's and staff replies are not what the customer wants.
 */
public final class Summarizer {

    static final int WANTS_MAX = 120;
    static final int TRIED_MAX = 100;
    static final int TRIED_COUNT = 2;

    /** Matched on {@link Words#normalise normalised} text: lower case, straight apostrophes. */
    private static final Pattern REQUEST = Pattern.compile("[?？؟][^\\p{L}\\p{N}]*$|\\b(?:i (?:really )?(?:want|need)"
            + "|i'd like|i would like|can you|could you|would you|can i|could i|how (?:do|can|should) i|how to|why"
            + "|please|pls|plz|is it possible|is there (?:a|any) way|help me)\\b");
    /** Said outright: they tried something. */
    private static final Pattern TRIED = Pattern.compile("\\b(?:tried|attempted)\\b|\\balready (?:\\w+ )?(?:\\w+ed"
            + "|did|done|sent|reset|went|gone|made|spoke|spoken|rebuilt)\\b");
    /**
     * Done-verbs count only with the customer as the doer ("I reset", "restarted the app, cleared the
     * cache") and outside questions: "the app updated" and "how do I reset it?" are not attempts.
     */
    private static final Pattern DID = Pattern.compile("(?:^|\\b(?:i|we|i've|we've|i have|we have|i had|and|then|also"
            + "|even|both)\\s+|,\\s*)(?:(?:also|already|even|then|just|both|have|had)\\s+)*(?:restarted|rebooted"
            + "|re-?installed|uninstalled|reset|followed|cleared|updated|checked|contacted|e-?mailed|messaged"
            + "|logged out|signed out|power cycled|turned it off)\\b");

    private static final Pattern GREETING = Pattern.compile("^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))"
            + "(?: there| all| team| everyone| folks| guys)?\\s*[,!.:-]?\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WANT_LEAD = Pattern.compile("^(?:please,?\\s+)?(?:i['’]d (?:really )?like|i would"
            + " (?:really )?like|i (?:really )?(?:want|need))(?: to)?\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOER = Pattern.compile("^(?:so |and |also )?(?:i|we)(?:['’]ve| have| had)?\\s+"
            + "(?:(?:already|also|even|just)\\s+)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIED_GERUND = Pattern.compile("^tried\\s+(?=\\p{L}+ing\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST_VERB = Pattern.compile("^\\p{L}+ed\\b", Pattern.CASE_INSENSITIVE);

    private Summarizer() {
    }

    /**
     * @param transcript the whole conversation, oldest first
     * @param cues       the decision's cues; a cue's {@code message} is an index into {@code transcript}
     */
    public static Summary summarize(List<Message> transcript, List<Cue> cues) {
        List<String> sentences = customerSentences(transcript);
        String request = firstRequest(sentences);
        String wants = request == null ? "" : Excerpts.shorten(wanted(request), WANTS_MAX);
        return new Summary(wants, tried(sentences, request), Feelings.describe(transcript, cues));
    }

    private static List<String> customerSentences(List<Message> transcript) {
        List<String> sentences = new ArrayList<>();
        for (Message message : transcript) {
            if (message.author() == Author.CUSTOMER) {
                Excerpts.sentences(message.text()).stream().filter(Excerpts::hasContent).forEach(sentences::add);
            }
        }
        return sentences;
    }

    /**
     * The first question or request; failing that, the first sentence that is not an attempt ("it
     * still crashes" says more about what they want than "I restarted it"), then the first at all.
     */
    private static String firstRequest(List<String> sentences) {
        return sentences.stream().filter(s -> isRequest(Words.normalise(s))).findFirst()
                .or(() -> sentences.stream().filter(s -> !isAttempt(Words.normalise(s))).findFirst())
                .orElse(sentences.isEmpty() ? null : sentences.get(0));
    }

    private static boolean isRequest(String normalised) {
        return REQUEST.matcher(normalised).find();
    }

    /** "Hi, I'd like to cancel my plan" → "cancel my plan": the same words, without the lead-in. */
    private static String wanted(String sentence) {
        String text = GREETING.matcher(sentence).replaceFirst("");
        return WANT_LEAD.matcher(text).replaceFirst("");
    }

    private static String tried(List<String> sentences, String request) {
        List<String> tried = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String sentence : sentences) {
            if (tried.size() == TRIED_COUNT) {
                break;
            }
            // The request is already the wants part; repeating it under tried would only add noise.
            if (sentence.equals(request) || !isAttempt(Words.normalise(sentence))) {
                continue;
            }
            String attempt = Excerpts.shorten(whatWasDone(GREETING.matcher(sentence).replaceFirst("")), TRIED_MAX);
            if (seen.add(String.join(" ", Words.contentStems(attempt)))) {
                tried.add(attempt);
            }
        }
        return String.join("; ", tried);
    }

    private static boolean isAttempt(String normalised) {
        return TRIED.matcher(normalised).find() || (DID.matcher(normalised).find() && !isRequest(normalised));
    }

    /** "I've already tried clearing the cache" → "clearing the cache"; "I restarted it" → "restarted it". */
    private static String whatWasDone(String sentence) {
        Matcher doer = DOER.matcher(sentence);
        if (!doer.find()) {
            return sentence;
        }
        String rest = sentence.substring(doer.end());
        Matcher gerund = TRIED_GERUND.matcher(rest);
        if (gerund.find()) {
            return rest.substring(gerund.end());
        }
        return PAST_VERB.matcher(rest).find() ? rest : sentence;
    }
}
