package dev.baton.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelAndBackoffTest {

    @Test
    void theUsualSchemaUsesThePlainChannelName() {
        assertEquals("baton_changes", Channel.of("public"));
        assertEquals("baton_changes", Channel.of(null));
    }

    @Test
    void batonsKeptApartBySchemaHearOnlyTheirOwnChannel() {
        assertEquals("baton_changes_t_abc_1", Channel.of("t_abc_1"));
        assertEquals("baton_changes_my_community", Channel.of("My-Community"));
        assertNotEquals(Channel.of("t_abc_1"), Channel.of("t_abc_2"));
    }

    @Test
    void aLongSchemaNameStillGivesAChannelPostgresDoesNotCut() {
        String a = Channel.of("x".repeat(80) + "a");
        String b = Channel.of("x".repeat(80) + "b");
        assertTrue(a.length() <= 63, a);
        assertNotEquals(a, b);
    }

    @Test
    void reconnectingWaitsLongerAfterEachFailureUpToTheMost() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
        assertEquals(Duration.ofMillis(250), backoff.after(1));
        assertEquals(Duration.ofMillis(500), backoff.after(2));
        assertEquals(Duration.ofSeconds(4), backoff.after(5));
        assertEquals(Duration.ofSeconds(5), backoff.after(6));
        assertEquals(Duration.ofSeconds(5), backoff.after(1_000));
    }
}
