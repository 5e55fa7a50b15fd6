package dev.baton.knowledge;

import dev.baton.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clauses of a chat message that ask something, when the message says more than its question:
 * "my coffee budget is a crime scene lol ☕ can tally ping me before i blow through it?" asks
 * "can tally ping me before i blow through it?". A wrapped question reads less like any phrasing of
 * the knowledge base than the question alone does, so the matcher also weighs the question alone
 * ({@link AnswerMatcher#match}). Pure.
 */
public final class QuestionClauses {

    /**
     * Where one clause of chat ends and the next begins: the end of a sentence, a line break, a dash
     * between spaces, or an emoji followed by words ("HELP 😂 jk, just curious — how often…"). Most emoji
     * lie beyond the 16-bit range, where a look-behind sees only the low half of the pair ({@code \p{Cs}}).
     */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?<=[.!?;:])\\s+|\\s+[\u2014\u2013-]+\\s+|\\s*\\n+\\s*|(?<=[\\p{So}\\p{Sk}\\uFE0F\\u200D]|\\p{Cs})\\s*(?=\\p{L})");

    /** A clause that opens (after the fillers chat puts first) the way a question does. */
    private static final Pattern ASKS = Pattern.compile(
            "^(?:(?:ok|okay|so|and|but|also|anyway|btw|hey|hi|cool|thanks|thx)[,!.]?\\s+)*"
                    + "(?:how|what|whats|what's|where|wheres|where's|when|whens|when's|why|which|who|hows|how's"
                    + "|can|could|do|does|did|is|are|will|would|should|may|any)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A clause with fewer meaningful words than this ("what will happen with it?") leans on the rest of
     * the message for its meaning; alone it would match whatever entry is generic enough.
     */
    static final int MIN_CONTENT_WORDS = 2;

    private QuestionClauses() {
    }

    /** The asking clauses of {@code message}, in order; none when the message is a single clause. */
    public static List<String> in(String message) {
        String[] clauses = BOUNDARY.split(message.strip());
        if (clauses.length < 2) {
            return List.of();
        }
        List<String> questions = new ArrayList<>();
        for (String part : clauses) {
            String clause = part.strip();
            if ((clause.contains("?") || ASKS.matcher(clause).find())
                    && Words.contentStems(clause).size() >= MIN_CONTENT_WORDS) {
                questions.add(clause);
            }
        }
        return List.copyOf(questions);
    }
}
