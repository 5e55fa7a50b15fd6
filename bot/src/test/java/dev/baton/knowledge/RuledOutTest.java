package dev.baton.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuledOutTest {

    @Test
    void insteadOfRulesOutWhatFollowsUpToThePunctuation() {
        RuledOut.Split split = RuledOut.in("can i put the plan on hold for a while instead of cancelling it?").orElseThrow();

        assertEquals("cancelling it", split.ruledOut());
        assertEquals("can i put the plan on hold for a while ?", split.kept());
    }

    @Test
    void ratherThanRulesOutToo() {
        assertEquals("the yearly one", RuledOut.in("i'd like the monthly plan rather than the yearly one")
                .orElseThrow().ruledOut());
    }

    @Test
    void aClauseOpeningWithNotAndThenCorrectedRulesOutItsWords() {
        RuledOut.Split dash = RuledOut.in("not budget alerts — i mean the reminder for my phone bill. when is it sent?")
                .orElseThrow();
        RuledOut.Split comma = RuledOut.in("how do i get rid of it? not my whole account, just that one card")
                .orElseThrow();

        assertEquals("budget alerts", dash.ruledOut());
        assertEquals("i mean the reminder for my phone bill. when is it sent?", dash.kept());
        assertEquals("my whole account", comma.ruledOut());
        assertEquals("how do i get rid of it? just that one card", comma.kept());
    }

    @Test
    void notJustAndANotInsideASentenceRuleNothingOut() {
        assertTrue(RuledOut.in("i want a copy of everything, not just transactions. how?").isEmpty());
        assertTrue(RuledOut.in("the export does not work, just spins").isEmpty());
        assertTrue(RuledOut.in("how do i cancel my plan?").isEmpty());
    }
}
