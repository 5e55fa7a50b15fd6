package dev.baton.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops markup from what a model wrote, before Baton checks it and stores or sends it (the one place:
 * {@link LanguageModelAssistant}). A summary line is shown in the console and a phrasing is sent to the
 * customer; neither is ever meant to hold an HTML or XML tag, so anything that looks like one goes.
 *
 * <p>Dropped: {@code script} and {@code style} elements with their content; any other opening, closing or
 * empty tag ({@code <b>}, {@code </a>}, {@code <img src=x onerror=...>}, {@code <x:y/>}), its text kept;
 * comments, {@code <!DOCTYPE>} and other declarations, {@code <?...?>} instructions, CDATA markers (their
 * text kept); a tag left open at the end of the text; and the same tags written with {@code &lt;} and
 * {@code &gt;}. Kept, because they only resemble tags: a Discord mention, channel or emoji
 * ({@code <@123>}, {@code <#45>}, {@code <:wave:678>}), a link in angle brackets ({@code <https://...>}), and
 * a {@code <} or {@code >} that starts no tag name ({@code Settings > Billing}, {@code 3 < 5}).
 */
final class Markup {

    /** A tag's name: letters first, at most one namespace colon (so {@code <a:dance:9>} is an emoji, not a tag). */
    private static final String NAME = "[A-Za-z][A-Za-z0-9._-]*(?::[A-Za-z][A-Za-z0-9._-]*)?";
    /** What may follow the name inside a tag: nothing, or a space or slash and then anything but angle brackets. */
    private static final String REST = "(?:[\\s/][^<>]*)?";
    private static final Pattern MARKUP = Pattern.compile(
            "(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>"   // a script or style element, its content too
                    + "|<!--.*?(?:-->|$)"                   // a comment, even one left open
                    + "|<!\\[CDATA\\[|]]>"                  // CDATA markers; the text between is kept
                    + "|<[!?][A-Za-z?][^<>]*>"              // <!DOCTYPE ...>, <?xml ...?>
                    + "|</?" + NAME + REST + ">"            // an opening, closing or empty tag
                    + "|</?" + NAME + "[\\s/][^<>]*$"       // a tag left open at the end
                    + "|&lt;/?" + NAME + "(?:[\\s/].*?)?&gt;");
    private static final Pattern SPACES = Pattern.compile("(?<=\\S)[ \\t]{2,}");
    private static final Pattern TRAILING = Pattern.compile("[ \\t]+(?=\\n|$)");
    private static final Pattern BEFORE_PUNCTUATION = Pattern.compile("(?<=\\S)[ \\t]+(?=[.,;:!?](?:\\s|$))");

    private Markup() {
    }

    /** {@code text} without markup; unchanged when it has none. */
    static String drop(String text) {
        Matcher matcher = MARKUP.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        do {
            // A tag between two words separated them: keep a space so that "one<br>two" stays two words.
            matcher.appendReplacement(kept, " ");
        } while (matcher.find());
        matcher.appendTail(kept);
        String result = SPACES.matcher(kept).replaceAll(" ");
        result = TRAILING.matcher(result).replaceAll("");
        result = BEFORE_PUNCTUATION.matcher(result).replaceAll("");
        return result.strip();
    }
}
