package dev.baton.handoff;

import dev.baton.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts customer text into sentences and short quotes without changing the words. The summary is read
 * by staff in a notification, so quotes are bounded and stripped of characters that would garble the
 * line around them.
 */
final class Excerpts {

    /**
     * Zero-width spaces, word joiners, byte-order marks, soft hyphens and bidi overrides: invisible,
     * and an unclosed right-to-left override would flip the rest of the summary line on screen.
     * Zero-width (non-)joiners stay: emoji sequences and Persian spelling need them.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E"
            + "\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");
    /**
     * Where a sentence ends: a line break, CJK full stops (no space follows them), or . ! ? … then a
     * space. Emoji right after the punctuation stay with the sentence they comment on ("refund? 🙏").
     */
    private static final Pattern SENTENCE_END = Pattern.compile("\\n+|[。！？]+|[.!?…]+(?:[ \\p{So}\\p{Sk}\\p{M}"
            + "\\u200D\\uFE0F]*[\\p{So}\\p{Sk}][\\p{M}\\uFE0F]*)?(?= )");
    private static final Pattern SPACES = Pattern.compile("[\\s&&[^\\n]]+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.,;:!\\-–—…]+$");

    private Excerpts() {
    }

    /** Readable sentences of a message, in order, without trailing full stops; blank ones dropped. */
    static List<String> sentences(String text) {
        String cleaned = SPACES.matcher(CONTROL.matcher(INVISIBLE.matcher(text.replace("\r\n", "\n"))
                .replaceAll("")).replaceAll(" ")).replaceAll(" ");
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(cleaned);
        int start = 0;
        while (end.find()) {
            add(sentences, cleaned.substring(start, end.end()));
            start = end.end();
        }
        add(sentences, cleaned.substring(start));
        return sentences;
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = withoutTrailingPunctuation(sentence.strip());
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }

    /** Whether a sentence says anything beyond greetings and filler ("hi!", "anyone there?", "🙏"). */
    static boolean hasContent(String sentence) {
        return !Words.contentStems(sentence).isEmpty();
    }

    /** Keeps a question mark (it tells staff it was a question) but not full stops, commas or dashes. */
    static String withoutTrailingPunctuation(String text) {
        return TRAILING.matcher(text).replaceAll("");
    }

    /** At most about {@code max} characters, cut at a word boundary where there is one, ending in "…". */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        int cut = space >= max / 2 ? space : safeCut(text, max);
        return withoutTrailingPunctuation(text.substring(0, cut)) + "…";
    }

    /** The part of {@code sentence} around {@code at}, at most about {@code max} characters. */
    static String around(String sentence, int at, int max) {
        if (sentence.length() <= max || at < max / 3) {
            return shorten(sentence, max);
        }
        // Start a little before the evidence so the quote still reads as the customer wrote it.
        int space = sentence.lastIndexOf(' ', Math.max(0, at - max / 4));
        int start = space < 0 ? safeCut(sentence, at) : space + 1;
        return "…" + shorten(sentence.substring(start), max);
    }

    /**
     * A cut where there is no space (CJK, one long token): never inside a surrogate pair, before a
     * combining mark or beside a zero-width joiner, so an emoji or accented letter is never split.
     */
    private static int safeCut(String text, int at) {
        int cut = at;
        while (cut > 0 && (Character.isLowSurrogate(text.charAt(cut)) || joinsPrevious(text.charAt(cut))
                || text.charAt(cut - 1) == '\u200D')) {
            cut--;
        }
        return cut;
    }

    private static boolean joinsPrevious(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || c == '\u200D' || (c >= '\uFE00' && c <= '\uFE0F');
    }
}
