package dev.baton.discord;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a customer whose message waits in a busy lane is shown: typing, then a short "one moment" as a reply to
 * their message. Only while the message still waits, and only when Baton would answer it (never in a
 * conversation a person has, never to staff). Once the lane starts the message, {@link #start} says whether
 * the "one moment" went out, so it is stored in the transcript before the answer.
 */
final class WaitNotice implements Lanes.Acknowledgement {

    private static final Logger LOG = LoggerFactory.getLogger(WaitNotice.class);

    private final Message message;
    private final String text;
    private final BooleanSupplier expectsAnswer;
    private boolean started;
    private CompletableFuture<Message> told;

    /**
     * @param text          the "one moment" wording
     * @param expectsAnswer whether Baton would answer the message if it were decided now (read when needed)
     */
    WaitNotice(Message message, String text, BooleanSupplier expectsAnswer) {
        this.message = message;
        this.text = text;
        this.expectsAnswer = expectsAnswer;
    }

    @Override
    public synchronized void typing() {
        if (!started && expectsAnswer.getAsBoolean()) {
            message.getChannel().sendTyping().queue(null, e -> LOG.debug("could not show typing: {}", e.toString()));
        }
    }

    @Override
    public synchronized void oneMoment() {
        if (started || told != null || !expectsAnswer.getAsBoolean()) {
            return;
        }
        told = message.reply(text).setAllowedMentions(Replier.NONE).submit();
        told.whenComplete((sent, failure) -> {
            if (failure != null) {
                LOG.warn("could not tell a waiting customer: {}", failure.toString());
            }
        });
    }

    /** The lane starts the message: nothing more is shown; the "one moment" on its way, if it was sent. */
    synchronized Optional<CompletableFuture<Message>> start() {
        started = true;
        return Optional.ofNullable(told);
    }

    String text() {
        return text;
    }
}
