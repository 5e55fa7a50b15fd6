package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.triage.CueKind;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class HandoffWordingTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday afternoon. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 12, 14, 30, 0, 0, LONDON);
    private static final ZonedDateTime TOMORROW_NINE = ZonedDateTime.of(2025, 3, 13, 9, 0, 0, 0, LONDON);

    private final HandoffWording wording = HandoffWording.defaults();

    static Stream<Arguments> everyCueOnAndOffShiftWithAndWithoutTeam() {
        List<Arguments> cases = new ArrayList<>();
        for (CueKind kind : CueKind.values()) {
            for (boolean onShift : new boolean[] {true, false}) {
                for (String team : new String[] {"billing", null}) {
                    cases.add(Arguments.of(kind, onShift, team));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on shift {1}, team {2}")
    @MethodSource("everyCueOnAndOffShiftWithAndWithoutTeam")
    void everyCueNamesThePersonInTidySentencesWithNoBracesLeft(CueKind kind, boolean onShift, String team) {
        String notice = wording.render(kind, facts("Alex", team, onShift));

        assertTrue(notice.contains("Alex"), notice);
        assertFalse(notice.contains("{") || notice.contains("}"), notice);
        assertFalse(notice.contains("  ") || notice.contains(" .") || notice.contains(" ,"), notice);
        // A crisis notice is about someone coming now; which team they are from does not matter then.
        assertEquals(team != null && kind != CueKind.CRISIS, notice.contains("from billing"), notice);
        assertTrue(notice.endsWith(".") || kind == CueKind.CRISIS, notice);
    }

    @Test
    void theNeutralNoticeNamesThePersonTheirTeamAndTheUsualWait() {
        assertEquals("I'm bringing in Alex from billing. Alex can see everything you've written here, so you won't"
                + " need to repeat anything. Alex is usually with you within about 10 minutes.",
                wording.render(CueKind.OUT_OF_SCOPE, facts("Alex", "billing", true)));
    }

    @Test
    void withoutATeamTheSentenceSimplyLeavesItOut() {
        assertEquals("I'm bringing in Alex. Alex can see everything you've written here, so you won't need to"
                + " repeat anything. Alex is usually with you within about 10 minutes.",
                wording.render(CueKind.NONLINEAR, facts("Alex", null, true)));
        assertTrue(wording.render(CueKind.FRUSTRATION, facts("Alex", null, true))
                .contains("I'm bringing in Alex, who can see"));
        assertTrue(wording.render(CueKind.URGENCY, facts("Alex", null, false)).startsWith("Alex will take this"));
    }

    @ParameterizedTest
    @EnumSource(CueKind.class)
    void offShiftNoticesSayWhenThePersonIsBack(CueKind kind) {
        String notice = wording.render(kind, facts("Priya", "billing", false));

        assertTrue(notice.contains("tomorrow at 09:00 (Europe/London), in about 19 hours"), notice);
        assertFalse(notice.contains("within about"), notice);
    }

    @Test
    void theOffShiftDefaultReadsAsOneNotice() {
        assertEquals("I'm passing this to Priya from billing. Priya isn't working right now and will pick this up"
                + " tomorrow at 09:00 (Europe/London), in about 19 hours. Priya will see everything you've written"
                + " here, so you won't need to repeat anything.",
                wording.render(CueKind.OUT_OF_SCOPE, facts("Priya", "billing", false)));
    }

    @Test
    void griefWordingIsGentleAndNeverTalksAboutFaqsOrWhatBatonCannotDo() {
        for (boolean onShift : new boolean[] {true, false}) {
            String notice = wording.render(CueKind.SADNESS_GRIEF, facts("Sam", "accounts", onShift))
                    .toLowerCase(Locale.ROOT);

            for (String avoided : List.of("faq", "knowledge", "bot", "automat", "can't answer", "cannot", "unable",
                    "sorry for the inconvenience", "asap", "urgent")) {
                assertFalse(notice.contains(avoided), avoided + " in: " + notice);
            }
            assertTrue(notice.startsWith("i'm so sorry"), notice);
            assertTrue(notice.contains("no need to go over"), notice);
        }
    }

    @Test
    void angerWordingIsDirectWithoutGrovelling() {
        String notice = wording.render(CueKind.ANGER, facts("Alex", "billing", true));

        assertTrue(notice.startsWith("Understood."), notice);
        assertFalse(notice.toLowerCase(Locale.ROOT).matches(".*(sorry|apologi|inconvenience|valued).*"), notice);
    }

    @Test
    void anxietyWordingSaysWhatHappensNextAndWhen() {
        String notice = wording.render(CueKind.ANXIETY, facts("Alex", "billing", true));

        assertTrue(notice.contains("here is exactly what happens next: Alex from billing is joining this"
                + " conversation and usually replies within about 10 minutes."), notice);
    }

    @ParameterizedTest
    @EnumSource(value = CueKind.class, names = "CRISIS", mode = EnumSource.Mode.EXCLUDE)
    void onlyCrisisNoticesCarryTheCrisisResources(CueKind kind) {
        assertFalse(wording.render(kind, facts("Alex", null, true)).contains(wording.crisisResources()));
    }

    @Test
    void crisisNoticesEndWithTheResourcesSetApart() {
        for (boolean onShift : new boolean[] {true, false}) {
            String notice = wording.render(CueKind.CRISIS, facts("Jo", null, onShift));

            assertTrue(notice.endsWith("\n\n" + wording.crisisResources()), notice);
            assertTrue(notice.contains("Jo"), notice);
        }
        assertTrue(wording.crisisResources().contains("emergency number"));
    }

    @Test
    void everyCueHasBothTemplatesAndEachNamesThePerson() {
        for (CueKind kind : CueKind.values()) {
            assertTrue(wording.template(kind, true).contains("{person}"), kind::toString);
            assertTrue(wording.template(kind, false).contains("{when}"), kind::toString);
        }
    }

    @Test
    void cuesWithoutTheirOwnWordingUseTheDefault() {
        assertEquals(wording.template(CueKind.OUT_OF_SCOPE, true), wording.template(CueKind.NONLINEAR, true));
        assertEquals(DefaultWording.ENTRIES.get("default").get(ShiftStatus.OFF_SHIFT),
                wording.template(CueKind.NONLINEAR, false));
    }

    @Test
    void overridingTheDefaultKeepsTheBuiltInWordingOfCuesThatHaveTheirOwn() {
        HandoffWording edited = HandoffWording.overriding(Map.of("default", Map.of(ShiftStatus.ON_SHIFT,
                "{person} {from_team} will be with you in {wait}.")), null);

        assertEquals("Alex from billing will be with you in about 10 minutes.",
                edited.render(CueKind.NONLINEAR, facts("Alex", "billing", true)));
        assertEquals(wording.template(CueKind.SADNESS_GRIEF, true), edited.template(CueKind.SADNESS_GRIEF, true));
        assertEquals(wording.template(CueKind.NONLINEAR, false), edited.template(CueKind.NONLINEAR, false));
    }

    @Test
    void mentionAndTeamHaveFallbacksThatStillReadWell() {
        HandoffWording edited = HandoffWording.overriding(Map.of("default", Map.of(ShiftStatus.ON_SHIFT,
                "{mention} ({person}, {team}) is on the way.")), null);

        assertEquals("Alex (Alex, support) is on the way.", edited.render(CueKind.OUT_OF_SCOPE, facts("Alex", null, true)));
        NoticeFacts withMention = new NoticeFacts("Alex", "billing", "<@123>", true, Duration.ofMinutes(10), null, NOW);
        assertEquals("<@123> (Alex, billing) is on the way.", edited.render(CueKind.OUT_OF_SCOPE, withMention));
    }

    @Test
    void namesThatLookLikePlaceholdersAreShownAsTheyAre() {
        String notice = wording.render(CueKind.HUMAN_REQUEST, facts("{when} {wait}", null, true));

        assertTrue(notice.startsWith("Of course. I'm bringing in {when} {wait}, who can see"), notice);
    }

    private static NoticeFacts facts(String person, String team, boolean onShift) {
        return new NoticeFacts(person, team, null, onShift, Duration.ofMinutes(10), onShift ? null : TOMORROW_NINE, NOW);
    }
}
