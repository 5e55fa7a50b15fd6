package dev.baton.handoff;

import dev.baton.yaml.NearMiss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice template with {@code {placeholder}}s. Checked when loaded rather than when a customer
 * is waiting: a typo such as {@code {persn}} would otherwise reach the customer as raw braces.
 */
final class Template {

    static final List<String> PLACEHOLDERS = List.of("person", "from_team", "team", "mention", "wait", "when");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)\\}");
    private static final Pattern BRACE = Pattern.compile("[{}]");

    /**
     * One thing wrong with a template.
     *
     * @param near       the text the mistake is in, to point at its exact column; null for the whole template
     * @param occurrence which occurrence of {@code near} in the template it is, counting from 0
     */
    record Flaw(String message, String near, int occurrence) {

        static Flaw whole(String message) {
            return new Flaw(message, null, 0);
        }

        static Flaw at(String message, String text, String near, int index) {
            int occurrence = 0;
            for (int i = text.indexOf(near); i >= 0 && i < index; i = text.indexOf(near, i + 1)) {
                occurrence++;
            }
            return new Flaw(message, near, occurrence);
        }
    }

    private Template() {
    }

    /** A notice naming who is coming: {@code handoff:} and {@code rerouted:} texts. */
    static List<Flaw> check(String text, ShiftStatus shift) {
        List<Flaw> flaws = new ArrayList<>();
        if (!text.contains("{person}")) {
            flaws.add(Flaw.whole("the customer must be told who is coming: add `{person}`"));
        }
        if (shift == ShiftStatus.OFF_SHIFT && !text.contains("{when}")) {
            flaws.add(Flaw.whole("the person is away, so the customer must be told when they are back: add `{when}`"));
        }
        placeholders(text, shift, flaws);
        return flaws;
    }

    /**
     * A text that is not about one person's shift ({@code escalated:}): every placeholder but
     * {@code {when}} may appear, none has to.
     */
    static List<Flaw> checkUnshifted(String text) {
        List<Flaw> flaws = new ArrayList<>();
        placeholders(text, null, flaws);
        return flaws;
    }

    /**
     * An after-care text ({@code aftercare:}): {@code {person}}, who resolved the handoff, is its only
     * placeholder.
     *
     * @param naming whether the text must name the person (the question and the closing line)
     */
    static List<Flaw> checkAfterCare(String text, boolean naming) {
        List<Flaw> flaws = new ArrayList<>();
        if (naming && !text.contains("{person}")) {
            flaws.add(Flaw.whole("the customer must be told who marked it as sorted: add `{person}`"));
        }
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            stray(text, from, m.start(), flaws);
            from = m.end();
            if (!m.group(1).equals("person")) {
                String hint = NearMiss.suggest(m.group(1), List.of("person")).map(s -> " (did you mean `{" + s
                        + "}`?)").orElse("");
                flaws.add(Flaw.at("unknown placeholder `" + m.group() + "`" + hint + "; the only placeholder here is"
                        + " {person}, who resolved the handoff", text, m.group(), m.start()));
            }
        }
        stray(text, from, text.length(), flaws);
        return flaws;
    }

    /** @param shift null when the text has no shift, so {@code {when}} has no value */
    private static void placeholders(String text, ShiftStatus shift, List<Flaw> flaws) {
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            stray(text, from, m.start(), flaws);
            from = m.end();
            if (!PLACEHOLDERS.contains(m.group(1))) {
                flaws.add(Flaw.at(unknown(m.group()), text, m.group(), m.start()));
            } else if (shift == ShiftStatus.ON_SHIFT && m.group(1).equals("when")) {
                flaws.add(Flaw.at("`{when}` only has a value when the person is away; on shift, say how soon with"
                        + " `{wait}`", text, m.group(), m.start()));
            } else if (shift == null && m.group(1).equals("when")) {
                flaws.add(Flaw.at("`{when}` has no value here: this text is not about one person's shift",
                        text, m.group(), m.start()));
            }
        }
        stray(text, from, text.length(), flaws);
    }

    /** Braces between placeholders: a half-typed one ("{person") would reach the customer as is. */
    private static void stray(String text, int from, int to, List<Flaw> flaws) {
        Matcher brace = BRACE.matcher(text).region(from, to);
        if (brace.find()) {
            flaws.add(Flaw.at("a lone `" + brace.group() + "`: placeholders are written whole, such as `{person}`;"
                    + " braces cannot be shown to customers", text, brace.group(), brace.start()));
        }
    }

    private static String unknown(String placeholder) {
        String name = placeholder.substring(1, placeholder.length() - 1);
        String hint = NearMiss.suggest(name, PLACEHOLDERS).map(s -> " (did you mean `{" + s + "}`?)").orElse("");
        return "unknown placeholder `" + placeholder + "`" + hint + "; placeholders: "
                + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());
    }

    /**
     * Fills every placeholder in one pass, so a value that itself contains braces is never expanded.
     * An empty value takes one neighbouring space with it: "Alex {from_team}." reads "Alex." not "Alex .".
     */
    static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            out.append(text, from, m.start());
            from = m.end();
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for " + m.group() + " in \"" + text + "\"");
            }
            if (!value.isEmpty()) {
                out.append(value);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) == ' '
                    && (from == text.length() || " .,;:!?)".indexOf(text.charAt(from)) >= 0)) {
                out.setLength(out.length() - 1);
            } else if (from < text.length() && text.charAt(from) == ' ') {
                from++;
            }
        }
        return out.append(text, from, text.length()).toString();
    }
}
