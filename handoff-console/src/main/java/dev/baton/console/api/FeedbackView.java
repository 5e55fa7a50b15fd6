package dev.baton.console.api;

import java.time.Instant;

/** One click of feedback: needed_person, bot_could_answer, should_have_come_sooner or asked_again. */
public record FeedbackView(String kind, String actorId, String actorName, Instant at, String note, Long handoffId) {
}
