package dev.baton.desk;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a message that only thanks or acknowledges ("thanks!", "ok got it 👍"). The engine
 * would find no entry for it and hand it to a person as out of scope, so a customer saying thank
 * you for a good answer would get a human called in; the desk stays silent instead.
 */
final class Pleasantries {

    private static final String ACK = "(?:thanks?(?: you| u)?|thank you|thx|ty|tysm|cheers|ok(?:ay)?|k|great|perfect"
            + "|awesome|got it|cool|nice|brilliant|that helps|that helped|that worked|it worked|all good|sorted|"
            + "much appreciated|appreciated|will do|sounds good)";
    private static final Pattern ONLY_THANKS = Pattern.compile(
            "(?:(?:" + ACK + ")(?: (?:so much|a lot|very much|again|heaps|baton|mate|all))*[ ,!.]*)+");

    private Pleasantries() {
    }

    static boolean isOnlyThanks(String text) {
        String words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{So}\\p{Sk}\\p{Cs}\\uFE0F\\u200D:;()\\-<3]+", " ") // emoji and emoticons
                .replaceAll("\\s+", " ")
                .strip();
        return !words.isEmpty() && words.length() <= 60 && ONLY_THANKS.matcher(words).matches();
    }
}
