package dev.baton.cli;

import dev.baton.yaml.ConfigException.Problem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints configuration problems the way {@code check-config} and a failed start show them: one
 * {@code file:line:column: message} line each (which editors and terminals turn into links), then an
 * indented {@code hint:} line saying how to fix it.
 */
final class ProblemReport {

    private ProblemReport() {
    }

    static void print(List<Problem> problems, PrintStream out) {
        for (Problem problem : problems) {
            out.println(problem);
            out.println("    hint: " + (problem.hasHint() ? problem.hint() : fallbackHint(problem.file())));
        }
    }

    /** "3 problems in rules.yaml and team.yaml" */
    static String count(List<Problem> problems) {
        Set<String> files = new LinkedHashSet<>();
        problems.forEach(p -> files.add(fileName(p.file())));
        List<String> names = List.copyOf(files);
        String in = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + in;
    }

    /** Every shipped file documents its keys in comments at its top; say so where nothing better is known. */
    static String fallbackHint(String file) {
        return "the comments at the top of " + fileName(file) + " describe every key, its allowed values and"
                + " its default";
    }

    private static String fileName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
