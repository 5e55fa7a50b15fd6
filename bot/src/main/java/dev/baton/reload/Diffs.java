package dev.baton.reload;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs of configuration files, for the change history. */
public final class Diffs {

    private static final int CONTEXT = 3;

    private Diffs() {
    }

    /**
     * The change from {@code before} to {@code after} as a unified diff ({@code --- a/rules.yaml},
     * {@code +++ b/rules.yaml}, hunks); empty when the texts are equal. A missing file is empty text.
     */
    public static String unified(String file, String before, String after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + file,
                after == null ? "/dev/null" : "b/" + file, old, patch, CONTEXT);
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
    }
}
