package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.RawHttp;
import dev.baton.console.api.AccessLog;
import dev.baton.console.api.Account;
import org.junit.jupiter.api.Test;

/** {@code BATON_TRUSTED_PROXIES}: behind a proxy, each client counts and is logged as itself. */
class ProxyAddressTest {

    private static final String SAM_PASSWORD = "sam's quiet harbour lantern";

    @Test
    void behindATrustedProxyEachForwardedClientIsThrottledAndLoggedAsItself() {
        try (ConsoleFixture console = ConsoleFixture.builder().trustedProxies("127.0.0.1, 10.0.0.0/8").start()) {
            console.addAccount("sam", Account.Role.AGENT, SAM_PASSWORD);
            for (int i = 0; i < 5; i++) {
                assertEquals(401, RawHttp.login(console, "127.0.0.1", "sam", "guess " + i,
                        "X-Forwarded-For: 203.0.113.7").status());
            }
            assertEquals(429, RawHttp.login(console, "127.0.0.1", "sam", SAM_PASSWORD,
                    "X-Forwarded-For: 203.0.113.7").status(), "the attacker waits");
            RawHttp.Response sam = RawHttp.login(console, "127.0.0.1", "sam", SAM_PASSWORD,
                    "X-Forwarded-For: 198.51.100.2, 10.1.2.3");
            assertEquals(200, sam.status(), "sam, behind the same proxy (and an inner one), is not: " + sam.text());
            assertTrue(console.accessLog.all().stream().anyMatch(e -> e.what().equals("login failed")
                    && e.remoteAddress().equals("203.0.113.7")), console.accessLog.all().toString());
            assertTrue(console.accessLog.all().stream().anyMatch(e -> e.what().equals("logged in")
                    && e.remoteAddress().equals("198.51.100.2")));
        }
    }

    @Test
    void onlyTheRightmostUntrustedHopCountsSoAClientCannotPickItsAddress() {
        try (ConsoleFixture console = ConsoleFixture.builder().trustedProxies("127.0.0.1").start()) {
            RawHttp.login(console, "127.0.0.1", "nobody", "guess", "X-Forwarded-For: 1.1.1.1, 203.0.113.9");
            AccessLog.Entry entry = console.accessLog.all().get(console.accessLog.all().size() - 1);
            assertEquals("203.0.113.9", entry.remoteAddress());
        }
    }

    @Test
    void fromAPeerThatIsNotTrustedTheHeaderIsIgnored() {
        try (ConsoleFixture console = ConsoleFixture.builder().trustedProxies("127.0.0.1").start()) {
            RawHttp.login(console, "127.0.0.9", "nobody", "guess", "X-Forwarded-For: 203.0.113.9");
            assertTrue(console.accessLog.all().stream().anyMatch(e -> e.remoteAddress().equals("127.0.0.9")));
            assertFalse(console.accessLog.all().stream().anyMatch(e -> e.remoteAddress().equals("203.0.113.9")));
        }
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            RawHttp.login(console, "127.0.0.1", "nobody", "guess", "X-Forwarded-For: 203.0.113.9");
            assertTrue(console.accessLog.all().stream().allMatch(e -> e.remoteAddress().equals("127.0.0.1")),
                    "no trusted proxy: the header means nothing");
        }
    }

    @Test
    void theListTakesAddressesAndRangesAndRefusesNames() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, ::1, 2001:db8::/32");
        assertTrue(proxies.trusts("10.200.3.4"));
        assertTrue(proxies.trusts("::1"));
        assertTrue(proxies.trusts("2001:db8:1::5"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertFalse(TrustedProxies.none().trusts("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.org"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertEquals("10.9.9.9", proxies.clientAddress("10.0.0.1", "10.9.9.9, 127.0.0.1"),
                "all hops trusted: the leftmost");
    }
}
