package dev.baton.health;

/**
 * Baton's decisions on customer messages over some stretch (a day, a week, a period).
 *
 * @param decisions every verdict: answer, handoff or small talk
 * @param answered  of those, answered from the knowledge base
 */
record DayDecisions(int decisions, int answered) {

    static final DayDecisions NONE = new DayDecisions(0, 0);

    DayDecisions plus(DayDecisions other) {
        return new DayDecisions(decisions + other.decisions, answered + other.answered);
    }
}
