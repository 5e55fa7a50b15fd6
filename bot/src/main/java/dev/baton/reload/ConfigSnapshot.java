package dev.baton.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The text of the configuration files Baton reloads while running, and a version that changes
 * whenever any of them does. {@code discord.yaml} and {@code llm.yaml} are not among them
 * ({@link #RESTART_ONLY}): which server Baton connects to, and which language model it asks, only change
 * with a restart, so an edit to either is not even looked at until then.
 *
 * @param files file name to text, for the files that exist
 */
public record ConfigSnapshot(Map<String, String> files, String version) {

    /** The files a change to takes effect without a restart, in the order the console shows them. */
    public static final List<String> RELOADABLE = List.of("rules.yaml", "team.yaml", "messages.yaml",
            "knowledge.yaml");

    /** The files Baton reads only when it starts; the log at startup says so. */
    public static final List<String> RESTART_ONLY = List.of("discord.yaml", "llm.yaml");

    public ConfigSnapshot {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static ConfigSnapshot of(Map<String, String> files) {
        return new ConfigSnapshot(files, versionOf(files));
    }

    /** Reads the reloadable files of {@code directory}; a missing optional file is simply absent. */
    public static ConfigSnapshot read(Path directory) {
        Map<String, String> files = new TreeMap<>();
        for (String name : RELOADABLE) {
            try {
                files.put(name, Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException missing) {
                // optional files (rules.yaml, messages.yaml) may not exist; required ones fail when loaded
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + directory.resolve(name), e);
            }
        }
        return of(files);
    }

    public Optional<String> text(String file) {
        return Optional.ofNullable(files.get(file));
    }

    /** This snapshot with some files replaced (a draft from the console). */
    public ConfigSnapshot with(Map<String, String> replacements) {
        Map<String, String> merged = new TreeMap<>(files);
        merged.putAll(replacements);
        return of(merged);
    }

    private static String versionOf(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
