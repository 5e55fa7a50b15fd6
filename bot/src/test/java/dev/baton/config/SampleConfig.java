package dev.baton.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own {@code config/} (the Lumen Makers sample), and copies of it tests may edit. */
public final class SampleConfig {

    private SampleConfig() {
    }

    /** config/ of the repository, found from wherever the tests run (Maven runs them in bot/). */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config");
            if (Files.isRegularFile(candidate.resolve(BatonConfig.TEAM))) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/team.yaml not found above " + Path.of("").toAbsolutePath());
    }

    /** Copies every sample file into {@code target} (created if need be) and returns it. */
    public static Path copyTo(Path target) {
        try {
            Files.createDirectories(target);
            for (String name : BatonConfig.FILES) {
                Path file = directory().resolve(name);
                if (Files.exists(file)) {
                    Files.copy(file, target.resolve(name));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
