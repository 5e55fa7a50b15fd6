package dev.baton.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * Who a handoff goes to and why. Only the choice: the caller saves it and writes the event.
 *
 * @param person       the chosen person
 * @param onShift      whether they are working right now
 * @param availableAt  now when on shift, else the start of their next shift (for the customer message)
 * @param topicMatched whether they cover one of the request's topics
 * @param why          one sentence for the event log naming the facts that decided it
 */
public record Routing(Person person, boolean onShift, Instant availableAt, boolean topicMatched, String why) {

    public Routing {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(why, "why");
    }
}
