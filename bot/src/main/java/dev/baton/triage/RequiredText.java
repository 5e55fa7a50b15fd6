package dev.baton.triage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What any match of a lexicon pattern must contain: at least one of a few literal strings. A message
 * containing none of them cannot match, so the pattern need not be run on it; most messages contain
 * none for most of the 700 patterns, and running them all was half of a decision's time outside the
 * sentence model (docs/benchmarks.md).
 *
 * <p>Read from the pattern's text by a small parser that knows the regex syntax the lexicons use
 * (groups, alternation, classes, escapes, quantifiers, lookaround). It only ever says less than it
 * could, never more: anything it does not understand gives "nothing known", and the pattern is run.
 * {@code RequiredTextTest} checks on every lexicon that skipping by it never loses a match.
 */
final class RequiredText {

    private final String regex;
    private int at;

    private RequiredText(String regex) {
        this.regex = regex;
    }

    /** Strings (lower case) one of which every match contains; null when nothing is known. */
    static List<String> of(String regex) {
        try {
            RequiredText parser = new RequiredText(regex);
            Set<String> required = parser.alternation();
            return parser.at == regex.length() && required != null ? List.copyOf(required) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code lowerCaseText} contains one of {@code required} (null: can't tell, so yes). */
    static boolean mayMatch(List<String> required, String lowerCaseText) {
        if (required == null) {
            return true;
        }
        for (int i = 0; i < required.size(); i++) {
            if (lowerCaseText.contains(required.get(i))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> alternation() {
        Set<String> union = new LinkedHashSet<>();
        boolean known = true;
        while (true) {
            Set<String> branch = sequence();
            if (branch == null) {
                known = false;
            } else {
                union.addAll(branch);
            }
            if (at < regex.length() && regex.charAt(at) == '|') {
                at++;
                continue;
            }
            return known ? union : null;
        }
    }

    /** The best requirement among the sequence's literal runs and its required groups. */
    private Set<String> sequence() {
        Set<String> best = null;
        StringBuilder run = new StringBuilder();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            char c = regex.charAt(at);
            Set<String> atom;
            Character literal = null;
            if (c == '(') {
                atom = group();
            } else if (c == '[') {
                skipClass();
                atom = null;
            } else if (c == '\\') {
                literal = escape();
                atom = null;
            } else if (c == '.' || c == '^' || c == '$') {
                at++;
                atom = null;
            } else if ("?*+{".indexOf(c) >= 0) {
                throw new IllegalStateException("quantifier without an atom");
            } else {
                literal = Character.toLowerCase(c);
                at++;
                atom = null;
            }
            Quantifier q = quantifier();
            if (literal != null && q == Quantifier.ONE) {
                run.append(literal);
                continue;
            }
            best = better(best, run);
            run.setLength(0);
            if (q == Quantifier.OPTIONAL) {
                continue;
            }
            if (literal != null) {
                best = better(best, Set.of(String.valueOf(literal)));
            } else if (atom != null) {
                best = better(best, atom);
            }
        }
        return better(best, run);
    }

    private Set<String> group() {
        at++;
        boolean zeroWidth = false;
        if (regex.startsWith("?:", at)) {
            at += 2;
        } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
            at += 2;
            zeroWidth = true;
        } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
            at += 3;
            zeroWidth = true;
        } else if (at < regex.length() && regex.charAt(at) == '?') {
            throw new IllegalStateException("group kind not understood");
        }
        Set<String> inside = alternation();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new IllegalStateException("unclosed group");
        }
        at++;
        return zeroWidth ? null : inside;
    }

    private void skipClass() {
        int depth = 0;
        while (at < regex.length()) {
            char c = regex.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
        throw new IllegalStateException("unclosed class");
    }

    /** An escaped punctuation mark is itself; letters and digits after a backslash are classes. */
    private Character escape() {
        char c = regex.charAt(at + 1);
        at += 2;
        if (Character.isLetterOrDigit(c)) {
            if ((c == 'p' || c == 'P') && at < regex.length() && regex.charAt(at) == '{') {
                at = regex.indexOf('}', at) + 1;
            }
            return null;
        }
        return Character.toLowerCase(c);
    }

    private enum Quantifier { ONE, OPTIONAL, AT_LEAST_ONE }

    private Quantifier quantifier() {
        if (at >= regex.length()) {
            return Quantifier.ONE;
        }
        char c = regex.charAt(at);
        Quantifier q;
        if (c == '?' || c == '*') {
            at++;
            q = Quantifier.OPTIONAL;
        } else if (c == '+') {
            at++;
            q = Quantifier.AT_LEAST_ONE;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            String bounds = regex.substring(at + 1, close);
            at = close + 1;
            q = Integer.parseInt(bounds.split(",", -1)[0].trim()) == 0 ? Quantifier.OPTIONAL : Quantifier.AT_LEAST_ONE;
        } else {
            return Quantifier.ONE;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        return q;
    }

    private static Set<String> better(Set<String> best, CharSequence run) {
        return run.length() == 0 ? best : better(best, Set.of(run.toString().toLowerCase(Locale.ROOT)));
    }

    /** The requirement whose shortest string is longest: it rules out the most messages. */
    private static Set<String> better(Set<String> best, Set<String> candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        return shortest(candidate) > shortest(best) ? candidate : best;
    }

    private static int shortest(Set<String> set) {
        return set.stream().mapToInt(String::length).min().orElse(0);
    }
}
