package dev.baton.llm;

import dev.baton.text.Words;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkable facts of a text: what a language model could get wrong in a way that matters. Numbers,
 * links, e-mail addresses, Discord mentions, names and codes are compared with what Baton already knows;
 * ordinary words are left to the callers, which judge them more loosely.
 *
 * <p>Each kind is read from the text with the kinds before it blanked out, so the digits of a link or a
 * mention are not counted again as numbers, nor a link's host as a name.
 */
final class Facts {

    enum Kind {
        MENTION("mention"), EMAIL("e-mail address"), URL("URL"), NUMBER("number"), CODE("code"), NAME("name");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One fact as it was written, and the key it is compared by.
     *
     * @param written the words of the text, e.g. {@code 12.50} (a currency sign is not part of it)
     * @param key     what two facts must share to be the same, e.g. {@code 12.5}; for a name, its words
     */
    record Fact(Kind kind, String written, String key) {

        /** How a problem names it: {@code the number "50"}. */
        String describe() {
            return "the " + kind.label() + " \"" + written + "\"";
        }
    }

    private static final Pattern MENTION = Pattern.compile("<@[!&]?\\d+>|<#\\d+>|(?<![\\w@.])@(?:everyone|here)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.\\p{L}{2,}",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** A Markdown link's target counts as a link even when it is relative: the reader still follows it. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]+)>?\\s*\\)");
    private static final Pattern URL = Pattern.compile("(?i)(?:\\bhttps?://|\\bwww\\.)[^\\s<>()\\[\\]{}\"'`|]+"
            // A bare domain is a link too ("see stripe.com"), but only with a common top-level domain, so
            // that a file name such as "config.yaml" is not taken for one.
            + "|(?<![\\w.@/-])(?:[a-z0-9-]+\\.)+(?:com|org|net|io|dev|gg|app|co|ai|me|tv|info|biz|xyz|eu|us|uk|de"
            + "|fr|ca|au)\\b(?:/[^\\s<>()\\[\\]{}\"'`|]*)?");
    private static final String LINK_TAIL = ".,;:!?'\"*_~";
    /** "1. Open Settings": a list's own numbering is layout, not a fact about the product. */
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^[ \\t>*-]*\\d{1,2}[.)][ \\t]+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.:])"
            + "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+:\\d{2}|\\d+(?:\\.\\d+)*)"
            + "(?:\\s?(am|pm|a\\.m\\.|p\\.m\\.)(?!\\p{L})|(?:st|nd|rd|th)(?!\\p{L})|\\s?(%|percent\\b|per cent\\b))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Letters only, so that "5GB" gives the name "GB" and "Baton's" the word "Baton". */
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)*");
    /** What may stand between a sentence's end and its first word: space, an opening quote, bullet or emphasis. */
    private static final String BEFORE_WORD = "(\"'*_[`#>-\u2022\u201C\u2018";
    private static final Pattern NAME_GAP = Pattern.compile("[ \\t]+|[ \\t]*-[ \\t]*");
    /** Words that are capitalised by convention, not because they name anything. */
    private static final Set<String> NEVER_NAMES = Set.of("i", "i'm", "i've", "i'll", "i'd", "ok");

    private Facts() {
    }

    /** Numbers by value: "$12.50" and "12.50" are {@code 12.5}, "1,000" is {@code 1000}, "9 am" is {@code 9am}. */
    static Set<String> numbers(String text) {
        return keys(text, Kind.NUMBER);
    }

    /** Links without their scheme or trailing punctuation, the host in lower case: {@code baton.dev/Help}. */
    static Set<String> urls(String text) {
        return keys(text, Kind.URL);
    }

    static Set<String> emails(String text) {
        return keys(text, Kind.EMAIL);
    }

    /** User, role and channel mentions, {@code @everyone} and {@code @here}, as written. */
    static Set<String> mentions(String text) {
        return keys(text, Kind.MENTION);
    }

    /** Capitalised words and runs ("Pro Plan", "PayPal", "iOS") and all-capitals words ("SKU"), as written. */
    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        all(text).stream().filter(f -> f.kind() == Kind.NAME).forEach(f -> names.add(f.written()));
        return names;
    }

    /** Words mixing letters and digits ("A1234", "x86"), in lower case: order numbers, promo codes, versions. */
    static Set<String> codes(String text) {
        return keys(text, Kind.CODE);
    }

    /** Every fact of {@code text}, in order of kind and then of place, repeats left out. */
    static List<Fact> all(String text) {
        List<Fact> facts = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        take(rest, MENTION, Kind.MENTION, facts);
        take(rest, EMAIL, Kind.EMAIL, facts);
        takeLinks(rest, facts);
        blank(rest, LIST_MARKER);
        takeNumbers(rest, facts);
        takeCodes(rest, facts);
        takeNames(rest.toString(), facts);
        return List.copyOf(new LinkedHashSet<>(facts));
    }

    /** The facts of {@code text} that {@code source} does not state. */
    static List<Fact> notIn(String text, String source) {
        List<Fact> theirs = all(source);
        Set<String> sourceWords = nameWords(source);
        Set<String> sourceTokens = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(source.toLowerCase(Locale.ROOT));
        while (m.find()) {
            sourceTokens.add(m.group());
        }
        List<Fact> missing = new ArrayList<>();
        for (Fact fact : all(text)) {
            boolean found = switch (fact.kind()) {
                case NAME -> sourceWords.containsAll(List.of(fact.key().split(" ")));
                case CODE -> sourceTokens.contains(fact.key());
                case NUMBER -> theirs.stream().anyMatch(f -> f.kind() == Kind.NUMBER && sameNumber(fact, f));
                default -> theirs.stream().anyMatch(f -> f.kind() == fact.kind() && f.key().equals(fact.key()));
            };
            if (!found) {
                missing.add(fact);
            }
        }
        return missing;
    }

    /** How a name's words are compared: lower case, possessive dropped, crudely stemmed ("Plans" is "plan"). */
    static String nameWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return Words.stem(lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower);
    }

    /** Every word of {@code text} as {@link #nameWord} compares it, whatever its case. */
    static Set<String> nameWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(nameWord(m.group()));
        }
        return words;
    }

    private static Set<String> keys(String text, Kind kind) {
        Set<String> keys = new LinkedHashSet<>();
        all(text).stream().filter(f -> f.kind() == kind).forEach(f -> keys.add(f.key()));
        return keys;
    }

    private static void take(StringBuilder text, Pattern pattern, Kind kind, List<Fact> facts) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            facts.add(new Fact(kind, m.group(), m.group().toLowerCase(Locale.ROOT)));
        }
        blank(text, pattern);
    }

    private static void takeLinks(StringBuilder text, List<Fact> facts) {
        Matcher markdown = MARKDOWN_LINK.matcher(text);
        while (markdown.find()) {
            facts.add(link(markdown.group(1)));
            // Only the target: the link's text is ordinary words and names, checked as such.
            blank(text, markdown.start(1), markdown.end(1));
        }
        Matcher m = URL.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            while (!url.isEmpty() && LINK_TAIL.indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            facts.add(link(url));
            spans.add(new int[] {m.start(), end});
        }
        spans.forEach(span -> blank(text, span[0], span[1]));
    }

    /** Scheme and a bare trailing slash dropped, host in lower case; the path keeps its case, as servers do. */
    private static Fact link(String written) {
        String rest = written.replaceFirst("(?i)^https?://", "");
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (path.equals("/")) {
            path = "";
        }
        return new Fact(Kind.URL, written, host + path);
    }

    private static void takeNumbers(StringBuilder text, List<Fact> facts) {
        Matcher m = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            String unit = m.group(2) != null ? m.group(2).replace(".", "").toLowerCase(Locale.ROOT)
                    : m.group(3) != null ? "%" : "";
            String written = m.group().strip();
            facts.add(new Fact(Kind.NUMBER, written, value(m.group(1)) + unit));
            spans.add(new int[] {m.start(), m.end()});
        }
        spans.forEach(span -> blank(text, span[0], span[1]));
    }

    /** {@code 1,000} is 1000, {@code 12.50} is 12.5, {@code 09:00} is 9; a version such as 2.3.1 stays as it is. */
    private static String value(String digits) {
        String plain = digits.replace(",", "");
        if (plain.contains(":")) {
            String[] parts = plain.split(":");
            String hours = String.valueOf(Integer.parseInt(parts[0]));
            return parts[1].equals("00") ? hours : hours + ":" + parts[1];
        }
        if (plain.chars().filter(c -> c == '.').count() > 1) {
            return plain;
        }
        return new BigDecimal(plain).stripTrailingZeros().toPlainString();
    }

    /**
     * The same value with the same unit; a number written with no unit also matches the value with one
     * ("open from 9" is supported by "9am"), but "9pm" is not supported by "9am".
     */
    private static boolean sameNumber(Fact ours, Fact theirs) {
        if (ours.key().equals(theirs.key())) {
            return true;
        }
        String value = ours.key();
        return Character.isDigit(value.charAt(value.length() - 1)) && unitless(theirs.key()).equals(value);
    }

    private static String unitless(String key) {
        return key.replaceFirst("(?:am|pm|%)$", "");
    }

    private static void takeCodes(StringBuilder text, List<Fact> facts) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            // Digits then letters ("5GB", "24h") were read as a number above; what is left mixes them otherwise.
            if (token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter)) {
                facts.add(new Fact(Kind.CODE, token, token.toLowerCase(Locale.ROOT)));
                blank(text, m.start(), m.end());
            }
        }
    }

    /**
     * A word with a capital letter is a name unless it opens a sentence, where every word is capitalised;
     * there only words capitalised beyond their first letter ("PayPal", "SKU") count. Names next to each
     * other form one run ("Pro Plan"), compared word by word.
     */
    private static void takeNames(String text, List<Fact> facts) {
        Matcher m = WORD.matcher(text);
        int runStart = -1;
        int runEnd = -1;
        List<String> runWords = new ArrayList<>();
        while (m.find()) {
            String word = m.group();
            boolean name = isName(word, opensSentence(text, m.start()));
            boolean joins = name && runStart >= 0 && NAME_GAP.matcher(text.substring(runEnd, m.start())).matches();
            if (!joins && runStart >= 0) {
                facts.add(name(text.substring(runStart, runEnd), runWords));
                runStart = -1;
                runWords = new ArrayList<>();
            }
            if (name) {
                if (runStart < 0) {
                    runStart = m.start();
                }
                runEnd = m.end();
                runWords.add(nameWord(word));
            }
        }
        if (runStart >= 0) {
            facts.add(name(text.substring(runStart, runEnd), runWords));
        }
    }

    private static boolean opensSentence(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c) && BEFORE_WORD.indexOf(c) < 0) {
                return ".!?:;".indexOf(c) >= 0;
            }
        }
        return true;
    }

    private static boolean isName(String word, boolean opensSentence) {
        if (NEVER_NAMES.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''))) {
            return false;
        }
        boolean innerCapital = word.substring(1).chars().anyMatch(Character::isUpperCase);
        return opensSentence ? innerCapital : word.chars().anyMatch(Character::isUpperCase);
    }

    private static Fact name(String written, List<String> words) {
        return new Fact(Kind.NAME, written, String.join(" ", words));
    }

    private static void blank(StringBuilder text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        spans.forEach(span -> blank(text, span[0], span[1]));
    }

    /** Spaces keep every other fact where it was, so sentence openings are still seen as such. */
    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
