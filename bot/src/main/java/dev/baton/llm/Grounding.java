package dev.baton.llm;

import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.text.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a model's rewording of a knowledge-base answer may be sent instead of the answer itself. The
 * entry is the only truth: a rewording may change the words but must not add a fact, ping anyone, or say
 * Baton did something. When in doubt it is refused, which costs nothing — the entry is sent as written.
 */
public final class Grounding {

    /** Actions only people can take; Baton answers and hands off, it never changes anything for anyone. */
    private static final String ACTION = "(?:refund(?:ed|ing|s)?|issu(?:e|ed|ing|es)|process(?:ed|ing|es)?"
            + "|cancel(?:l?ed|l?ing|s)?|credit(?:ed|ing|s)?|approv(?:e|ed|ing|es)|escalat(?:e|ed|ing|es)"
            + "|reset(?:ting|s)?|chang(?:e|ed|ing|es)|updat(?:e|ed|ing|es)|add(?:ed|ing|s)?|remov(?:e|ed|ing|es)"
            + "|delet(?:e|ed|ing|es)|upgrad(?:e|ed|ing|es)|downgrad(?:e|ed|ing|es)|sen(?:d|t|ding|ds)"
            + "|waiv(?:e|ed|ing|es)|extend(?:ed|ing|s)?|unlock(?:ed|ing|s)?|unban(?:ned|ning|s)?|ban(?:ned|ning|s)?"
            + "|restor(?:e|ed|ing|es)|fix(?:ed|ing|es)?|(?:re|de)?activat(?:e|ed|ing|es)|transferr?(?:ed|ing|s)?"
            + "|grant(?:ed|ing|s)?|verif(?:y|ied|ying|ies)|charg(?:e|ed|ing|es)|paid|pay(?:ing|s)?"
            + "|revers(?:e|ed|ing|es)|void(?:ed|ing|s)?|appl(?:y|ied|ying|ies)|(?:en|dis)abl(?:e|ed|ing|es)"
            + "|forward(?:ed|ing|s)?|notif(?:y|ied|ying|ies)|flagg?(?:ed|ing|s)?|contact(?:ed|ing|s)?)";
    private static final String DONE = "(?:refunded|issued|processed|cancell?ed|credited|approved|escalated|reset"
            + "|changed|updated|added|removed|deleted|upgraded|downgraded|sent|waived|extended|unlocked|unbanned"
            + "|banned|restored|fixed|(?:re|de)?activated|transferr?ed|granted|verified|charged|paid|reversed|voided"
            + "|applied|(?:en|dis)abled|forwarded|notified|flagged|contacted)";
    /** Words that may sit between "I" and the verb without changing who acts: "I've just gone ahead and …". */
    private static final String BETWEEN = "(?:\\s+(?:have|has|had|will|shall|just|already|now|also|can|could|would"
            + "|am|are|was|were|be|been|successfully|personally|manually|gone ahead and|go ahead and"
            + "|went ahead and|going to|about to|happy to|glad to|able to))*";
    private static final String SOON = "(?:\\s+(?:just|now|already|also|successfully))*";
    /** "I've refunded", "we have credited", "let me cancel", "your refund has been issued". */
    private static final Pattern CLAIM = Pattern.compile(
            "\\b(?:i|we)(?:'ve|'ll|'d|'m|'re)?" + BETWEEN + "\\s+" + ACTION + "\\b"
                    + "|\\blet (?:me|us)(?:\\s+just)?\\s+" + ACTION + "\\b"
                    + "|(?:\\b(?:has|have|had)|\\b\\w+'(?:s|ve))" + SOON + "\\s+been" + SOON + "\\s+" + DONE + "\\b"
                    + "|\\b(?:was|were|got|is being|are being)" + SOON + "\\s+" + DONE + "\\b",
            Pattern.CASE_INSENSITIVE);

    private Grounding() {
    }

    /**
     * Why a phrased answer may not be sent, or empty when it may: every number, URL, e-mail address and
     * name in it appears in the entry (answer, questions, source); it mentions nobody; it claims no action
     * Baton cannot take; it is not empty and not much longer than the entry.
     */
    public static List<String> problems(String phrased, KnowledgeEntry entry) {
        if (phrased == null || phrased.isBlank()) {
            return List.of("the answer is empty");
        }
        List<String> problems = new ArrayList<>();
        int limit = Math.max(2 * entry.answer().length(), entry.answer().length() + 300);
        int length = phrased.strip().length();
        if (length > limit) {
            problems.add("the answer is " + length + " characters long; entry " + entry.id() + " allows " + limit);
        }
        String known = known(entry);
        for (Facts.Fact fact : Facts.notIn(phrased, known)) {
            // Mentions get their own problem below, whatever the entry says.
            if (fact.kind() != Facts.Kind.MENTION) {
                problems.add(fact.describe() + " is not in entry " + entry.id());
            }
        }
        for (String mention : Facts.mentions(phrased)) {
            problems.add("it mentions \"" + mention + "\"");
        }
        for (String claim : claims(phrased)) {
            if (!saysTheSame(known, claim)) {
                problems.add("it claims an action Baton cannot take: \"" + claim + "\"");
            }
        }
        return Collections.unmodifiableList(problems);
    }

    /** Everything the entry states; its id and topic are labels, not facts a customer may be told. */
    private static String known(KnowledgeEntry entry) {
        return entry.answer() + "\n" + String.join("\n", entry.questions())
                + (entry.source() == null ? "" : "\n" + entry.source());
    }

    private static List<String> claims(String text) {
        List<String> claims = new ArrayList<>();
        Matcher m = CLAIM.matcher(text.replace('\u2019', '\''));
        while (m.find()) {
            claims.add(text.substring(m.start(), m.end()).replaceAll("\\s+", " "));
        }
        return claims;
    }

    /** The claim's words, in order, in the entry: the entry itself says "we process refunds within 5 days". */
    private static boolean saysTheSame(String known, String claim) {
        String words = " " + String.join(" ", Words.words(claim)) + " ";
        return (" " + String.join(" ", Words.words(known)) + " ").contains(words);
    }
}
