package dev.baton.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One REST call JDA made to the fake.
 *
 * @param method HTTP verb, upper case
 * @param path the path after {@code /api/v10}, without the query string, e.g. {@code /channels/123/messages}
 * @param body the JSON body (for multipart requests: the {@code payload_json} part); a missing node when there was none
 * @param receivedNanos {@link System#nanoTime()} when the fake started handling the request
 */
public record RecordedRequest(String method, String path, JsonNode body, long receivedNanos) {

    public boolean is(String method, String pathRegex) {
        return this.method.equals(method) && path.matches(pathRegex);
    }
}
