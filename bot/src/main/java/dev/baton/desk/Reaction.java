package dev.baton.desk;

import dev.baton.conversation.ConversationRecord;
import dev.baton.handoff.HandoffRecord;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.routing.Person;
import dev.baton.rules.Priority;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** What the desk wants said after a message; the Discord side carries it out. */
public sealed interface Reaction {

    /** Say nothing. {@code why} is for the log ("handed off", "duplicate", "attachments only"). */
    record Silence(String why) implements Reaction {
    }

    /**
     * Answer from the knowledge base with {@code text}: the entry's answer, or the language model's wording
     * of it once checked to add nothing. {@code pendingRow} is Baton's message, already stored so that a
     * customer's quick reply is read after it; confirm it with {@link SupportDesk#sent} or drop it with
     * {@link SupportDesk#notSent}.
     */
    record Answer(ConversationRecord conversation, KnowledgeEntry entry, long pendingRow, String text)
            implements Reaction {

        public Answer {
            Objects.requireNonNull(text, "text");
        }

        /** The entry's answer word for word. */
        public Answer(ConversationRecord conversation, KnowledgeEntry entry, long pendingRow) {
            this(conversation, entry, pendingRow, entry.answer());
        }
    }

    /**
     * A short reply that is neither an answer nor a handoff: to small talk, what Baton can do and how to
     * reach a person ({@code messages.yaml}'s {@code small_talk}). Stored and confirmed like an answer.
     */
    record Reply(ConversationRecord conversation, long pendingRow, String text) implements Reaction {

        public Reply {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The reaction is on its way: Baton is asking the language model (a second opinion on an unsure decision,
     * or the answer in conversational words) off the caller's thread. {@code later} completes with the
     * reaction, within the model's time limit, and never exceptionally: any failure gives the offline one.
     */
    record Deferred(CompletableFuture<Reaction> later, String why) implements Reaction {
    }

    /**
     * A person takes over: tell the customer who is coming ({@code notice}), and bring the person in.
     * The handoff and the notice ({@code pendingRow}, as for an answer) are stored when this is returned.
     *
     * @param privateThread start a private thread if the conversation needs one (its route said so)
     * @param priority      the route's priority
     */
    record HandOff(ConversationRecord conversation, HandoffRecord handoff, Person person, String notice,
                   long pendingRow, boolean privateThread, Priority priority) implements Reaction {

        public HandOff {
            Objects.requireNonNull(priority, "priority");
        }

        /** A handoff under the default route: a public thread, normal priority. */
        public HandOff(ConversationRecord conversation, HandoffRecord handoff, Person person, String notice,
                       long pendingRow) {
            this(conversation, handoff, person, notice, pendingRow, false, Priority.NORMAL);
        }
    }
}
