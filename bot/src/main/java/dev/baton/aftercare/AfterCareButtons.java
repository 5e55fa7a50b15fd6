package dev.baton.aftercare;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom ids of after-care's buttons and modal: {@code baton:aftercare:<up|down|comment>:<handoffId>}.
 * Discord hands them back on every click, so they carry all Baton needs to find the question again.
 */
public final class AfterCareButtons {

    public static final String PREFIX = "baton:aftercare:";
    private static final Pattern ID = Pattern.compile(Pattern.quote(PREFIX) + "(up|down|comment):(\\d{1,18})");

    /** What a click asks for: an answer ({@code verdict} set) or the comment box ({@code verdict} empty). */
    public record Click(long handoffId, Optional<Verdict> verdict) {
    }

    private AfterCareButtons() {
    }

    public static String answer(Verdict verdict, long handoffId) {
        return PREFIX + verdict.wireName() + ":" + handoffId;
    }

    public static String comment(long handoffId) {
        return PREFIX + "comment:" + handoffId;
    }

    /** The click an id stands for; empty for anything that is not one of after-care's ids. */
    public static Optional<Click> read(String customId) {
        Matcher m = ID.matcher(customId == null ? "" : customId);
        if (!m.matches()) {
            return Optional.empty();
        }
        long handoffId = Long.parseLong(m.group(2));
        return Optional.of(new Click(handoffId, m.group(1).equals("comment") ? Optional.empty()
                : Optional.of(Verdict.fromWire(m.group(1)))));
    }
}
