package dev.baton.discord;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookType;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;

/**
 * Baton's own webhook per channel, through which staff replies are posted under a person's name: looked
 * up once and remembered. A failed lookup is forgotten, so the next reply tries again.
 */
final class Webhooks {

    private final JDA jda;
    /** The name a webhook Baton creates carries. */
    private final String name;
    /** Baton's webhook per parent channel id. */
    private final Map<String, CompletableFuture<Webhook>> webhooks = new ConcurrentHashMap<>();

    Webhooks(JDA jda, String name) {
        this.jda = jda;
        this.name = name;
    }

    /** Baton's webhook in the channel: remembered, else one Baton made earlier, else a new one. */
    CompletableFuture<Webhook> of(IWebhookContainer container) {
        String key = container.getId();
        CompletableFuture<Webhook> fresh = new CompletableFuture<>();
        CompletableFuture<Webhook> known = webhooks.putIfAbsent(key, fresh);
        if (known != null) {
            return known;
        }
        CompletableFuture<Webhook> lookup;
        try {
            lookup = container.retrieveWebhooks().submit().thenCompose(existing -> existing.stream()
                    .filter(this::isBatons)
                    .findFirst()
                    .map(CompletableFuture::completedFuture)
                    .orElseGet(() -> container.createWebhook(name).submit()));
        } catch (RuntimeException e) { // JDA checks Manage Webhooks before the request
            lookup = CompletableFuture.failedFuture(e);
        }
        lookup.whenComplete((webhook, error) -> {
            if (error != null) {
                webhooks.remove(key, fresh);
                fresh.completeExceptionally(Posting.unwrapped(error));
            } else {
                fresh.complete(webhook);
            }
        });
        return fresh;
    }

    /** One Baton made (so it has the token), not another integration's or a person's. */
    private boolean isBatons(Webhook webhook) {
        return webhook.getType() == WebhookType.INCOMING && webhook.getToken() != null
                && webhook.getOwnerAsUser() != null && webhook.getOwnerAsUser().getIdLong() == jda.getSelfUser().getIdLong();
    }

    /** The webhook stopped working (deleted, token revoked): look it up again next time. */
    void forget(IWebhookContainer container) {
        webhooks.remove(container.getId());
    }
}
