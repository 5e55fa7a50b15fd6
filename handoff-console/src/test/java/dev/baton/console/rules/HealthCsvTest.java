package dev.baton.console.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.RulesHealth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCsvTest {

    private static RulesHealth.Row row(String name) {
        return new RulesHealth.Row(name, 12, 6, 2, 1, 3, 0.75, 95L, 1210L, 2, 0.25);
    }

    private static RulesHealth health(List<RulesHealth.Row> rules, List<RulesHealth.Pickup> pickup) {
        return new RulesHealth(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"), rules,
                List.of(), pickup, new RulesHealth.Answers(10, 6, 0.6, 1),
                List.of(new RulesHealth.Day(LocalDate.parse("2026-11-01"), 4, 6)));
    }

    @Test
    void theRulesTableHasAHeaderAndOneLinePerRuleWithCrlf() {
        String csv = HealthCsv.table("rules", health(List.of(row("billing channel"), row("=cmd|' /C calc'!A0"),
                new RulesHealth.Row("quiet rule", 0, 0, 0, 0, 0, null, null, null, 0, null)), List.of()));
        assertEquals("rule,handoffs,needed_person,bot_could_answer,should_have_come_sooner,asked_again,precision,"
                + "pickup_p50_seconds,pickup_p90_seconds,deadline_breaches,asked_again_share\r\n"
                + "billing channel,12,6,2,1,3,0.7500,95,1210,2,0.2500\r\n"
                + "'=cmd|' /C calc'!A0,12,6,2,1,3,0.7500,95,1210,2,0.2500\r\n"
                + "quiet rule,0,0,0,0,0,,,,0,\r\n", csv);
    }

    @Test
    void theCuesTableNamesItsFirstColumnCue() {
        RulesHealth h = new RulesHealth(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), List.of(), List.of(row("anger")),
                List.of(), new RulesHealth.Answers(0, 0, null, 0), List.of());
        assertEquals("cue,", HealthCsv.table("cues", h).substring(0, 4));
        assertEquals("anger,12,", HealthCsv.table("cues", h).split("\r\n")[1].substring(0, 9));
    }

    @Test
    void thePickupTableHasKindAndName() {
        String csv = HealthCsv.table("pickup", health(List.of(), List.of(
                new RulesHealth.Pickup("person", "Alex, the night owl", 9, 8, 120L, 900L, 1),
                new RulesHealth.Pickup("team", "-support", 3, 0, null, null, 3))));
        assertEquals("kind,name,handoffs,picked_up,pickup_p50_seconds,pickup_p90_seconds,deadline_breaches\r\n"
                + "person,\"Alex, the night owl\",9,8,120,900,1\r\n"
                + "team,'-support,3,0,,,3\r\n", csv);
    }

    @Test
    void anEmptyPeriodIsJustTheHeader() {
        assertEquals(1, HealthCsv.table("rules", health(List.of(), List.of())).split("\r\n").length);
    }
}
