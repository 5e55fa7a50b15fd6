package dev.baton.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.discord.fake.PostedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's whole afternoon in a real browser, against the whole of Baton and a fake Discord: the
 * admin makes Alex an account, Alex sets a password from the setup link, a customer's handoff shows
 * up in Alex's open queue without a reload, and Alex opens it, claims it, replies (the reply arrives
 * in the customer's Discord thread under Alex's name) and resolves it.
 */
class ConsoleInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALEX_PASSWORD = "alex's long passphrase";

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
        baton = new LiveBaton(dir);
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
    void aPersonPicksUpAHandoffLiveClaimsItRepliesIntoDiscordAndResolvesIt() {
        logIn("admin", LiveBaton.ADMIN_PASSWORD);
        String setupLink = createAccount("alex", "agent");
        chromium.screenshot("manage");
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));

        browser.get(setupLink);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("setup-who"), "Alex"));
        type(By.id("setup-password"), ALEX_PASSWORD);
        type(By.id("setup-password2"), ALEX_PASSWORD);
        click(By.id("setup-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), "Alex"));
        wait.until(ExpectedConditions.attributeContains(By.id("live-status"), "class", "on"));
        String queueUrl = browser.getCurrentUrl();

        long customerMessage = baton.fake.sendMessage(baton.support, baton.ann,
                "I was charged twice for Lumen Plus this month and nobody answers. This is a scam, I'm furious!");
        baton.fake.sendMessage(baton.support, baton.ann, "<img src=x onerror=\"window.pwned=1\"> [refund](http://evil.example)");
        // The row is redrawn as the second message updates the handoff: read it (and click it) through the
        // wait, which looks again when the element it found was replaced.
        By queueRow = By.cssSelector("tr[data-testid='queue-row'][data-handoff-id]");
        String rowText = wait.until(d -> d.findElement(queueRow).getText());
        assertEquals(queueUrl, browser.getCurrentUrl(), "the handoff appeared without leaving or reloading the page");
        assertTrue(rowText.contains("ann"), rowText);
        assertTrue(rowText.contains("Alex"), "routed to Alex (billing): " + rowText);
        chromium.screenshot("queue");

        wait.until(d -> {
            d.findElement(queueRow).findElement(By.cssSelector("a")).click();
            return true;
        });
        wait.until(ExpectedConditions.urlMatches(".*/handoffs/\\d+$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript li.line[data-author='customer']")));
        WebElement transcript = browser.findElement(By.id("transcript"));
        assertTrue(transcript.getText().contains("charged twice"), transcript.getText());
        assertFalse(browser.findElements(By.cssSelector("#transcript mark")).isEmpty(), "the evidence is highlighted");

        click(By.id("action-claim"));
        wait.until(ExpectedConditions.attributeContains(By.id("state-badge"), "class", "state-claimed"));

        type(By.id("reply-text"), "I'm sorry about the double charge. I've refunded the second one just now.");
        click(By.id("reply-send"));
        wait.until(ExpectedConditions.attributeToBe(By.id("reply-status"), "data-delivered", "true"));
        assertEquals("webhook", browser.findElement(By.id("reply-status")).getAttribute("data-via"));
        long thread = threadOf(customerMessage);
        PostedMessage reply = baton.fake.awaitPostedMessage(m -> m.channelId() == thread && m.viaWebhook(), WAIT);
        assertEquals("Alex", reply.authorName());
        assertTrue(reply.content().contains("refunded the second one"), reply.content());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript li.line[data-author='staff']")));
        chromium.fullPage("handoff");

        new Select(browser.findElement(By.id("resolve-outcome"))).selectByValue("solved");
        click(By.id("action-resolve"));
        wait.until(ExpectedConditions.attributeContains(By.id("state-badge"), "class", "state-resolved"));

        // The hostile message is shown as the literal text the customer typed, and ran nothing.
        String text = browser.findElement(By.id("transcript")).getText();
        assertTrue(text.contains("<img src=x onerror=\"window.pwned=1\">"), text);
        assertEquals(null, browser.executeScript("return window.pwned;"));
        assertTrue(browser.findElements(By.cssSelector("#transcript img, #transcript a[href^='http://evil']")).isEmpty());
    }

    @Test
    void aNewcomerTriesBatonInThePlaygroundAndPractisesOnAHandoffThatNeverReachesDiscord() {
        logIn("admin", LiveBaton.ADMIN_PASSWORD);
        click(By.id("nav-playground"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("practice-banner")));

        say("where do i download the lumen slicer?");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='pg-action'][data-action='answer']")));
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pg-answer")));
        assertFalse(answer.getText().isBlank(), "the answer Baton would give is shown");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pg-conversation li[data-author='bot']"), 1));

        say("My dad passed away last week and I need to get into his Lumen Plus account.");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='pg-action'][data-action='handoff']")));
        assertEquals("Sam", browser.findElement(By.id("pg-assignee")).getText(),
                "grief goes to the person who takes sensitive conversations");
        WebElement reason = browser.findElement(By.cssSelector(".chip.reason[data-reason='sadness_grief']"));
        assertEquals("grief", reason.getText(), "named as Baton labels the cue (GET /api/cues)");
        assertTrue(reason.getAttribute("class").contains("sens-1"), "and ranked as Baton ranks it");
        chromium.fullPage("playground");

        int postedBefore = baton.fake.postedMessages().size();
        click(By.id("pg-practice"));
        click(By.id("pg-practice-link"));
        wait.until(ExpectedConditions.urlMatches(".*/handoffs/\\d+$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript li.line[data-author='customer']")));
        assertTrue(browser.findElement(By.tagName("body")).getText().toLowerCase().contains("practice"));
        assertEquals(postedBefore, baton.fake.postedMessages().size(), "nothing reached Discord");
    }

    private void say(String text) {
        type(By.id("pg-input"), text);
        click(By.id("pg-send"));
    }

    private void logIn(String user, String password) {
        browser.get(baton.consoleUrl() + "/login");
        type(By.id("login-username"), user);
        type(By.id("login-password"), password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-name")));
    }

    /** Creates the account on the manage page and returns the one-time setup link it shows. */
    private String createAccount(String rosterId, String role) {
        click(By.id("nav-manage"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-username option[value='" + rosterId + "']")));
        new Select(browser.findElement(By.id("account-username"))).selectByValue(rosterId);
        new Select(browser.findElement(By.id("account-role"))).selectByValue(role);
        click(By.id("account-create"));
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-link")));
        String url = link.getTagName().equals("input") ? link.getAttribute("value") : link.getText();
        assertTrue(url.contains("/setup?token="), url);
        return url;
    }

    private long threadOf(long starterMessageId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> ids = baton.fake.threads().stream()
                    .filter(t -> Long.valueOf(starterMessageId).equals(t.starterMessageId())).map(t -> t.id()).toList();
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            sleep();
        }
        throw new AssertionError("Baton started no thread from the customer's message");
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

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
