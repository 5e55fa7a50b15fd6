package dev.baton.knowledge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer rules out of their own question: "can i put the plan on hold instead of cancelling it?",
 * "not budget alerts — i mean the bill reminder", "not my whole account, just that one card". The words
 * ruled out name the entry the customer does not want, and they pull a sentence model toward it all the
 * same. Pure.
 */
public final class RuledOut {

    /** "instead of X", "rather than X": X runs to the next punctuation. */
    private static final Pattern INSTEAD = Pattern.compile(
            "(?i)\\b(?:instead of|rather than)\\s+([^,.;:!?()\\u2013\\u2014]+?)(?=\\s*(?:[,.;:!?()\\u2013\\u2014]|$))");
    /** "not X, just Y", "not X — i mean Y": a clause that opens with "not" and is then corrected. */
    private static final Pattern CORRECTED = Pattern.compile(
            "(?i)(?:^|(?<=[,.;:!?\\u2013\\u2014-]\\s?))\\s*not\\s+(?!just\\b|only\\b)([^,.;:!?\\u2013\\u2014]+?)"
                    + "\\s*[,.;:\\u2013\\u2014-]*\\s*(?=(?:just|only|but|i mean|i meant)\\b)");

    private RuledOut() {
    }

    /**
     * A message split into what it asks and what it rules out.
     *
     * @param kept      the message without the ruling-out words
     * @param ruledOut  what the customer says they do not mean
     */
    public record Split(String kept, String ruledOut) {
    }

    /** The first thing the message rules out, if it rules anything out. */
    public static Optional<Split> in(String message) {
        for (Pattern pattern : new Pattern[] {CORRECTED, INSTEAD}) {
            Matcher m = pattern.matcher(message);
            if (m.find()) {
                String kept = (message.substring(0, m.start()) + " " + message.substring(m.end())).strip()
                        .replaceAll("\\s{2,}", " ");
                return Optional.of(new Split(kept, m.group(1).strip()));
            }
        }
        return Optional.empty();
    }
}
