package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's packages stand in layers, each using only those below it: {@code console} (the wiring)
 * on top, then the features, then {@code web} (shared HTTP parts), then {@code api} (what Baton
 * implements) at the bottom. Features do not use each other; what two of them need goes down a layer.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "baton", "console");
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("console", 3),
            Map.entry("auth", 2), Map.entry("queue", 2), Map.entry("handoff", 2), Map.entry("manage", 2),
            Map.entry("playground", 2), Map.entry("rules", 2), Map.entry("feedback", 2), Map.entry("care", 2),
            Map.entry("web", 1),
            Map.entry("api", 0));
    /** A use of a console class from another package: an import, or a name written out in code or Javadoc. */
    private static final Pattern USE = Pattern.compile("dev\\.baton\\.console(?:\\.([a-z]\\w*))?\\.[A-Z]");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            Matcher use = USE.matcher(read(file));
            while (use.find()) {
                String to = use.group(1) == null ? "console" : use.group(1);
                if (!to.equals(from) && LAYERS.get(to) != null && LAYERS.get(to) >= LAYERS.get(from)) {
                    wrong.add(SOURCES.relativize(file) + " uses " + to);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        TreeSet<String> packages = new TreeSet<>();
        sources().forEach(file -> packages.add(packageOf(file)));
        assertTrue(LAYERS.keySet().containsAll(packages), "packages without a layer: " + packages);
    }

    @Test
    void theTopPackageHoldsOnlyTheWiringAndItsSettings() {
        List<String> top = sources().stream().filter(file -> packageOf(file).equals("console"))
                .map(file -> file.getFileName().toString()).sorted().toList();
        assertEquals(List.of("ConsoleSettings.java", "HandoffConsole.java"), top);
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() == 1 ? "console" : relative.getName(0).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
