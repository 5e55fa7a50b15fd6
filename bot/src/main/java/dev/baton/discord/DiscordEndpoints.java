package dev.baton.discord;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Discord: the bot token and the REST and gateway base URLs. The URLs are settings
 * because large deployments put an HTTP proxy in front of Discord's REST API (shared rate limits),
 * and because the tests point them at a fake Discord on loopback.
 */
public record DiscordEndpoints(String token, String restUrl, String gatewayUrl) {

    public static final String DEFAULT_REST_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";

    /** Reads {@code DISCORD_TOKEN}, {@code BATON_DISCORD_REST_URL} and {@code BATON_DISCORD_GATEWAY_URL}. */
    public static Optional<DiscordEndpoints> fromEnvironment(Map<String, String> env) {
        String token = env.getOrDefault("DISCORD_TOKEN", "").strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String rest = url(env, "BATON_DISCORD_REST_URL", DEFAULT_REST_URL, "http", "https");
        String gateway = url(env, "BATON_DISCORD_GATEWAY_URL", DEFAULT_GATEWAY_URL, "ws", "wss");
        return Optional.of(new DiscordEndpoints(token, rest.endsWith("/") ? rest : rest + "/", gateway));
    }

    private static String url(Map<String, String> env, String name, String fallback, String... schemes) {
        String value = env.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: \"" + value + "\"");
        }
        if (uri.getScheme() == null || uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
            throw new IllegalArgumentException(name + " must be an absolute " + String.join(" or ", schemes)
                    + " URL like " + fallback + ", but is \"" + value + "\"");
        }
        return value;
    }

    /** Never print the token: a leaked bot token lets anyone act as the bot. */
    @Override
    public String toString() {
        return "DiscordEndpoints[token=" + masked(token) + ", restUrl=" + restUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }

    static String masked(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****";
    }
}
