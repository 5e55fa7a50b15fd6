package dev.baton.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.health.CareHistory;
import dev.baton.health.History;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18's "done when", in a real browser against the whole of Baton: for {@link CareHistory}, a small
 * history with a known answer written into Baton's database before it starts, the care page shows 2 of 3
 * ratings 👍 (67 %), a repeat in 1 of 4 checked handoffs (25 %) and the rest; a number leads to the handoffs
 * behind it, and a handoff's page shows its rating and both messages of its repeat side by side.
 */
@Tag("database")
class CareInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private CareHistory.Written written;
    private LiveBaton baton;
    private Chromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        DatabaseLocation database = TestDatabases.freshLocation(data);
        try (History history = new History(Database.open(database))) {
            written = CareHistory.write(history);
        }
        chromium = Chromium.start();
        browser = chromium.driver();
        wait = chromium.waiting(WAIT);
        baton = new LiveBaton(dir, database);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (baton != null) {
            baton.close();
        }
    }

    @Test
    void aManagerSeesTheKnownFiguresFollowsOneToItsHandoffAndSeesTheRatingAndTheRepeatThere() {
        logIn("admin", LiveBaton.ADMIN_PASSWORD);
        click(By.id("nav-care"));
        wait.until(ExpectedConditions.urlMatches(".*/care$"));
        browser.get(baton.consoleUrl() + "/care?from=2024-06-10&to=2024-06-23");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("care-period-label"),
                "from 2024-06-10 to 2024-06-23"));

        assertEquals("67%", stat("up-share"));
        assertTrue(note("up-share").startsWith("2 👍 · 1 👎 of 3 answers · 4 asked · 1 comment"), note("up-share"));
        assertEquals("25%", stat("repeat-rate"));
        assertEquals("1 with a repeat of 4 checked", note("repeat-rate"));
        assertEquals("1m 00s", stat("first-reply"));
        assertEquals("p90 2m 00s · 3 replied", note("first-reply"));
        assertEquals("10m 00s", stat("resolve"));
        assertEquals("p90 1h 00m · 5 resolved", note("resolve"));
        assertEquals("67%", stat("handoff-rate"));
        assertEquals("33%", stat("answer-rate"));
        assertEquals("3 of 9 answered from the knowledge base", note("answer-rate"));
        assertEquals("1", stat("down-after-answer"));
        assertEquals("of 2 rated after a bot answer (50%)", note("down-after-answer"));

        // Person, handoffs, asked, answers, 👍, 👎, 👍 share, comments, checked, repeats, repeat rate, reply p50, ...
        assertEquals(List.of("Sam", "2", "2", "2", "1", "1", "50%", "0", "2", "1", "50%", "30s", "2m 00s"),
                cells("#care-by-person tr[data-group='person:sam']").subList(0, 13));
        assertEquals(List.of("Alex", "4", "2", "1", "1", "0", "100%", "1", "2", "0", "0%"),
                cells("#care-by-person tr[data-group='person:alex']").subList(0, 11));
        assertEquals(List.of("billing", "3"), cells("#care-by-rule tr[data-group='rule:billing']").subList(0, 2));
        List<String> w24 = cells("#care-by-week tr[data-group='week:2024-W24']");
        assertEquals(List.of("2024-W24", "3", "3", "3", "2", "1", "67%"), w24.subList(0, 7));
        assertEquals(List.of("5", "40%", "60%"), w24.subList(w24.size() - 3, w24.size()), "decisions, answer and handoff rate");
        assertEquals(List.of("anger", "3", "33%"), cells("#care-by-reason tr[data-reason='anger']"));
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-weekly"), "data-points", "2"));
        chromium.fullPage("care");

        String csv = fetch(browser.findElement(By.id("csv-week")).getAttribute("href"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("2024-W24,3,3,3,2,1,1,0.6667,3,1,0.3333,")), csv);

        // The repeat count lists the one handoff behind it; its page shows the rating and the two messages.
        click(By.cssSelector("#care-totals a.figure-link[data-group='all'][data-figure='repeats']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("care-behind")));
        assertEquals("With a repeat · All handoffs", text("#care-behind-title"));
        List<WebElement> listed = browser.findElements(By.cssSelector("#care-behind-list li"));
        assertEquals(1, listed.size());
        assertEquals(String.valueOf(written.h2().id()), listed.get(0).getAttribute("data-handoff-id"));
        click(By.cssSelector("#care-behind-list li a"));
        wait.until(ExpectedConditions.urlMatches(".*/handoffs/" + written.h2().id() + "$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("care-card")));
        assertEquals("down", browser.findElement(By.id("aftercare-verdict")).getAttribute("data-verdict"));
        assertEquals("customer_restated", browser.findElement(By.id("repeat")).getAttribute("data-kind"));
        assertEquals(CareHistory.EARLIER, text("#repeat-earlier .text"));
        assertEquals(CareHistory.RESTATED, text("#repeat-repeated .text"));
        WebElement earlier = browser.findElement(By.id("repeat-earlier"));
        WebElement repeated = browser.findElement(By.id("repeat-repeated"));
        assertEquals(earlier.getLocation().getY(), repeated.getLocation().getY(), "side by side");
        assertTrue(earlier.getLocation().getX() < repeated.getLocation().getX(), "the earlier one first");
        String line = browser.findElement(By.cssSelector("#repeat-repeated a")).getAttribute("href").replaceAll(".*#", "#");
        assertEquals(CareHistory.RESTATED, text(line + " .text"), "the link leads to the message in the transcript");
        chromium.section("handoff-aftercare", browser.findElement(By.id("care-card")));

        // H1: rated 👍 with a comment, checked and nobody repeated anything.
        browser.get(baton.consoleUrl() + "/handoffs/" + written.h1().id());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("care-card")));
        assertEquals("up", browser.findElement(By.id("aftercare-verdict")).getAttribute("data-verdict"));
        assertEquals(CareHistory.COMMENT, text("#aftercare-comment"));
        assertEquals("none", browser.findElement(By.id("repeat")).getAttribute("data-kind"));
    }

    private String stat(String key) {
        return text("#care-totals [data-stat='" + key + "'] .stat-value");
    }

    private String note(String key) {
        return text("#care-totals [data-stat='" + key + "'] .muted");
    }

    private void logIn(String user, String password) {
        browser.get(baton.consoleUrl() + "/login");
        type(By.id("login-username"), user);
        type(By.id("login-password"), password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-name")));
    }

    private String fetch(String href) {
        @SuppressWarnings("unchecked")
        Map<String, Object> response = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async (r) => done({status: r.status, body: await r.text()}));
                """, href);
        assertEquals(200L, response.get("status"));
        return (String) response.get("body");
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).getText();
    }

    private List<String> cells(String rowCss) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(rowCss)))
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private void type(By field, String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(field));
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks as a person would: scrolled to the middle of the window, clear of the sticky top bar. */
    private void click(By button) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(button));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
