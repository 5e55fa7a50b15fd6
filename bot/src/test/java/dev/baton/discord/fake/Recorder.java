package dev.baton.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the bot did, as the REST routes saw it; the facade hands out snapshots. */
final class Recorder {

    final Recording<RecordedRequest> requests = new Recording<>("request");
    final Recording<PostedMessage> posted = new Recording<>("posted message");
    final Recording<long[]> threadMembersAdded = new Recording<>("thread member");
    final Recording<JsonNode> interactionResponses = new Recording<>("interaction response");

    /** Registered commands per scope ("global" or a guild id); a PUT replaces its scope's whole set. */
    private final Map<String, List<JsonNode>> commands = new LinkedHashMap<>();

    synchronized void replaceCommands(String scope, List<JsonNode> registered) {
        commands.put(scope, List.copyOf(registered));
    }

    synchronized void upsertCommand(String scope, JsonNode command) {
        List<JsonNode> list = new ArrayList<>(commands.getOrDefault(scope, List.of()));
        list.removeIf(c -> c.path("name").asText().equals(command.path("name").asText()));
        list.add(command);
        commands.put(scope, List.copyOf(list));
    }

    synchronized void removeCommand(String scope, String id) {
        List<JsonNode> list = new ArrayList<>(commands.getOrDefault(scope, List.of()));
        list.removeIf(c -> c.path("id").asText().equals(id));
        commands.put(scope, List.copyOf(list));
    }

    synchronized List<JsonNode> commands(String scope) {
        return commands.getOrDefault(scope, List.of());
    }

    synchronized List<JsonNode> allCommands() {
        return commands.values().stream().flatMap(List::stream).toList();
    }
}
