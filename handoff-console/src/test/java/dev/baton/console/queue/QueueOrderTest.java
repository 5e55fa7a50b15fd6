package dev.baton.console.queue;

import static dev.baton.console.FakeRulesBackend.CUES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.QueueEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static QueueEntry entry(long id, String state, String reason, int minutesAfterT0, String... more) {
        List<String> reasons = more.length == 0 ? List.of(reason) : concat(reason, more);
        return new QueueEntry(id, state, reason, reasons, "c" + id, null, null, "", T0.plusSeconds(minutesAfterT0 * 60L),
                T0, false, id, "normal", "default");
    }

    private static List<String> concat(String first, String... rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    private static List<Long> ids(List<QueueEntry> entries) {
        return entries.stream().map(QueueEntry::id).toList();
    }

    @Test
    void unheldHandoffsComeBeforeClaimedOnesWhateverTheirReason() {
        List<QueueEntry> sorted = QueueOrder.sort(List.of(
                entry(1, "claimed", "crisis", 0),
                entry(2, "waiting", "out_of_scope", 5),
                entry(3, "transferred", "human_request", 9)), CUES);
        assertEquals(List.of(2L, 3L, 1L), ids(sorted));
    }

    @Test
    void crisisComesFirstThenGriefAnxietyAndUrgencyThenTheRest() {
        List<QueueEntry> sorted = QueueOrder.sort(List.of(
                entry(1, "waiting", "anger", 0),
                entry(2, "waiting", "urgency", 1),
                entry(3, "waiting", "crisis", 2),
                entry(4, "waiting", "sadness_grief", 3),
                entry(5, "waiting", "anxiety", 4),
                entry(6, "waiting", "human_request", 5)), CUES);
        assertEquals(List.of(3L, 2L, 4L, 5L, 1L, 6L), ids(sorted));
    }

    private static QueueEntry withPriority(QueueEntry e, String priority) {
        return new QueueEntry(e.id(), e.state(), e.reason(), e.reasons(), e.customerName(), e.assigneeId(),
                e.assigneeName(), e.summary(), e.createdAt(), e.updatedAt(), e.practice(), e.conversationId(), priority,
                e.rule());
    }

    @Test
    void aRulesPriorityComesAfterCrisisAndBeforeSensitivityAndAge() {
        List<QueueEntry> sorted = QueueOrder.sort(List.of(
                withPriority(entry(1, "waiting", "anger", 0), "low"),
                withPriority(entry(2, "waiting", "sadness_grief", 1), "normal"),
                withPriority(entry(3, "waiting", "anger", 2), "urgent"),
                withPriority(entry(4, "waiting", "crisis", 3), "normal"),
                withPriority(entry(5, "waiting", "out_of_scope", 4), "high"),
                withPriority(entry(6, "claimed", "anger", 5), "urgent")), CUES);
        assertEquals(List.of(4L, 3L, 5L, 2L, 1L, 6L), ids(sorted));
    }

    @Test
    void theOldestComesFirstAmongEquallySensitiveHandoffs() {
        List<QueueEntry> sorted = QueueOrder.sort(List.of(
                entry(1, "waiting", "anger", 30),
                entry(2, "waiting", "frustration", 10),
                entry(3, "waiting", "anger", 20)), CUES);
        assertEquals(List.of(2L, 3L, 1L), ids(sorted));
    }

    @Test
    void aSensitiveSecondaryReasonCountsToo() {
        List<QueueEntry> sorted = QueueOrder.sort(List.of(
                entry(1, "waiting", "anger", 0),
                entry(2, "waiting", "frustration", 10, "anxiety")), CUES);
        assertEquals(List.of(2L, 1L), ids(sorted));
    }

    @Test
    void claimedHandoffsAreSortedTheSameWayAmongThemselves() {
        List<QueueEntry> sorted = QueueOrder.sort(List.of(
                entry(1, "claimed", "anger", 0),
                entry(2, "claimed", "crisis", 50),
                entry(3, "waiting", "anger", 99),
                entry(4, "claimed", "grief", 10)), CUES);
        assertEquals(List.of(3L, 2L, 4L, 1L), ids(sorted));
    }

    @Test
    void sortingLeavesTheInputAlone() {
        List<QueueEntry> input = List.of(entry(1, "claimed", "anger", 0), entry(2, "waiting", "anger", 0));
        QueueOrder.sort(input, CUES);
        assertEquals(List.of(1L, 2L), ids(input));
    }
}
