package dev.baton.cli;

import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.ReplayReport.Changed;
import dev.baton.console.api.ReplayReport.Delta;
import dev.baton.replay.Reasons;
import dev.baton.replay.ReplaySentence;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A replay report as a terminal shows it: the summary sentence, live against draft per person, team, rule
 * and reason, then the conversations that change, each with both outcomes. Pure.
 */
final class ReplayTable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReplayTable() {
    }

    /** @param limit how many changed conversations to list */
    static String render(ReplayReport report, String periodWords, int limit) {
        StringBuilder out = new StringBuilder();
        out.append(ReplaySentence.sentence(report, periodWords)).append("\n\n");
        List<Row> rows = rows(report);
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        line(out, String.format(Locale.ROOT, "%-" + width + "s  %7s  %7s  %7s", "", "live", "draft", "change"));
        for (Row row : rows) {
            if (row.label().isEmpty()) {
                out.append('\n');
                continue;
            }
            int change = row.draft() - row.live();
            line(out, String.format(Locale.ROOT, "%-" + width + "s  %,7d  %,7d  %7s", row.label(), row.live(),
                    row.draft(), change == 0 ? "" : String.format(Locale.ROOT, "%+,d", change)));
        }
        out.append('\n');
        List<Changed> changed = report.changed();
        if (changed.isEmpty()) {
            out.append("No conversation changes.\n");
            return out.toString();
        }
        out.append(changed.size() == 1 ? "1 conversation changes" : String.format(Locale.ROOT, "%,d conversations change",
                changed.size()));
        out.append(changed.size() > limit ? String.format(Locale.ROOT, " (showing the first %,d; --limit N for more):%n", limit)
                : ":\n");
        for (Changed c : changed.subList(0, Math.min(limit, changed.size()))) {
            out.append(String.format(Locale.ROOT, "%s  %-8s  %s, conversation %d%s%n", WHEN.format(c.at()), c.change(),
                    c.customerName(), c.conversationId(), c.handoffId() == null ? "" : " (handoff " + c.handoffId() + ")"));
            out.append("    live:  ").append(c.live()).append('\n');
            out.append("    draft: ").append(c.draft()).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line.stripTrailing()).append('\n');
    }

    /** One line of the comparison; an empty label separates groups. */
    private record Row(String label, int live, int draft) {
    }

    private static List<Row> rows(ReplayReport report) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("handoffs", report.live().handoffs(), report.draft().handoffs()));
        rows.add(new Row("answered by Baton", report.live().answers(), report.draft().answers()));
        group(rows, "to ", report.live().byPerson(), report.draft().byPerson());
        group(rows, "team ", report.live().byTeam(), report.draft().byTeam());
        group(rows, "rule ", report.live().byRule(), report.draft().byRule());
        if (!report.byReason().isEmpty()) {
            rows.add(new Row("", 0, 0));
            for (Delta delta : report.byReason()) {
                rows.add(new Row("reason: " + Reasons.label(delta.name()), delta.live(), delta.draft()));
            }
        }
        return rows;
    }

    /** Everyone on either side, the most handoffs (on either side) first. */
    private static void group(List<Row> rows, String prefix, Map<String, Integer> live, Map<String, Integer> draft) {
        Set<String> names = new LinkedHashSet<>(live.keySet());
        names.addAll(draft.keySet());
        if (names.isEmpty()) {
            return;
        }
        rows.add(new Row("", 0, 0));
        names.stream()
                .sorted(Comparator.comparingInt((String n) -> -Math.max(live.getOrDefault(n, 0), draft.getOrDefault(n, 0)))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(n -> rows.add(new Row(prefix + n, live.getOrDefault(n, 0), draft.getOrDefault(n, 0))));
    }
}
