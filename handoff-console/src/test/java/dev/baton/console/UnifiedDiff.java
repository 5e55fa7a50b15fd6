package dev.baton.console;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts by lines (longest common subsequence, 3 lines of context), for the fake's change history. */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private record Op(char kind, String line, int oldNo, int newNo) {
    }

    static String of(String file, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i++, j++));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(i), i++, j));
            } else {
                ops.add(new Op('+', b.get(j), i, j++));
            }
        }
        StringBuilder out = new StringBuilder("--- a/" + file + "\n+++ b/" + file + "\n");
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int quiet = 0;
            while (end < ops.size() && quiet <= 2 * CONTEXT) {
                quiet = ops.get(end).kind() == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
            List<Op> hunk = ops.subList(start, end);
            long oldCount = hunk.stream().filter(o -> o.kind() != '+').count();
            long newCount = hunk.stream().filter(o -> o.kind() != '-').count();
            out.append("@@ -").append(hunk.get(0).oldNo() + (oldCount == 0 ? 0 : 1)).append(',').append(oldCount)
                    .append(" +").append(hunk.get(0).newNo() + (newCount == 0 ? 0 : 1)).append(',').append(newCount)
                    .append(" @@\n");
            for (Op op : hunk) {
                out.append(op.kind()).append(op.line()).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\n", -1)).subList(0, text.endsWith("\n") ? text.split("\n", -1).length - 1
                : text.split("\n", -1).length);
    }
}
