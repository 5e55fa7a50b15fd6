package dev.baton.cli;

import dev.baton.config.BatonConfig;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import dev.baton.yaml.NearMiss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A draft directory holds only the configuration files that change; the rest are the live ones. Loads the
 * two together as one configuration, and names every problem by the file it is really in.
 *
 * <p>The two are merged in a temporary directory rather than loaded with {@code BatonConfig.load(dir,
 * overrides)}, which would name a draft file's problems by the live path.
 */
final class DraftDirectory {

    /** Every file Baton reads from a configuration directory. */
    static final List<String> FILES = BatonConfig.FILES;

    private final Path live;
    private final Path draft;

    DraftDirectory(Path live, Path draft) {
        this.live = live;
        this.draft = draft;
    }

    /** The configuration files the draft changes, in {@link #FILES} order. */
    List<String> changedFiles() {
        return FILES.stream().filter(name -> Files.isRegularFile(draft.resolve(name))).toList();
    }

    /**
     * Loads the live files overlaid with the draft's.
     *
     * @throws ConfigException with every problem, each naming the draft's or the live file it is in; a YAML
     *                         file in the draft that Baton never reads is a problem too (a misspelt name
     *                         would otherwise be silently ignored)
     */
    <T> T load(Function<Path, T> loader) {
        List<Problem> problems = new ArrayList<>(strayFiles());
        Path merged = merge();
        try {
            T loaded = loader.apply(merged);
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return loaded;
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(renamed(p, merged)));
            throw new ConfigException(problems, e);
        } finally {
            delete(merged);
        }
    }

    private List<Problem> strayFiles() {
        try (Stream<Path> files = Files.list(draft)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> (name.endsWith(".yaml") || name.endsWith(".yml")) && !FILES.contains(name))
                    .sorted()
                    .map(name -> new Problem(draft.resolve(name).toString(), 0, 0, "Baton reads no file of this name"
                            + NearMiss.suggest(name, FILES).map(s -> "; did you mean " + s + "?").orElse("; it reads "
                            + String.join(", ", FILES))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the draft directory " + draft + ": " + e.getMessage(), e);
        }
    }

    private Path merge() {
        try {
            Path merged = Files.createTempDirectory("baton-draft-");
            for (String name : FILES) {
                Path from = Files.isRegularFile(draft.resolve(name)) ? draft.resolve(name) : live.resolve(name);
                if (Files.isRegularFile(from)) {
                    Files.copy(from, merged.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the draft for loading: " + e.getMessage(), e);
        }
    }

    /** The problem as found in the merged copy, told of the draft's or the live file it came from. */
    private Problem renamed(Problem problem, Path merged) {
        String name = Path.of(problem.file()).getFileName().toString();
        Path real = (Files.isRegularFile(draft.resolve(name)) ? draft : live).resolve(name);
        String message = problem.message().replace(merged.toAbsolutePath().resolve(name).toString(),
                real.toAbsolutePath().toString());
        return new Problem(real.toString(), problem.line(), problem.column(), message);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // A temporary copy of configuration files left behind is harmless; the replay's answer is not.
        }
    }
}
