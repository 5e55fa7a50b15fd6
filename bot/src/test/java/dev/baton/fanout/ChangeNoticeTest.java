package dev.baton.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChangeNoticeTest {

    @Test
    void aNoticeSaysWhoSentItAndWhichHandoffsChangedAndReadsBackTheSame() {
        List<Change> changes = List.of(new Change("created", 12), new Change("message", 9));

        List<String> payloads = ChangeNotice.encode("4711-ab12cd34", changes);

        assertEquals(List.of("{\"from\":\"4711-ab12cd34\",\"changes\":[[\"created\",12],[\"message\",9]]}"), payloads);
        ChangeNotice.Heard heard = ChangeNotice.decode(payloads.get(0)).orElseThrow();
        assertEquals("4711-ab12cd34", heard.from());
        assertEquals(changes, heard.changes());
    }

    @Test
    void aBurstTooBigForOneNoticeIsCutIntoSeveralEachUnderPostgresLimitInOrder() {
        List<Change> burst = LongStream.rangeClosed(1, 2_000).mapToObj(id -> new Change("changed", 1_000_000_000L + id))
                .toList();

        List<String> payloads = ChangeNotice.encode("a", burst);

        assertTrue(payloads.size() > 1, "one payload for 2000 changes");
        List<Change> back = new ArrayList<>();
        for (String payload : payloads) {
            assertTrue(payload.getBytes(StandardCharsets.UTF_8).length < 8000, () -> payload.length() + " bytes");
            back.addAll(ChangeNotice.decode(payload).orElseThrow().changes());
        }
        assertEquals(burst, back);
    }

    @Test
    void nothingChangedMeansNoNotice() {
        assertEquals(List.of(), ChangeNotice.encode("a", List.of()));
    }

    @Test
    void aPayloadThatIsNotBatonsIsIgnored() {
        assertTrue(ChangeNotice.decode("hello").isEmpty());
        assertTrue(ChangeNotice.decode("{\"from\":\"a\"}").isEmpty());
        assertTrue(ChangeNotice.decode("{\"from\":\"a\",\"changes\":[[\"created\"]]}").isEmpty());
        assertTrue(ChangeNotice.decode("{\"from\":\"a\",\"changes\":[[\"created\",\"x\"]]}").isEmpty());
    }
}
