package dev.baton.discord;

import dev.baton.routing.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The avatars staff replies show, per Discord user, kept for an hour so a busy hour asks Discord once. */
final class Avatars {

    private static final Logger LOG = LoggerFactory.getLogger(Avatars.class);
    private static final Duration AVATAR_KEPT = Duration.ofHours(1);
    private static final Duration AVATAR_WAIT = Duration.ofSeconds(2);

    private record Avatar(Optional<String> url, Instant until) {
    }

    private final JDA jda;
    private final Clock clock;
    /** Avatar URL per Discord user id, looked up through the guild member (server avatar) or the user. */
    private final Map<String, Avatar> avatars = new ConcurrentHashMap<>();

    Avatars(JDA jda, Clock clock) {
        this.jda = jda;
        this.clock = clock;
    }

    /**
     * The person's avatar as the server shows it (their server avatar, else their own, else Discord's
     * default for them); empty when Discord does not know them or does not answer quickly — the post
     * then shows the webhook's own avatar rather than waiting.
     */
    CompletableFuture<Optional<String>> of(Person from, Guild guild) {
        String userId = from.discordUserId();
        Instant now = clock.instant();
        Avatar known = avatars.get(userId);
        if (known != null && known.until().isAfter(now)) {
            return CompletableFuture.completedFuture(known.url());
        }
        CompletableFuture<Optional<String>> lookup;
        try {
            lookup = guild.retrieveMemberById(userId).submit().thenApply(m -> Optional.of(m.getEffectiveAvatarUrl()))
                    .exceptionallyCompose(notMember -> jda.retrieveUserById(userId).submit()
                            .thenApply(u -> Optional.of(u.getEffectiveAvatarUrl())))
                    .exceptionally(unknown -> {
                        LOG.info("no Discord avatar for {} ({}): {}", from.id(), userId, Posting.unwrapped(unknown).toString());
                        return Optional.empty();
                    });
        } catch (RuntimeException e) {
            lookup = CompletableFuture.completedFuture(Optional.empty());
        }
        return lookup.thenApply(url -> {
            avatars.put(userId, new Avatar(url, clock.instant().plus(AVATAR_KEPT)));
            return url;
        }).completeOnTimeout(Optional.empty(), AVATAR_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
