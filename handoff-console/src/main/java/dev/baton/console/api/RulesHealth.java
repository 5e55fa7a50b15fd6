package dev.baton.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the rules did over a period, from stored decisions, handoffs, their events and staff feedback.
 *
 * @param byRule    one row per routing rule that routed something (and every rule in the live file)
 * @param byCue     one row per main reason
 * @param pickup    time to pickup per person and per team
 * @param answers   how often Baton answered rather than handed off
 * @param daily     handoffs and answers per day (UTC), for the chart
 */
public record RulesHealth(Instant from, Instant to, List<Row> byRule, List<Row> byCue, List<Pickup> pickup,
                          Answers answers, List<Day> daily) {

    public RulesHealth {
        byRule = List.copyOf(byRule);
        byCue = List.copyOf(byCue);
        pickup = List.copyOf(pickup);
        daily = List.copyOf(daily);
    }

    /**
     * One rule or cue.
     *
     * @param precision      needed_person / (needed_person + bot_could_answer); null without such feedback
     * @param pickupP50Secs  median seconds from handoff to first claim (or first staff reply); null if none picked up
     * @param breaches       handoffs that passed a pickup deadline (reminded, re-routed or escalated)
     * @param askedAgainShare share of handoffs marked asked_again; null without handoffs
     */
    public record Row(String name, int handoffs, int neededPerson, int botCouldAnswer, int shouldHaveComeSooner,
                      int askedAgain, Double precision, Long pickupP50Secs, Long pickupP90Secs, int breaches,
                      Double askedAgainShare) {
    }

    /** @param kind person or team */
    public record Pickup(String kind, String name, int handoffs, int pickedUp, Long p50Secs, Long p90Secs,
                         int breaches) {
    }

    /**
     * @param decisions customer messages Baton decided on
     * @param answered  of those, answered from the knowledge base
     * @param rate      answered / decisions; null without decisions
     * @param sooner    answered conversations marked should_have_come_sooner
     */
    public record Answers(int decisions, int answered, Double rate, int sooner) {
    }

    public record Day(LocalDate day, int handoffs, int answers) {
    }
}
