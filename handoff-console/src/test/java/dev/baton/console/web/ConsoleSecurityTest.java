package dev.baton.console.web;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.WebClient;
import dev.baton.console.api.Account;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleSecurityTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private WebClient agent() {
        return console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
    }

    private WebClient manager() {
        return console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
    }

    @Test
    void theApiAnswers401WithoutASession() {
        WebClient anonymous = console.client();
        for (String path : List.of("/api/me", "/api/queue", "/api/staff", "/api/handoffs/1", "/api/events",
                "/api/accounts", "/api/access-log", "/metrics")) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(401, response.statusCode(), path);
            assertEquals("not logged in", json(response).get("error").asText(), path);
        }
        assertEquals(401, anonymous.post("/api/handoffs/1/claim", Map.of()).statusCode());
    }

    @Test
    void pagesRedirectToLoginWithoutASession() {
        WebClient anonymous = console.client();
        for (String path : List.of("/", "/handoffs/1", "/playground", "/manage", "/account")) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(302, response.statusCode(), path);
            assertEquals("/login", response.headers().firstValue("Location").orElseThrow(), path);
        }
        assertEquals(200, anonymous.get("/login").statusCode());
        assertEquals(200, anonymous.get("/setup").statusCode());
    }

    @Test
    void theLoginPageSendsSomeoneLoggedInToTheQueue() {
        HttpResponse<String> response = agent().get("/login");
        assertEquals(302, response.statusCode());
        assertEquals("/", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aForgedSessionCookieIsNoSession() {
        WebClient forged = console.client();
        forged.cookie(Guard.SESSION_COOKIE, "made-up-session-id");
        assertEquals(401, forged.get("/api/me").statusCode());
    }

    @Test
    void loggingInSetsAHostPrefixedSecureHttpOnlyStrictCookieAndANewSessionId() {
        WebClient browser = console.client();
        browser.cookie(Guard.SESSION_COOKIE, "planted-by-an-attacker");
        HttpResponse<String> response = browser.tryLogin(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
        assertEquals(200, response.statusCode());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Guard.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertNotEquals("planted-by-an-attacker", browser.cookie(Guard.SESSION_COOKIE));
        assertTrue(browser.cookie(Guard.SESSION_COOKIE).length() >= 22);
        var me = json(browser.get("/api/me"));
        assertEquals("alice", me.get("username").asText());
        assertEquals("Alice Moreau", me.get("name").asText());
        assertEquals("agent", me.get("role").asText());
        assertEquals(browser.csrf(), me.get("csrfToken").asText());
        assertTrue(console.accessLog.has("alice", "logged in"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrong = console.client().tryLogin(ConsoleFixture.AGENT, "not the password");
        HttpResponse<String> unknown = console.client().tryLogin("nobody", "not the password");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertTrue(console.accessLog.has("alice", "login failed"));
        assertTrue(wrong.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(Guard.SESSION_COOKIE)));
    }

    @Test
    void fiveWrongPasswordsLockTheLoginWith429AndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, console.client().tryLogin(ConsoleFixture.AGENT, "guess " + i).statusCode());
        }
        HttpResponse<String> locked = console.client().tryLogin(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
        assertEquals(429, locked.statusCode());
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertTrue(json(locked).get("error").asText().contains("try again"));
    }

    @Test
    void loggingInWithoutTheFormTokenIsRefused() {
        WebClient browser = console.client();
        HttpResponse<String> response = browser.send(browser.request("/api/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"correct horse battery\"}")));
        assertEquals(403, response.statusCode());
        browser.formToken();
        HttpResponse<String> wrongToken = browser.send(browser.request("/api/login")
                .header("Content-Type", "application/json").header("X-CSRF-Token", "not-the-cookie")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"correct horse battery\"}")));
        assertEquals(403, wrongToken.statusCode());
    }

    @Test
    void anAgentCannotDoManagerThings() {
        WebClient agent = agent();
        assertEquals(403, agent.get("/api/access-log").statusCode());
        assertEquals(403, agent.get("/api/accounts").statusCode());
        assertEquals(403, agent.get("/metrics").statusCode());
        assertEquals(403, agent.get("/manage").statusCode());
        assertEquals(403, agent.post("/api/accounts", Map.of("username", "bob", "role", "manager")).statusCode());
        assertEquals(403, agent.put("/api/accounts/alice", Map.of("role", "manager")).statusCode());
        assertEquals(403, agent.delete("/api/accounts/carol").statusCode());
        assertEquals(Account.Role.AGENT, console.accounts.find("alice").orElseThrow().role());
        assertTrue(console.accounts.find("carol").isPresent());
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebClient agent = agent();
        console.backend.clearCalls();
        String token = agent.csrf();
        agent.csrf(null);
        assertEquals(403, agent.post("/api/handoffs/1/claim", Map.of()).statusCode());
        agent.csrf("wrong-" + token);
        HttpResponse<String> wrong = agent.post("/api/handoffs/1/claim", Map.of());
        assertEquals(403, wrong.statusCode());
        assertTrue(json(wrong).get("error").asText().contains("CSRF"));
        assertEquals(403, agent.post("/api/logout", Map.of()).statusCode());
        assertTrue(console.backend.calls().isEmpty(), console.backend.calls().toString());
        assertEquals("waiting", console.backend.get(1).state());
        agent.csrf(token);
        assertEquals(200, agent.get("/api/me").statusCode(), "the session survives");
    }

    @Test
    void anotherSessionsCsrfTokenDoesNotWork() {
        WebClient agent = agent();
        WebClient manager = manager();
        agent.csrf(manager.csrf());
        assertEquals(403, agent.post("/api/handoffs/1/claim", Map.of()).statusCode());
    }

    @Test
    void aCrossSiteRequestIsRefusedEvenWithTheRightToken() {
        WebClient agent = agent();
        console.backend.clearCalls();
        HttpResponse<String> fromElsewhere = agent.send(agent.request("/api/handoffs/1/claim")
                .header("X-CSRF-Token", agent.csrf()).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, fromElsewhere.statusCode());
        HttpResponse<String> crossSite = agent.send(agent.request("/api/handoffs/1/claim")
                .header("X-CSRF-Token", agent.csrf()).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, crossSite.statusCode());
        assertTrue(console.backend.calls().isEmpty());
        HttpResponse<String> sameOrigin = agent.send(agent.request("/api/handoffs/1/claim")
                .header("X-CSRF-Token", agent.csrf()).header("Origin", console.baseUrl())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(200, sameOrigin.statusCode());
    }

    @Test
    void loggingOutEndsTheSession() {
        WebClient agent = agent();
        String session = agent.cookie(Guard.SESSION_COOKIE);
        assertEquals(200, agent.post("/api/logout", Map.of()).statusCode());
        assertEquals(null, agent.cookie(Guard.SESSION_COOKIE), "the cookie is cleared");
        agent.cookie(Guard.SESSION_COOKIE, session);
        assertEquals(401, agent.get("/api/me").statusCode(), "the old id no longer works");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebClient agent = agent();
        for (String path : List.of("/", "/login", "/api/queue", "/api/nothing-here", "/assets/console.css", "/healthz")) {
            HttpResponse<String> response = agent.get(path);
            assertEquals(CSP, response.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        assertEquals("no-store", agent.get("/api/queue").headers().firstValue("Cache-Control").orElse(null));
        assertEquals(401, console.client().get("/api/queue").statusCode());
        assertEquals(CSP, console.client().get("/api/queue").headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void theHealthCheckNeedsNoLogin() {
        HttpResponse<String> response = console.client().get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("ok", json(response).get("status").asText());
        assertEquals("off", json(response).get("discord").asText(), "a console started without Discord's state");
    }

    @Test
    void metricsAreForManagersOnly() {
        HttpResponse<String> response = manager().get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("baton_handoffs_total{reason=\"anger\"} 3"));
    }

    @Test
    void theSeparateMetricsPortServesMetricsWithoutLogin() {
        try (ConsoleFixture withMetrics = ConsoleFixture.builder().metricsPort(0).start()) {
            int port = withMetrics.console.metricsPort().orElseThrow();
            assertNotEquals(withMetrics.console.port(), port);
            WebClient scraper = new WebClient("http://127.0.0.1:" + port);
            HttpResponse<String> response = scraper.get("/metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("baton_handoffs_total"));
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            assertEquals(404, scraper.get("/api/queue").statusCode(), "nothing else is served there");
        }
    }

    @Test
    void theFirstStartSetupLinkWorksOnceAndNotTwice() {
        try (ConsoleFixture fresh = ConsoleFixture.builder().noAccounts().start()) {
            String link = fresh.console.firstSetupLink().orElseThrow();
            assertTrue(link.startsWith(fresh.baseUrl() + "/setup?token="), link);
            String token = link.substring(link.indexOf("token=") + 6);
            assertTrue(token.length() >= 22);
            WebClient browser = fresh.client();
            var info = json(browser.get("/api/setup?token=" + token));
            assertEquals("admin", info.get("username").asText());
            assertEquals("manager", info.get("role").asText());

            String form = browser.formToken();
            HttpResponse<String> tooShort = setup(browser, form, token, "short");
            assertEquals(400, tooShort.statusCode());
            assertTrue(json(tooShort).get("error").asText().contains("at least 10 characters"));

            HttpResponse<String> ok = setup(browser, form, token, "a long admin password");
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("manager", json(ok).get("role").asText());
            assertNotNull(browser.cookie(Guard.SESSION_COOKIE));
            assertEquals("admin", json(browser.get("/api/me")).get("username").asText());
            assertEquals(Account.Role.MANAGER, fresh.accounts.find("admin").orElseThrow().role());

            WebClient again = fresh.client();
            HttpResponse<String> second = setup(again, again.formToken(), token, "another long password");
            assertEquals(404, second.statusCode());
            assertEquals(404, again.get("/api/setup?token=" + token).statusCode());
            assertTrue(fresh.client().tryLogin("admin", "a long admin password").statusCode() == 200);
        }
    }

    @Test
    void noSetupLinkIsMadeWhenAccountsExist() {
        assertTrue(console.console.firstSetupLink().isEmpty());
    }

    @Test
    void theAdminPasswordFromTheEnvironmentMakesTheAdminAManager() {
        try (ConsoleFixture withAdmin = ConsoleFixture.builder().noAccounts().adminPassword("admin password 123").start()) {
            assertTrue(withAdmin.console.firstSetupLink().isEmpty());
            Account admin = withAdmin.accounts.find("admin").orElseThrow();
            assertEquals(Account.Role.MANAGER, admin.role());
            assertFalse(admin.passwordHash().contains("admin password 123"));
            WebClient browser = withAdmin.client().login("admin", "admin password 123");
            assertEquals(200, browser.get("/api/access-log").statusCode());
        }
    }

    @Test
    void aManagerCreatesAnAccountWhoseSetupLinkLetsThePersonIn() {
        WebClient manager = manager();
        HttpResponse<String> created = manager.post("/api/accounts", Map.of("username", "bob", "role", "agent"));
        assertEquals(201, created.statusCode(), created.body());
        String url = json(created).get("setupUrl").asText();
        String token = url.substring(url.indexOf("token=") + 6);
        var pending = json(manager.get("/api/accounts")).get("pending");
        assertEquals("bob", pending.get(0).get("username").asText());

        WebClient bob = console.client();
        assertEquals(200, setup(bob, bob.formToken(), token, "bob's long password").statusCode());
        var me = json(bob.get("/api/me"));
        assertEquals("agent", me.get("role").asText());
        assertEquals("Bob Tanaka", me.get("name").asText());
        assertEquals(409, manager.post("/api/accounts", Map.of("username", "bob", "role", "agent")).statusCode());
        assertFalse(json(manager.get("/api/accounts")).toString().contains("$2"), "no hash ever leaves");
    }

    @Test
    void accountsAreOnlyForPeopleOnTheRoster() {
        HttpResponse<String> response = manager().post("/api/accounts", Map.of("username", "mallory", "role", "agent"));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("username"));
        HttpResponse<String> badRole = manager().post("/api/accounts", Map.of("username", "bob", "role", "boss"));
        assertEquals(400, badRole.statusCode());
        assertTrue(json(badRole).get("error").asText().contains("role"));
    }

    @Test
    void aManagerChangesRolesButTheLastManagerStays() {
        WebClient manager = manager();
        assertEquals(200, manager.put("/api/accounts/alice", Map.of("role", "manager")).statusCode());
        assertEquals(Account.Role.MANAGER, console.accounts.find("alice").orElseThrow().role());
        assertEquals(200, manager.put("/api/accounts/alice", Map.of("role", "agent")).statusCode());
        assertEquals(409, manager.put("/api/accounts/carol", Map.of("role", "agent")).statusCode());
        assertEquals(409, manager.delete("/api/accounts/carol").statusCode());
        assertEquals(404, manager.delete("/api/accounts/nobody").statusCode());
    }

    @Test
    void aDeletedAccountLosesItsSessionAtOnce() {
        WebClient agent = agent();
        assertEquals(200, manager().delete("/api/accounts/alice").statusCode());
        assertEquals(401, agent.get("/api/queue").statusCode());
        assertEquals(401, console.client().tryLogin("alice", ConsoleFixture.PASSWORD).statusCode());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndFollowsThePolicy() {
        WebClient agent = agent();
        WebClient otherTab = agent();
        HttpResponse<String> wrong = agent.post("/api/password", Map.of("current", "nope", "new", "a brand new password"));
        assertEquals(400, wrong.statusCode());
        assertTrue(json(wrong).get("error").asText().contains("current"));
        HttpResponse<String> weak = agent.post("/api/password", Map.of("current", ConsoleFixture.PASSWORD, "new", "weak"));
        assertEquals(400, weak.statusCode());
        assertTrue(json(weak).get("error").asText().contains("10"));
        HttpResponse<String> common = agent.post("/api/password", Map.of("current", ConsoleFixture.PASSWORD, "new", "password123456"));
        assertEquals(400, common.statusCode());
        assertTrue(json(common).get("error").asText().contains("easy to guess"), common.body());
        assertEquals(200, agent.post("/api/password",
                Map.of("current", ConsoleFixture.PASSWORD, "new", "a brand new password")).statusCode());
        assertEquals(200, agent.get("/api/me").statusCode());
        assertEquals(401, otherTab.get("/api/me").statusCode(), "other sessions end");
        assertEquals(200, console.client().tryLogin("alice", "a brand new password").statusCode());
    }

    @Test
    void managersSeeTheAccessLog() {
        agent().get("/api/handoffs/1");
        var entries = json(manager().get("/api/access-log")).get("entries");
        boolean opened = false;
        for (var entry : entries) {
            opened |= entry.get("username").asText().equals("alice")
                    && entry.get("what").asText().equals("opened handoff 1")
                    && entry.get("handoffId").asLong() == 1
                    && entry.get("at").isTextual();
        }
        assertTrue(opened, entries.toString());
    }

    @Test
    void aDemotedManagersPendingSetupLinkNoLongerMakesThemAManager() {
        WebClient manager = manager();
        assertEquals(200, manager.put("/api/accounts/alice", Map.of("role", "manager")).statusCode());
        String token = tokenOf(manager.post("/api/accounts/alice/setup-link", Map.of()));
        assertEquals(200, manager.put("/api/accounts/alice", Map.of("role", "agent")).statusCode());

        WebClient alice = console.client();
        HttpResponse<String> used = setup(alice, alice.formToken(), token, "alice's brand new password");
        assertEquals(404, used.statusCode(), "changing the role withdrew the link: " + used.body());
        assertEquals(Account.Role.AGENT, console.accounts.find("alice").orElseThrow().role());
        assertTrue(json(manager.get("/api/accounts")).get("pending").isEmpty());
    }

    @Test
    void aSetupLinkCarriesNoRoleTheAccountsRoleAppliesWhenItIsUsed() {
        WebClient manager = manager();
        String token = tokenOf(manager.post("/api/accounts/alice/setup-link", Map.of()));
        Account alice = console.accounts.find("alice").orElseThrow();
        console.accounts.save(new Account("alice", alice.passwordHash(), Account.Role.MANAGER, alice.createdAt(),
                alice.passwordSetAt()));
        WebClient browser = console.client();
        HttpResponse<String> used = setup(browser, browser.formToken(), token, "alice's brand new password");
        assertEquals(200, used.statusCode(), used.body());
        assertEquals("manager", json(used).get("role").asText());
    }

    @Test
    void aNewAccountsLinkIsWithdrawnWhenItsRoleChangesOrItIsDeleted() {
        WebClient manager = manager();
        String token = tokenOf(manager.post("/api/accounts", Map.of("username", "bob", "role", "manager")));
        assertEquals(200, manager.put("/api/accounts/bob", Map.of("role", "agent")).statusCode());
        WebClient bob = console.client();
        assertEquals(404, setup(bob, bob.formToken(), token, "bob's long password").statusCode());

        String again = tokenOf(manager.post("/api/accounts/bob/setup-link", Map.of()));
        assertEquals(200, manager.delete("/api/accounts/bob").statusCode());
        assertEquals(404, setup(bob, bob.formToken(), again, "bob's long password").statusCode());
        assertTrue(console.accounts.find("bob").isEmpty());
    }

    @Test
    void anAccountWaitingForItsPasswordCannotBeLoggedInto() {
        WebClient manager = manager();
        assertEquals(201, manager.post("/api/accounts", Map.of("username", "bob", "role", "agent")).statusCode());
        assertEquals(401, console.client().tryLogin("bob", "anything at all here").statusCode());
        assertEquals(409, manager.put("/api/accounts/carol", Map.of("role", "agent")).statusCode(),
                "a manager who has no password yet does not count as the remaining manager");
    }

    @Test
    void managersFilterAndPageTheAccessLog() {
        WebClient agent = agent();
        agent.get("/api/handoffs/1");
        agent.get("/api/handoffs/2");
        for (int i = 0; i < 3; i++) {
            dev.baton.console.RawHttp.login(console, "127.0.6." + (i + 1), "nobody", "guess " + i);
        }
        WebClient manager = manager();
        var byHandoff = json(manager.get("/api/access-log?handoff=2")).get("entries");
        assertEquals(1, byHandoff.size(), byHandoff.toString());
        assertEquals("opened handoff 2", byHandoff.get(0).get("what").asText());
        var byUser = json(manager.get("/api/access-log?user=nobody&action=FAILED")).get("entries");
        assertEquals(3, byUser.size(), byUser.toString());
        var page = json(manager.get("/api/access-log?user=nobody&limit=2"));
        assertEquals(2, page.get("entries").size());
        assertTrue(page.get("more").asBoolean());
        var next = json(manager.get("/api/access-log?user=nobody&limit=2&offset=2"));
        assertEquals(1, next.get("entries").size());
        assertFalse(next.get("more").asBoolean());
        String future = java.time.Instant.now().plusSeconds(3600).toString();
        assertEquals(0, json(manager.get("/api/access-log?from=" + future)).get("entries").size());
        assertTrue(json(manager.get("/api/access-log?to=" + future)).get("entries").size() >= 6);
        assertEquals(400, manager.get("/api/access-log?from=yesterday").statusCode());
        assertEquals(400, manager.get("/api/access-log?offset=-1").statusCode());
    }

    private static String tokenOf(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
        String url = json(response).get("setupUrl").asText();
        return url.substring(url.indexOf("token=") + 6);
    }

    private static HttpResponse<String> setup(WebClient browser, String formToken, String token, String password) {
        return browser.send(browser.request("/api/setup").header("Content-Type", "application/json")
                .header("X-CSRF-Token", formToken)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"token\":\"" + token + "\",\"password\":\"" + password.replace("'", "'") + "\"}")));
    }
}
