package dev.baton.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless chromium (or Chrome) driven through chromedriver, both found on PATH. Nothing is downloaded:
 * when either is missing the test is skipped on a developer's machine, saying why on standard error, and fails in CI
 * ({@code BATON_REQUIRE_BROWSER=1}, set by {@code .ci/run}, which installs both).
 */
final class Chromium implements AutoCloseable {

    /** The browser's names, looked for in this order in each PATH directory. */
    static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    static final List<String> DRIVER_NAMES = List.of("chromedriver");
    /** Where screenshots are kept as test artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() {
        String path = System.getenv().getOrDefault("PATH", "");
        Optional<Path> browserFound = onPath(path, BROWSER_NAMES);
        Optional<Path> driverFound = onPath(path, DRIVER_NAMES);
        if (browserFound.isEmpty() || driverFound.isEmpty()) {
            String reason = skipReason(browserFound, driverFound, path);
            if ("1".equals(System.getenv("BATON_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("BATON_REQUIRE_BROWSER=1 but " + reason
                        + "; install Debian's chromium and chromium-driver (.ci/run does)");
            }
            // Surefire keeps an assumption's message in its XML only: say it where `mvn test` is watched.
            System.err.println("[baton] " + reason);
            Assumptions.abort(reason);
        }
        Path browserBinary = browserFound.get();
        Path driverBinary = driverFound.get();
        // Selenium warns that it has no DevTools bindings for this exact Chromium; they are not used.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("baton-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browserBinary.toFile());
            // The machine's network is closed: without the background-networking flags chromium keeps
            // trying to reach Google's hosts. --no-sandbox because CI runs as root.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverBinary.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first executable named one of {@code names} in the directories of {@code path}, in PATH order. */
    static Optional<Path> onPath(String path, List<String> names) {
        for (String directory : path.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Why the browser tests cannot run: what is missing, and the PATH that was searched. */
    static String skipReason(Optional<Path> browser, Optional<Path> driver, String path) {
        List<String> missing = new java.util.ArrayList<>();
        if (browser.isEmpty()) {
            missing.add(String.join(", ", BROWSER_NAMES.subList(0, BROWSER_NAMES.size() - 1)) + " or "
                    + BROWSER_NAMES.get(BROWSER_NAMES.size() - 1));
        }
        if (driver.isEmpty()) {
            missing.add(String.join(" or ", DRIVER_NAMES));
        }
        return "no " + String.join(" and no ", missing) + " on PATH=" + path + ": browser test skipped";
    }

    /**
     * A wait for this browser. Live updates redraw parts of the page, so an element found a moment ago
     * may have been replaced: such a wait looks again instead of failing.
     */
    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves a screenshot of the current page as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, top to bottom, as one tall image; the window is put back after. */
    Path fullPage(String name) {
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(),
                Math.min(4000, height.intValue() + 120)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** A screenshot of one part of the page, whole, just below the sticky top bar; see {@link #section(String, WebElement, WebElement)}. */
    Path section(String name, WebElement part) {
        return section(name, part, part);
    }

    /**
     * A screenshot of one part of the page, whole: from the top of {@code first} to the bottom of
     * {@code last}, just below the sticky top bar, the window made as tall as that needs (and put back after).
     */
    Path section(String name, WebElement first, WebElement last) {
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        @SuppressWarnings("unchecked")
        java.util.List<Number> sizes = (java.util.List<Number>) driver.executeScript("""
                const [first, last] = [arguments[0], arguments[1]];
                const bar = document.getElementById('topbar').getBoundingClientRect().height;
                const top = first.getBoundingClientRect().top + window.scrollY;
                const bottom = last.getBoundingClientRect().bottom + window.scrollY;
                return [window.outerHeight - window.innerHeight, bar, top, bottom];
                """, first, last);
        int decoration = sizes.get(0).intValue();
        int bar = sizes.get(1).intValue();
        int top = sizes.get(2).intValue();
        int bottom = sizes.get(3).intValue();
        int margin = 16;
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(),
                Math.min(4000, decoration + bar + margin + (bottom - top) + margin)));
        driver.executeScript("window.scrollTo(0, arguments[0]);", Math.max(0, top - bar - margin));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
