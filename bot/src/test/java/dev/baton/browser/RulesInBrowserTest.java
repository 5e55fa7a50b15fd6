package dev.baton.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.discord.fake.PostedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rules pages in a real browser, against the whole of Baton and a fake Discord. The first test is
 * the "done when": Sam, the community manager, moves angry billing customers from Alex to
 * himself without restarting Baton. He edits rules.yaml in the console, checks it (a typo, then the
 * fix), tries a conversation under the live rules and his draft, replays the last day, applies it and
 * watches the next angry customer come to him; a broken edit of the file on disk is refused; Alex's
 * feedback shows on the rules health page.
 */
class RulesInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SAM_PASSWORD = "sam's long passphrase";
    private static final String ALEX_PASSWORD = "alex's long passphrase";

    /** What is live when Baton starts: billing questions go to the billing team, that is Alex. */
    private static final String RULES = """
            # Lumen Makers: who gets which handoff.
            routes:

              - name: grief and anxiety to Sam
                when:
                  cue: [sadness_grief, anxiety]
                then:
                  person: sam
                  priority: high

              - name: billing to the billing team
                when:
                  topic: billing
                then:
                  team: billing

            default:
              team: support
            """;
    /** rules.yaml as Sam wants it: angry customers come to him first, whatever they are about. */
    private static final String DRAFT = """
            # Lumen Makers: who gets which handoff.
            routes:

              - name: angry customers to Sam
                when:
                  cue: anger
                then:
                  person: sam
                  priority: high

              - name: grief and anxiety to Sam
                when:
                  cue: [sadness_grief, anxiety]
                then:
                  person: sam
                  priority: high

              - name: billing to the billing team
                when:
                  topic: billing
                then:
                  team: billing

            default:
              team: support
            """;
    /** What Sam types at the end of the {@code routes:} line: the new route, with a typo in one key. */
    private static final String TYPED = "\n" + DRAFT.substring(DRAFT.indexOf("\n  - name: angry"),
            DRAFT.indexOf("\n\n  - name: grief")).replace("person: sam", "persn: sam");

    private static final String ANGRY_ANN = "My Lumen Plus subscription renewed after I cancelled and I got charged again."
            + " This is a scam, I'm furious!";
    private static final String ANGRY_BEA = "You took my money for Lumen Plus again after I cancelled. This is outrageous,"
            + " refund me now!";
    private static final String ANGRY_CY = "Third invoice this month for the same Lumen Plus subscription. I am absolutely"
            + " livid, fix this billing mess!";
    private static final String ANGRY_EVE = "Why was I charged for Lumen Plus after cancelling? Unacceptable, I am so angry!";
    private static final String ANGRY_FAY = "Lumen Plus charged my card twice this month. Refund me now, I'm furious!";

    @TempDir
    Path dir;
    private LiveBaton baton;
    private Chromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        chromium = Chromium.start();
        browser = chromium.driver();
        wait = chromium.waiting(WAIT);
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
    void aManagerEditsARuleSeesTheReplayAppliesItAndWatchesRoutingChangeWithoutARestart() throws IOException {
        baton = LiveBaton.withRules(dir, RULES);
        ConsoleClient admin = ConsoleClient.logIn(baton.consoleUrl(), "admin", LiveBaton.ADMIN_PASSWORD);
        String samSetup = admin.post("/api/accounts", Map.of("username", "sam", "role", "manager")).get("setupUrl").asText();
        String alexSetup = admin.post("/api/accounts", Map.of("username", "alex", "role", "agent")).get("setupUrl").asText();

        // Yesterday's and today's customers: three angry billing complaints go to Alex, a question is answered.
        long ann = baton.ann;
        long bea = baton.fake.addMember("bea");
        long cy = baton.fake.addMember("cy");
        assertTrue(noticeTo(customerWrites(ann, ANGRY_ANN)).contains("Alex"));
        assertTrue(noticeTo(customerWrites(bea, ANGRY_BEA)).contains("Alex"));
        assertTrue(noticeTo(customerWrites(cy, ANGRY_CY)).contains("Alex"));
        assertTrue(noticeTo(customerWrites(baton.fake.addMember("dee"), "where do i download the lumen slicer?"))
                .contains("lumen.example.org/download"), "answered from the knowledge base");

        // Sam signs in and opens the rules.
        setUpPassword(samSetup, "Sam", SAM_PASSWORD);
        click(By.id("nav-rules"));
        wait.until(ExpectedConditions.urlMatches(".*/rules$"));
        String liveVersion = waitForText(By.id("live-version"), v -> !v.equals("…"));
        assertEquals(RULES, editorText());
        assertTrue(browser.findElement(By.id("draft-status")).getText().startsWith("No draft"));

        // He adds a route above the others, with a typo, and checks it.
        type(By.id("goto-line"), String.valueOf(lineOf(RULES, "routes:")));
        click(By.id("goto-go"));
        new Actions(browser).sendKeys(Keys.END).sendKeys(TYPED).perform();
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#file-tabs button[data-file='rules.yaml']"),
                "class", "changed"));
        assertTrue(browser.findElement(By.id("draft-status")).getText().contains("Draft changes rules.yaml"));
        click(By.id("check"));
        int typoLine = lineOf(DRAFT, "person: sam\n      priority: high");
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#problems li[data-file='rules.yaml'][data-line='" + typoLine + "'][data-column='7']")));
        assertTrue(problem.getText().startsWith("rules.yaml:" + typoLine + ":7: unknown key `persn`"), problem.getText());
        assertTrue(problem.getText().contains("did you mean `person`?"), problem.getText());
        assertEquals(1, browser.findElements(By.cssSelector("#problems li")).size());

        // The problem is a link to the spot; he types over the misspelt key and checks again.
        click(By.cssSelector("#problems li button.problem-link"));
        assertEquals("line " + typoLine + ", column 7", browser.findElement(By.id("cursor-pos")).getText());
        new Actions(browser).sendKeys("person: sam").perform();
        assertEquals(DRAFT, editorText());
        click(By.id("check"));
        wait.until(ExpectedConditions.textToBe(By.id("check-status"), "Your draft: no problems. It could go live."));
        assertTrue(browser.findElements(By.cssSelector("#problems li")).isEmpty());
        chromium.section("rules-editor", browser.findElement(By.cssSelector(".subnav")),
                browser.findElement(By.id("problems")));

        // Try it: the live rules give an angry billing customer to Alex, the draft to Sam.
        type(By.id("try-conversation"), "customer: " + ANGRY_FAY);
        click(By.id("try-run"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#try-draft [data-testid='try-decision']")));
        assertEquals("Alex", text("#try-live .try-assignee"));
        assertTrue(text("#try-live .try-rule").startsWith("billing to the billing team"), text("#try-live .try-rule"));
        assertEquals("normal", text("#try-live .try-priority"));
        assertEquals("Sam", text("#try-draft .try-assignee"));
        assertEquals("angry customers to Sam (line 4)", text("#try-draft .try-rule"));
        assertEquals("high", text("#try-draft .try-priority"));
        assertFalse(browser.findElements(By.cssSelector("#try-draft [data-differs='true'] .try-assignee")).isEmpty(),
                "the draft's side marks who gets it as different");
        assertTrue(text("#try-draft .try-notice").contains("handing it to Sam"), text("#try-draft .try-notice"));
        assertTrue(text("#try-live .try-notice").contains("handing it to Alex"), text("#try-live .try-notice"));
        assertFalse(browser.findElements(By.cssSelector("#try-live li.cue[data-kind='anger']")).isEmpty());
        chromium.section("rules-try-it", browser.findElement(By.id("try-panel")));

        // Replay the last 24 hours: the three angry billing handoffs move from Alex to Sam.
        new Select(browser.findElement(By.id("replay-period"))).selectByValue("24h");
        click(By.id("replay-run"));
        String summary = waitForText(By.id("replay-summary"), s -> !s.isBlank());
        assertTrue(summary.startsWith("3 handoffs in the last 24 hours under the draft"), summary);
        assertTrue(summary.contains("3 to Sam"), summary);
        String meta = text("#replay-meta");
        assertTrue(meta.matches("4 stored conversations from .*, replayed in (\\d+ ms|\\d+\\.\\d s)\\."), meta);
        assertFalse(meta.contains(" 0.0 s"), "a quick replay is timed in milliseconds: " + meta);
        assertEquals(List.of("Alex", "3", "0", "\u22123"), cells("#replay-by-person tr[data-name='Alex']"));
        assertEquals(List.of("Sam", "0", "3", "+3"), cells("#replay-by-person tr[data-name='Sam']"));
        assertEquals(List.of("angry customers to Sam", "0", "3", "+3"),
                cells("#replay-by-rule tr[data-name='angry customers to Sam']"));
        List<WebElement> changed = browser.findElements(By.cssSelector("#replay-changed tr[data-change='rerouted']"));
        assertEquals(List.of("ann", "bea", "cy"), changed.stream()
                .map(row -> row.findElement(By.cssSelector("a.open-link")).getText()).sorted().toList());
        assertEquals(3, browser.findElements(By.cssSelector("#replay-changed tr")).size(), "only those change");
        assertTrue(changed.get(0).getText().contains("→ Alex") && changed.get(0).getText().contains("→ Sam"),
                changed.get(0).getText());
        chromium.section("rules-replay", browser.findElement(By.id("replay-panel")));

        // He opens one of them: Ann's handoff, with what she wrote and the rule that gave it to Alex.
        click(By.xpath("//tbody[@id='replay-changed']//a[@class='open-link'][text()='ann']"));
        wait.until(ExpectedConditions.urlMatches(".*/handoffs/\\d+$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "I got charged again"));
        assertEquals("ann", text("#customer-name"));
        assertEquals("Rule: billing to the billing team", text("#handoff-rule"));

        // Back on the rules page his draft is still there (kept in the browser); he applies it.
        browser.navigate().back();
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#file-tabs button[data-file='rules.yaml']"),
                "class", "changed"));
        assertEquals(DRAFT, editorText());
        click(By.id("apply"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-status"), "Applied: rules.yaml is live."));
        assertFalse(liveVersion.equals(text("#live-version")), "a new live version");
        assertTrue(text("#draft-status").startsWith("No draft"), text("#draft-status"));
        assertEquals(DRAFT, Files.readString(baton.config.resolve("rules.yaml")), "the file on disk is the draft");

        // The next angry customer goes to Sam, in Discord and in the queue he watches: no restart.
        click(By.id("nav-queue"));
        wait.until(ExpectedConditions.attributeContains(By.id("live-status"), "class", "on"));
        String eveNotice = noticeTo(customerWrites(baton.fake.addMember("eve"), ANGRY_EVE));
        assertTrue(eveNotice.contains("handing it to Sam from support"), eveNotice);
        assertFalse(eveNotice.contains("Alex"), eveNotice);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(queueRow("eve"), "Sam"));
        assertFalse(browser.findElement(queueRow("eve")).getText().contains("Alex"));

        // A broken edit of rules.yaml on disk, as with a text editor on the server, is refused.
        Files.writeString(baton.config.resolve("rules.yaml"), DRAFT.replace("cue: anger", "cue: angry"));
        int brokenLine = lineOf(DRAFT, "cue: anger");
        JsonNode refused = new FluentWait<>(admin).withTimeout(WAIT).pollingEvery(Duration.ofMillis(200))
                .until(client -> {
                    JsonNode rejected = client.get("/api/rules/status").get("lastRejected");
                    return rejected.isNull() ? null : rejected;
                });
        assertEquals("file", refused.get("actor").asText());
        // ...so the rules Sam applied stay live.
        String fayNotice = noticeTo(customerWrites(baton.fake.addMember("fay"), ANGRY_FAY));
        assertTrue(fayNotice.contains("handing it to Sam from support"), fayNotice);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-rejected-banner")));
        assertTrue(text("#rules-rejected-text").contains("(1 problem); the rules that were live before stay live"),
                text("#rules-rejected-text"));
        click(By.id("nav-rules"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-rejected")));
        assertTrue(text("#rules-rejected-title").contains("by an edit on disk; the rules that were live before stay live"),
                text("#rules-rejected-title"));
        String banner = text("#rules-rejected-problems");
        assertTrue(banner.startsWith("rules.yaml:" + brokenLine + ":"), banner);
        assertTrue(banner.contains("angry"), banner);
        assertEquals(DRAFT, editorText(), "the editor shows what is live, not the refused file");

        // The change history: the refused edit on disk, and Sam's change with its diff.
        click(By.id("subnav-changes"));
        WebElement applied = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#changes-list article.change[data-status='applied'][data-file='rules.yaml']")));
        assertEquals("by Sam", applied.findElement(By.cssSelector(".change-who")).getText());
        assertTrue(applied.findElements(By.cssSelector("pre.diff span.diff-line.add")).stream()
                .anyMatch(line -> line.getText().equals("+  - name: angry customers to Sam")));
        assertTrue(applied.findElements(By.cssSelector("pre.diff span.diff-line.del")).isEmpty(), "only added lines");
        WebElement rejected = browser.findElement(By.cssSelector("#changes-list article.change"));
        assertEquals("rejected", rejected.getAttribute("data-status"), "the newest first");
        assertEquals("by an edit on disk", rejected.findElement(By.cssSelector(".change-who")).getText());
        String refusedProblem = rejected.findElement(By.cssSelector(".problem-list li")).getText();
        assertTrue(refusedProblem.startsWith("rules.yaml:" + brokenLine + ":12: unknown cue `angry`"), refusedProblem);
        chromium.fullPage("rules-changes");
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));

        // Alex, an agent, picks up Bea's handoff and says it needed a person.
        setUpPassword(alexSetup, "Alex", ALEX_PASSWORD);
        assertTrue(browser.findElements(By.id("nav-rules")).isEmpty(), "agents have no rules pages");
        click(By.xpath("//tr[@data-testid='queue-row']//a[@class='name'][text()='bea']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "You took my money"));
        click(By.id("action-claim"));
        wait.until(ExpectedConditions.attributeContains(By.id("state-badge"), "class", "state-claimed"));
        click(By.cssSelector("#feedback-box button[data-feedback='needed_person']"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#feedback-box button[data-feedback='needed_person']"),
                "aria-pressed", "true"));
        assertEquals("Alex: Needed a person", text("#feedback-list li[data-kind='needed_person'][data-actor='alex']")
                .replaceAll(" · .*", ""));
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));

        // Sam sees it on the rules health page, per rule, and downloads the table.
        logIn("sam", SAM_PASSWORD);
        browser.get(baton.consoleUrl() + "/rules/health");
        WebElement billing = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#health-rules tr[data-name='billing to the billing team']")));
        // Rule, handoffs, needed person, bot could answer, sooner, asked again, precision, ...
        List<String> billingRow = cells("#health-rules tr[data-name='billing to the billing team']");
        assertEquals(List.of("billing to the billing team", "3", "1", "0", "0", "0", "100%"), billingRow.subList(0, 7),
                billing.getText());
        assertEquals(List.of("angry customers to Sam", "2", "0"),
                cells("#health-rules tr[data-name='angry customers to Sam']").subList(0, 3));
        wait.until(ExpectedConditions.attributeToBe(By.id("chart-rules"), "data-points", "2"));
        chromium.fullPage("rules-health");
        String href = browser.findElement(By.id("csv-rules")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> csv = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async (r) => done({status: r.status, type: r.headers.get('content-type'),
                  body: await r.text()}));
                """, href);
        assertEquals(200L, csv.get("status"));
        assertTrue(String.valueOf(csv.get("type")).startsWith("text/csv"), String.valueOf(csv.get("type")));
        String body = (String) csv.get("body");
        assertTrue(body.lines().anyMatch(line -> line.startsWith("billing to the billing team,3,1,0,0,0,")), body);
        assertTrue(body.lines().anyMatch(line -> line.startsWith("angry customers to Sam,2,0,")), body);
    }

    @Test
    void markupInARouteNameOrInWhatACustomerWroteStaysTextOnTheRulesPages() {
        String route = "<img src=x onerror=window.pwned=1> refunds";
        String rules = """
                routes:
                  - name: "%s"
                    when:
                      cue: anger
                    then:
                      person: sam
                default:
                  team: billing
                """.formatted(route);
        baton = LiveBaton.withRules(dir, rules);
        String message = "<img src=x onerror=window.pwned=2> You charged me twice for Lumen Plus, I am furious, refund it now!";
        assertTrue(noticeTo(customerWrites(baton.ann, message)).contains("Sam"));
        logIn("admin", LiveBaton.ADMIN_PASSWORD);

        click(By.cssSelector("tr[data-testid='queue-row'] a"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), message));
        assertEquals("Rule: " + route, text("#handoff-rule"));
        assertRanNothing();

        click(By.id("nav-rules"));
        waitForText(By.id("live-version"), v -> !v.equals("…"));
        assertEquals(rules, editorText());
        type(By.id("try-conversation"), "customer: " + message);
        click(By.id("try-run"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#try-draft [data-testid='try-decision']")));
        assertEquals(route + " (line 2)", text("#try-live .try-rule"));
        assertTrue(text("#try-live li.cue[data-kind='anger']").contains("furious"));
        String key = "<b onmouseover=window.pwned=3>bold</b>";
        type(By.id("rules-editor"), rules + key + ": 1\n");
        click(By.id("check"));
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problems li")));
        assertTrue(problem.getText().contains("`" + key + "`"), problem.getText());
        assertRanNothing();

        String renamed = rules.replace(" refunds", " refunds, v2");
        type(By.id("rules-editor"), renamed);
        new Select(browser.findElement(By.id("replay-period"))).selectByValue("24h");
        click(By.id("replay-run"));
        WebElement changed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#replay-changed tr[data-change]")));
        assertTrue(changed.getText().contains("(rule " + route + ")"), changed.getText());
        assertEquals(List.of(route, "1", "0", "\u22121"), cells("#replay-by-rule tr[data-name='" + route + "']"));
        assertRanNothing();

        click(By.id("subnav-health"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#health-rules tr[data-name='" + route + "']")));
        assertEquals(List.of(route, "1"), cells("#health-rules tr[data-name='" + route + "']").subList(0, 2));
        assertRanNothing();

        browser.navigate().back();
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#file-tabs button[data-file='rules.yaml']"),
                "class", "changed"));
        click(By.id("apply"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-status"), "Applied"));
        click(By.id("subnav-changes"));
        WebElement removed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#changes-list pre.diff span.diff-line.del")));
        assertEquals("-  - name: \"" + route + "\"", removed.getText());
        assertRanNothing();
    }

    /** Nothing a customer or a rules file said ran as script or became markup on the page. */
    private void assertRanNothing() {
        assertEquals(null, browser.executeScript("return window.pwned === undefined ? null : window.pwned;"));
        assertTrue(browser.findElements(By.cssSelector("main img, main b")).isEmpty(), "markup in the page");
    }

    // ------------------------------------------------------------------------------ Discord

    private long customerWrites(long customer, String text) {
        return baton.fake.sendMessage(baton.support, customer, text);
    }

    /** What Baton posted in the thread it started from the customer's message. */
    private String noticeTo(long customerMessage) {
        long thread = new FluentWait<>(baton.fake).withTimeout(WAIT).pollingEvery(Duration.ofMillis(20))
                .until(fake -> fake.threads().stream().filter(t -> Long.valueOf(customerMessage).equals(t.starterMessageId()))
                        .map(t -> t.id()).findFirst().orElse(null));
        PostedMessage notice = baton.fake.awaitPostedMessage(m -> m.channelId() == thread && !m.viaWebhook(), WAIT);
        return notice.content();
    }

    // ------------------------------------------------------------------------------ browser

    private void setUpPassword(String setupLink, String name, String password) {
        browser.get(setupLink);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("setup-who"), name));
        type(By.id("setup-password"), password);
        type(By.id("setup-password2"), password);
        click(By.id("setup-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), name));
    }

    private void logIn(String user, String password) {
        browser.get(baton.consoleUrl() + "/login");
        type(By.id("login-username"), user);
        type(By.id("login-password"), password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-name")));
    }

    /** The row of this customer's open handoff in the queue (which shows everyone's unless asked for "mine"). */
    private static By queueRow(String customer) {
        return By.xpath("//tr[@data-testid='queue-row'][.//a[@class='name'][text()='" + customer + "']]");
    }

    private String editorText() {
        return browser.findElement(By.id("rules-editor")).getAttribute("value");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private List<String> cells(String rowCss) {
        return browser.findElement(By.cssSelector(rowCss)).findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList();
    }

    private String waitForText(By element, java.util.function.Predicate<String> done) {
        return wait.until(driver -> {
            String text = driver.findElement(element).getText();
            return done.test(text) ? text : null;
        });
    }

    private static int lineOf(String text, String what) {
        int at = text.indexOf(what);
        assertTrue(at >= 0, what);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
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
