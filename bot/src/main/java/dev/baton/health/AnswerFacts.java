package dev.baton.health;

import java.time.LocalDate;
import java.util.Map;

/**
 * Baton's decisions over a period (practice left out).
 *
 * @param decisions     customer messages Baton decided on
 * @param answered      of those, answered from the knowledge base
 * @param sooner        conversations answered in the period that staff marked should_have_come_sooner
 * @param answersPerDay answers per UTC day; days without any are absent
 */
record AnswerFacts(int decisions, int answered, int sooner, Map<LocalDate, Integer> answersPerDay) {

    AnswerFacts {
        answersPerDay = Map.copyOf(answersPerDay);
    }
}
