package dev.baton.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser tests find chromium and chromedriver on PATH, and say why they skip where a person sees it. */
class ChromiumLookupTest {

    @TempDir
    Path temp;

    @Test
    void findsTheBrowserUnderAnyOfItsNamesOnPath() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path browser = executable(bin.resolve("chromium-browser"));
        Path driver = executable(bin.resolve("chromedriver"));
        String path = empty + File.pathSeparator + bin;

        assertEquals(Optional.of(browser), Chromium.onPath(path, Chromium.BROWSER_NAMES));
        assertEquals(Optional.of(driver), Chromium.onPath(path, Chromium.DRIVER_NAMES));
    }

    @Test
    void aFileThatIsNotExecutableIsNotTheBrowser() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(bin.resolve("google-chrome"), "");

        assertEquals(Optional.empty(), Chromium.onPath(bin.toString(), Chromium.BROWSER_NAMES));
    }

    @Test
    void theSkipReasonNamesWhatIsMissingAndWhereItLooked() {
        String reason = Chromium.skipReason(Optional.empty(), Optional.of(Path.of("/opt/bin/chromedriver")), "/opt/bin");

        assertTrue(reason.contains("chromium, chromium-browser or google-chrome"), reason);
        assertTrue(reason.contains("PATH=/opt/bin"), reason);
        assertTrue(reason.contains("browser test skipped"), reason);
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
