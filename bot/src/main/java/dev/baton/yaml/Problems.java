package dev.baton.yaml;

import dev.baton.yaml.ConfigException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects problems for one file instead of throwing at the first, so a community manager sees
 * every mistake after a single reload. Converts SnakeYAML's 0-based marks to 1-based positions.
 */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void at(Node node, String message) {
        at(node, message, "");
    }

    /** @param hint how to fix it, e.g. "quote it" or "add one under `roles:`"; may be empty */
    public void at(Node node, String message, String hint) {
        at(node.getStartMark(), message, hint);
    }

    public void at(Mark mark, String message) {
        at(mark, message, "");
    }

    public void at(Mark mark, String message, String hint) {
        at(mark.getLine() + 1, mark.getColumn() + 1, message, hint);
    }

    public void at(int line, int column, String message) {
        at(line, column, message, "");
    }

    public void at(int line, int column, String message, String hint) {
        // Quoted values may span lines; keep each problem on one line of the exception message.
        found.add(new Problem(file, line, column, oneLine(message), oneLine(hint)));
    }

    /** The name problems carry for this file. */
    public String file() {
        return file;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R+", " ");
    }

    public int count() {
        return found.size();
    }

    /** Problems in file order; checks run per entry, so raw discovery order can jump back a line or two. */
    public List<Problem> inFileOrder() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }
}
