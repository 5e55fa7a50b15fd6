package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LexiconTest {

    private static Lexicon parse(String text) throws Exception {
        return Lexicon.parse("test.txt", new BufferedReader(new StringReader(text)));
    }

    @Test
    void patternsMatchWholeWordsOnly() throws Exception {
        Lexicon lexicon = parse("0.6\tscam\n");
        assertEquals(1, lexicon.find("this is a scam").size());
        assertTrue(lexicon.find("scammed? scampi").isEmpty());
    }

    @Test
    void severalWeakHintsCombineAsANoisyOr() throws Exception {
        Lexicon lexicon = parse("# comment\n\n0.3\tugh\n0.4\tagain\n");
        List<Lexicon.Hit> hits = lexicon.find("ugh, down again");
        assertEquals(0.58, Lexicon.noisyOr(hits), 1e-9);
    }

    @Test
    void aMalformedLineNamesTheFileAndLine() {
        var e = assertThrows(IllegalStateException.class, () -> parse("0.5\tok\n0.5 missing tab\n"));
        assertEquals("test.txt:2: expected WEIGHT<TAB>PATTERN", e.getMessage());
    }

    @Test
    void aWeightOutsideTheUnitIntervalIsRejected() {
        var e = assertThrows(IllegalStateException.class, () -> parse("1.5\tok\n"));
        assertTrue(e.getMessage().startsWith("test.txt:1: weight must be in (0, 1]"), e.getMessage());
    }

    @Test
    void aBrokenRegexIsRejectedWithItsLine() {
        var e = assertThrows(IllegalStateException.class, () -> parse("0.5\t(unclosed\n"));
        assertTrue(e.getMessage().startsWith("test.txt:1: bad pattern"), e.getMessage());
    }

    @Test
    void askingToBePutThroughToSomeoneIsARequestForAPerson() {
        assertTrue(Lexicon.noisyOr(Lexicon.load("human_request").find("put me through to someone then")) >= 0.8);
    }

    @Test
    void applauseAddressedToTheTeamIsSarcasm() {
        assertTrue(Lexicon.noisyOr(Lexicon.load("frustration").find("great job guys 👏👏")) > 0.4);
        assertTrue(Lexicon.noisyOr(Lexicon.load("frustration").find("great experience guys 👏")) > 0.4);
    }

    @Test
    void anAccountBeingTakenOverIsUrgentAndAskingAboutItIsNot() {
        Lexicon urgency = Lexicon.load("urgency");
        for (String intrusion : List.of("someone just logged into my account from a country i don't know",
                "a stranger is using my card right now",
                "got a sign-in alert from russia and i've honestly never been to russia")) {
            assertTrue(Lexicon.noisyOr(urgency.find(intrusion)) >= 0.5, intrusion);
        }
        for (String question : List.of("what happens if someone logs into my account?",
                "how do i turn on login alerts?", "can someone use my account on two phones at once?",
                "someone used my referral code, do i get the bonus?", "i've never been to one of your events")) {
            assertTrue(Lexicon.noisyOr(urgency.find(question)) < 0.5, question);
        }
    }

    /** Each text reaches the firing line (0.5) on the named lexicon alone. */
    private static void assertFires(String lexicon, String... texts) {
        Lexicon loaded = Lexicon.load(lexicon);
        for (String text : texts) {
            assertTrue(Lexicon.noisyOr(loaded.find(text)) >= 0.5 - 1e-9, () -> lexicon + " should fire: " + text);
        }
    }

    /** Each text stays under the firing line on the named lexicon. */
    private static void assertStaysPlain(String lexicon, String... texts) {
        Lexicon loaded = Lexicon.load(lexicon);
        for (String text : texts) {
            assertTrue(Lexicon.noisyOr(loaded.find(text)) < 0.5, () -> lexicon + " should stay plain: " + text);
        }
    }

    @Test
    void goingOnHolidayIsNotGoingOnToAnotherTopic() {
        assertStaysPlain("nonlinear", "how far ahead can i book? want to get in before we go on holiday");
        assertFires("nonlinear", "before we go on, what about my other order?");
    }

    @Test
    void askingToLookIntoTheCustomersOwnCaseIsAnInvestigation() {
        assertFires("troubleshooting", "can you check what happened to it?", "could someone look into my order please",
                "it's been two weeks and it's still not on my card", "the app keeps telling me to update");
        assertTrue(Lexicon.noisyOr(Lexicon.load("troubleshooting").find("what happened to my refund")) > 0.4);
        Lexicon troubleshooting = Lexicon.load("troubleshooting");
        for (String question : List.of("can you check if the app supports dark mode?", "what happened at the last AMA?",
                "is it still not possible to export to pdf?", "my sister keeps telling me to get the plan, what's in it?")) {
            assertTrue(troubleshooting.find(question).isEmpty(), question);
        }
    }

    @Test
    void aDeathToldWithoutTheWordAndTheEndOfALifeAheadAreGrief() {
        assertFires("sadness_grief", "they're for coco. she didn't make it.", "he didn't make it and i can't face it",
                "the vet says there's nothing more they can do for pepper",
                "we want to keep her comfortable for whatever time is left");
        assertStaysPlain("sadness_grief", "she didn't make it to the appointment, can we rebook?",
                "he didn't make it in time for the raid", "is there nothing more i can do to speed it up?");
    }

    @Test
    void lonelinessSaidWithoutTheWordIsSadness() {
        assertFires("sadness_grief", "honestly the internet's the only thing keeping me company since i moved here,"
                + " don't really know anyone yet. how do i get an extender?");
        assertStaysPlain("sadness_grief", "i don't know anyone who uses the family plan, how does it work?",
                "is this channel the only place for billing questions?");
    }

    @Test
    void disputingTheChargeAndPostingAboutStaffEverywhereAreThreats() {
        assertFires("anger", "fix it or i'm disputing the charge", "i'm going to post about this everywhere and name him.");
        assertStaysPlain("anger", "how do i dispute a charge on my statement?", "can i dispute this transaction in the app?",
                "how do i name my pets in the app?");
    }

    @Test
    void aWorryTheCustomerDeniesIsNotAnxiety() {
        Lexicon anxiety = Lexicon.load("anxiety");
        for (String calm : List.of("show's like 2 weeks away so not stressing", "i'm not worried about it, just curious",
                "no stress, when is it due?", "not too stressed about it lol")) {
            assertTrue(anxiety.find(calm).isEmpty(), calm);
        }
        assertFires("anxiety", "i'm really worried about my account", "this is stressing me out");
    }

    @Test
    void askingWhetherARuleStretchesToAnotherCaseIsBeyondTheAnswer() {
        assertFires("troubleshooting", "does the esim work on an apple watch too or just phones",
                "can they request refills too or only me?", "can it go to my partner's phone too, not just mine?");
        assertStaysPlain("troubleshooting", "does the store take paypal or only cards", "can i use it on my phone too?");
    }

    @Test
    void beingThereNowAndGivingUpOnTheAnswerAreHeard() {
        assertFires("urgency", "the door popped open and it's empty. i'm standing right here, what do i do");
        assertStaysPlain("urgency", "please let a staff member know i'm waiting here");
        assertFires("frustration", "ok whatever. different q, how do i set up 2fa");
        assertStaysPlain("frustration", "whatever works best for you, how do i set up 2fa?");
    }

    @Test
    void aDayNamedWithANeedIsADeadline() {
        assertFires("urgency", "can the internet be on at the new place by monday? need it for work",
                "need the rabies cert by end of day for daycare");
        assertStaysPlain("urgency", "can i get a refund by monday?", "do i need to be home by friday for the install?");
    }

    @Test
    void notUrgentIsNotUrgencyAndUrgentInAnotherLanguageIs() {
        assertStaysPlain("urgency", "not urgent at all but when you get a chance: how much is plus?",
                "hey, not urgent but how do i reset my password?");
        assertFires("urgency", "this is urgent, how do i reset my password?", "¡urgente! la app no abre",
                "dringend: die app startet nicht");
    }

    @Test
    void aCountdownATripAndBloodAreTimePressure() {
        assertFires("urgency", "my mate's 24h runs out in like 20 min and his card keeps getting declined",
                "there's some blood and the clinic's closed, what do i do",
                "wrong episode went out and it's already on spotify. what do i do fast");
        assertTrue(Lexicon.noisyOr(Lexicon.load("urgency").find("flying out tomorrow morning and my wristband never came"))
                > 0.4);
        assertStaysPlain("urgency", "how long does the trial run out after?", "is my blood type on my profile?");
    }

    @Test
    void somethingThatJustHappenedWithWhatDoIDoIsUrgent() {
        assertFires("urgency", "my dog just ate a whole bar of dark chocolate like 10 min ago what do i do",
                "he's bleeding and the clinic is closed", "my cat just collapsed");
        assertStaysPlain("urgency", "i just moved, what do i do to update my address?", "my mom passed. what do i do now",
                "the sidebar collapsed and i can't find settings");
    }

    /** The named lexicon weighs each text at {@code atLeast} or more: noticed, though perhaps not firing alone. */
    private static void assertWeighs(String lexicon, double atLeast, String... texts) {
        Lexicon loaded = Lexicon.load(lexicon);
        for (String text : texts) {
            assertTrue(Lexicon.noisyOr(loaded.find(text)) >= atLeast - 1e-9, () -> lexicon + " should weigh " + atLeast
                    + ": " + text);
        }
    }

    @Test
    void aRenewalTonightWithANeedBeforeThenAndAnAllergicReactionAreUrgent() {
        assertFires("urgency", "the membership renews at midnight and i have to stop it before then",
                "i think my son is having an allergic reaction to the sauce", "her tongue feels swollen after dinner");
        assertStaysPlain("urgency", "when does the membership renew?", "do i need to verify my email before that?",
                "are there allergens listed on the recipe cards?", "is the sauce nut free");
    }

    @Test
    void nobodyToTalkToAndAHabitSharedInThePastAreSadness() {
        assertFires("sadness_grief", "i don't really have anyone to talk to lately so i hang out in here");
        assertWeighs("sadness_grief", 0.4, "we used to bake these together on saturdays");
        assertStaysPlain("sadness_grief", "i don't have anyone to share the account with, can i still get family?",
                "can we use one account together?");
    }

    @Test
    void givingUpOnTheAnswerIsFrustrationAndForgettingIsNot() {
        assertFires("frustration", "fine, forget it. how do i book a slot", "anyway whatever. do you ship abroad");
        assertStaysPlain("frustration", "forget it, found the button!", "i always forget it, where is the pin shown");
    }

    @Test
    void howOftenSomethingIsDoneIsNotARepeat() {
        assertStaysPlain("frustration", "i order about 3 times a week, would the yearly plan be cheaper?",
                "we use it twice per day");
        assertWeighs("frustration", 0.45, "i've asked 3 times already where my refund is");
    }

    @Test
    void notWorkingOutHowIsAHowToAndTooLazyToChooseIsNotAnger() {
        assertStaysPlain("troubleshooting", "i can't work out how to save my picks");
        assertFires("troubleshooting", "the app doesn't work since the update");
        assertStaysPlain("anger", "what if i'm too lazy to pick any meals one week?", "feeling lazy today lol");
        assertFires("anger", "your staff are lazy");
    }

    @Test
    void aFlatBatteryAHazardAndADeadlineWithinTheHourAreUrgent() {
        assertFires("urgency", "the socket started smoking, what do i do, i'm standing next to it",
                "i'm supposed to serve dinner to 10 people in an hour and the fish is missing");
        assertWeighs("urgency", 0.4, "phone on 3% and the door code won't load",
                "it charged me twice in the last 10 minutes and it's still going");
        assertStaysPlain("urgency", "what does 80% charge mean on the screen?", "is there a smoking area at the venue?",
                "how long does it take to cook, about an hour?", "do you keep a history of the last 12 months?");
    }

    @Test
    void praiseSaidTwiceAfterABadOutcomeIsSarcasm() {
        assertFires("frustration", "so the fee is on me because the app froze. great. really great.");
        assertStaysPlain("frustration", "great, thanks! really helpful", "it works now, great!");
    }

    @Test
    void aDareIsAThreat() {
        assertFires("anger", "tell your courier to try that again and see what happens.", "don't you dare close this");
        assertStaysPlain("anger", "can i try the trial again and see if it works?");
    }

    @Test
    void theOnlyTimeTheyTalkToAnyoneAndTheLastThingDoneTogetherAreSadness() {
        assertFires("sadness_grief", "these events are the only time i talk to anyone all week");
        assertWeighs("sadness_grief", 0.45, "it was the last thing we bought together");
        assertStaysPlain("sadness_grief", "is this the only time slot left?", "what was the last thing i ordered?");
    }

    @ParameterizedTest
    @EnumSource(value = CueKind.class, names = "OUT_OF_SCOPE", mode = EnumSource.Mode.EXCLUDE)
    void everyShippedLexiconLoads(CueKind kind) {
        assertTrue(Lexicon.load(kind.wireName()).toString().contains("patterns"));
    }
}
