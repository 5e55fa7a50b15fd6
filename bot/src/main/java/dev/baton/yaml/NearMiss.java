package dev.baton.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses which allowed key a misspelt one was meant to be ({@code question} → {@code questions}).
 * Deliberately conservative: a wrong suggestion is worse than none.
 */
public final class NearMiss {

    private NearMiss() {
    }

    public static Optional<String> suggest(String typed, Collection<String> allowed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && isClose(lower, candidate, distance)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isClose(String typed, String candidate, int distance) {
        // Two edits is generous for short words ("a" is not a typo of "id"), so scale it down.
        int allowedEdits = typed.length() <= 3 ? 1 : 2;
        // A shared stem catches plural/singular slips that cost more edits ("entry" → "entries").
        return distance <= allowedEdits || commonPrefix(typed, candidate) >= 4;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Edit distance counting a swap of neighbours as one edit, since "anwser" is one slip, not two. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
