package dev.baton.pickup;

import dev.baton.conversation.ConversationRecord;
import dev.baton.routing.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pickup notices in memory: every call is recorded, and each is "posted" in the conversation's reply
 * channel with a fresh message id, unless the test says Discord is refusing. A test can also act while
 * a notice is being posted (a person claiming meanwhile, say).
 */
final class RecordingNotices implements PickupNotices {

    /** One call: which, where, to whom (a roster id or a role id) and the text(s). */
    record Call(String kind, long conversationId, String to, String text) {
    }

    final List<Call> calls = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_190_000_000_000_000_000L);
    private String refusal;
    private RuntimeException thrown;
    private Consumer<Call> during = call -> {
    };

    /** From now on every post fails with this reason. */
    void refuse(String why) {
        this.refusal = why;
    }

    /** From now on every call throws (a bug on the Discord side must not stop the watch). */
    void throwOnCall(RuntimeException e) {
        this.thrown = e;
    }

    /** Runs {@code action} while each notice is being posted. */
    void during(Consumer<Call> action) {
        this.during = action;
    }

    List<Call> of(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    @Override
    public Posted remind(ConversationRecord conversation, Person person, String text) {
        return record(new Call("remind", conversation.id(), person.id(), text), conversation, text);
    }

    @Override
    public Posted reroute(ConversationRecord conversation, Person to, String text) {
        return record(new Call("reroute", conversation.id(), to.id(), text), conversation, text);
    }

    @Override
    public Posted escalate(ConversationRecord conversation, String roleId, String forCustomer, String forStaff) {
        String text = forCustomer + "\n\n" + forStaff;
        return record(new Call("escalate", conversation.id(), roleId, text), conversation, text);
    }

    private Posted record(Call call, ConversationRecord conversation, String text) {
        calls.add(call);
        during.accept(call);
        if (thrown != null) {
            throw thrown;
        }
        if (refusal != null) {
            return Posted.failed("not posted: " + refusal);
        }
        return new Posted(true, String.valueOf(ids.incrementAndGet()), conversation.replyChannelId(), text,
                "posted in the thread");
    }
}
