package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * There is one documented way to run the image: README.md's {@code docker run} and the Dockerfile's
 * header are the same command, and it agrees with what the image does (port, mounts, user, environment).
 * No Docker engine is needed: the files are read.
 */
class DockerfileAndReadmeAgreeTest {

    private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeAndTheDockerfileDocumentTheSameDockerRun() throws IOException {
        assertEquals(readmeRun(), dockerfileRun());
    }

    @Test
    void theConsoleIsPublishedOnLoopbackOnThePortTheImageListensOn() throws IOException {
        String run = readmeRun();
        Map<String, String> env = env();
        String port = env.get("BATON_CONSOLE_PORT");
        assertEquals("8080", port, "the image sets BATON_CONSOLE_PORT");
        assertTrue(dockerfile().contains("\nEXPOSE " + port + "\n"), "EXPOSE " + port);
        assertTrue(run.contains(" -p 127.0.0.1:" + port + ":" + port + " "), run);
        assertFalse(Pattern.compile(" -p " + port).matcher(run).find(), "published on every interface: " + run);
        assertEquals("0.0.0.0", env.get("BATON_CONSOLE_HOST"), "inside the container the console listens on all");
    }

    @Test
    void configAndDataAreMountedReadWriteWhereTheImageLooksForThem() throws IOException {
        String run = readmeRun();
        Map<String, String> env = env();
        assertTrue(run.contains(" -v \"$PWD/config:" + env.get("BATON_CONFIG_DIR") + "\" "), run);
        assertTrue(run.contains(" -v \"$PWD/data:" + env.get("BATON_DATA_DIR") + "\" "), run);
        assertFalse(run.contains(":ro"), run);
        assertFalse(dockerfile().contains(":ro"), "the Dockerfile still suggests a read-only config mount");
        assertFalse(dockerSection().contains(":ro`"), "README's Docker section still suggests :ro");
    }

    @Test
    void theContainerRunsAsTheHostUserSoItCanWriteTheMountedFolders() throws IOException {
        String run = readmeRun();
        assertTrue(run.contains(" --user \"$(id -u):$(id -g)\" "), run);
        assertTrue(dockerSection().contains("mkdir -p data"), "data/ is created before Docker makes it root's");
        assertEquals("/tmp", env().get("HOME"), "a --user uid needs a writable home for the natives");
        assertTrue(dockerfile().contains("\"-Duser.home=/tmp\""), "Java 17 ignores HOME for a uid without a passwd entry");
    }

    @Test
    void theSetupLinkAddressAndTheTokenComeFromTheEnvironment() throws IOException {
        String run = readmeRun();
        assertTrue(run.contains(" -e BATON_CONSOLE_URL=http://localhost:" + env().get("BATON_CONSOLE_PORT") + " "), run);
        assertTrue(run.contains(" -e DISCORD_TOKEN "), "the token is passed from the shell, not written: " + run);
        assertFalse(env().containsKey("DISCORD_TOKEN"), "never in the image");
        assertTrue(dockerSection().contains("BATON_CONSOLE_URL"), "README says what BATON_CONSOLE_URL is for");
    }

    @Test
    void theHealthCheckUsesTheJreTheImageHas() throws IOException {
        Matcher check = Pattern.compile("\nHEALTHCHECK [^\n]*\\\\\n\\s+CMD \\[\"java\", [^\n]*\"dev\\.baton\\.cli\\.HealthCheck\"\\]")
                .matcher(dockerfile());
        assertTrue(check.find(), "HEALTHCHECK runs the jar's HealthCheck with java");
        assertTrue(Files.exists(Path.of("src", "main", "java", "dev", "baton", "cli", "HealthCheck.java")));
    }

    // ---- reading the files

    private static String dockerfile() throws IOException {
        return Files.readString(DOCKERFILE);
    }

    /** The README's section "## Docker", up to the next section. */
    private static String dockerSection() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Docker\n");
        assertTrue(start >= 0, "README.md has a ## Docker section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String readmeRun() throws IOException {
        return command(dockerSection().lines().toList());
    }

    /** The header comment's lines, without their {@code #}. */
    private static String dockerfileRun() throws IOException {
        List<String> header = new ArrayList<>();
        for (String line : dockerfile().lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            header.add(line.substring(1));
        }
        return command(header);
    }

    /** The {@code docker run} command in these lines, continuation lines joined and spaces collapsed. */
    private static String command(List<String> lines) {
        StringBuilder command = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            String text = line.strip();
            if (!in && text.startsWith("docker run ")) {
                in = true;
            }
            if (in) {
                boolean continues = text.endsWith("\\");
                command.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!continues) {
                    break;
                }
            }
        }
        assertTrue(in, "no `docker run` in " + lines);
        return command.toString().replaceAll("\\s+", " ");
    }

    /** The image's ENV settings, last one wins. */
    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^ENV (\\w+)=(\\S+)$").matcher(dockerfile());
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }
}
