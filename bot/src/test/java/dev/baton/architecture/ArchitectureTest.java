package dev.baton.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers of README.md's "Layout", held against the compiled main classes of both modules: a package
 * may use its own layer's packages only where they form no circle, and the layers below it; never one
 * above. And time comes from the injected {@code Clock}, read off the system clock only where the
 * program starts.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.baton";

    /**
     * Top to bottom; each line one layer of packages (relative to {@code dev.baton}; "" is the root). Keep
     * in step with README.md's "Layout".
     */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("cli"),
            Set.of("bench"),
            Set.of(""),
            Set.of("bridge"),
            Set.of("reload"),
            Set.of("config"),
            Set.of("discord"),
            Set.of("desk", "replay", "health"),
            Set.of("cluster"),
            Set.of("pickup", "llm", "feedback", "aftercare", "repeats"),
            Set.of("live", "metrics"),
            Set.of("handoff"),
            Set.of("rules"),
            Set.of("conversation", "routing"),
            Set.of("triage"),
            Set.of("learn"),
            Set.of("knowledge"),
            Set.of("fanout", "leader"),
            Set.of("text", "store", "yaml"),
            Set.of("console"),
            Set.of("console.auth", "console.queue", "console.handoff", "console.manage", "console.playground",
                    "console.rules", "console.feedback", "console.care"),
            Set.of("console.web"),
            Set.of("console.api"));

    /** Where the system clock may be read: the command line starts the program and hands its clock down. */
    private static final Set<String> CLOCK_HOME = Set.of("cli");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void everyMainPackageHasItsPlaceInTheLayers() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (layerOf(c.getPackageName()) < 0) {
                unplaced.add(c.getPackageName());
            }
        }
        assertTrue(unplaced.isEmpty(), "packages missing from ArchitectureTest.LAYERS and README.md's Layout: "
                + unplaced);
    }

    @Test
    void noClassUsesAPackageFromAHigherLayer() {
        Set<String> upward = new TreeSet<>();
        for (JavaClass c : MAIN) {
            int from = layerOf(c.getPackageName());
            c.getDirectDependenciesFromSelf().forEach(d -> {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(ROOT)) {
                    return;
                }
                int to = layerOf(target.getPackageName());
                if (from >= 0 && to >= 0 && to < from) {
                    upward.add(c.getName().replace(ROOT + ".", "") + " -> "
                            + target.getName().replace(ROOT + ".", ""));
                }
            });
        }
        assertTrue(upward.isEmpty(), "imports from a lower layer up:\n  " + String.join("\n  ", upward));
    }

    @Test
    void noPackagesFormACircle() {
        SlicesRuleDefinition.slices().matching("dev.baton.(**)").should().beFreeOfCycles()
                .allowEmptyShould(false).check(MAIN);
    }

    @Test
    void onlyTheCommandLineReadsTheSystemClock() {
        List<String> readers = new ArrayList<>();
        for (JavaClass c : MAIN) {
            if (CLOCK_HOME.contains(relative(c.getPackageName()))) {
                continue;
            }
            for (JavaCall<?> call : c.getMethodCallsFromSelf()) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean now = name.equals("now") && Set.of("java.time.Instant", "java.time.LocalDateTime",
                        "java.time.LocalDate", "java.time.ZonedDateTime", "java.time.OffsetDateTime").contains(owner);
                boolean system = owner.equals("java.time.Clock") && name.startsWith("system");
                boolean millis = owner.equals("java.lang.System") && name.equals("currentTimeMillis");
                if (now || system || millis) {
                    readers.add(c.getName() + " calls " + owner + "." + name + " (" + call.getSourceCodeLocation() + ")");
                }
            }
        }
        assertEquals(List.of(), readers, "take a Clock instead");
    }

    private static int layerOf(String packageName) {
        String relative = relative(packageName);
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(relative)) {
                return i;
            }
        }
        return -1;
    }

    private static String relative(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }
}
