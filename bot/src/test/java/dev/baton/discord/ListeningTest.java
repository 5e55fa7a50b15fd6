package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.conversation.Place;
import dev.baton.rules.Answering;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether Baton hears a message, for every kind of place, with and without a mention, under each answering rule. */
class ListeningTest {

    private static final String GUILD = "1100000000000000001";
    private static final DiscordSettings SETTINGS = new DiscordSettings(GUILD, Set.of("support", "forum"), null, false,
            Duration.ofMinutes(30));

    private static Place place(String written) {
        return switch (written) {
            case "dm" -> Place.dm("dm-1");
            case "#support" -> Place.channel("support");
            case "#general" -> Place.channel("general");
            case "thread in #support" -> Place.thread("t-1", "support");
            case "thread in #general" -> Place.thread("t-2", "general");
            case "post in forum" -> Place.forumPost("p-1", "forum");
            default -> throw new IllegalArgumentException(written);
        };
    }

    @ParameterizedTest(name = "[{index}] {0}, {1}, mention={2}, Baton''s conversation there={3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # place            | answering      | mention | known | hears
            dm                 | WHEN_MENTIONED | false   | false | true
            #support           | ALWAYS         | false   | false | true
            #support           | WHEN_MENTIONED | false   | false | false
            #support           | WHEN_MENTIONED | true    | false | true
            #general           | ALWAYS         | false   | false | false
            #general           | ALWAYS         | true    | false | true
            #general           | WHEN_MENTIONED | true    | false | true
            thread in #support | ALWAYS         | false   | false | true
            thread in #support | WHEN_MENTIONED | false   | false | false
            thread in #support | WHEN_MENTIONED | true    | false | true
            thread in #support | WHEN_MENTIONED | false   | true  | true
            thread in #general | ALWAYS         | false   | false | false
            thread in #general | ALWAYS         | false   | true  | true
            thread in #general | WHEN_MENTIONED | false   | true  | true
            post in forum      | ALWAYS         | false   | false | true
            post in forum      | WHEN_MENTIONED | false   | false | false
            post in forum      | WHEN_MENTIONED | false   | true  | true
            """)
    void aWhenMentionedChannelHearsOnlyMentionsExceptInThreadsWhereBatonHasAConversation(
            String where, Answering answering, boolean mentioned, boolean known, boolean hears) {
        assertEquals(hears, Listening.hears(place(where), GUILD, SETTINGS, mentioned, known, answering));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"#support, false", "dm, true"})
    void anotherServerIsNeverHeardEvenWhenItMentionsBaton(String where, boolean hears) {
        assertEquals(hears, Listening.hears(place(where), "1100000000000000999", SETTINGS, true, false,
                Answering.ALWAYS));
    }
}
