package dev.baton.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a conversation the detectors care about: the customer's current turn (their messages
 * since Baton or staff last spoke, ending at the focus message) and what came before it.
 */
final class Turns {

    private Turns() {
    }

    /**
     * How much a feeling in an earlier customer message counts: enough that one building across turns
     * still shows, not enough that one Baton already answered past decides on its own.
     */
    static final double EARLIER_DISCOUNT = 0.5;

    /** A customer message and how much what it says counts for the decision now. */
    record Weighted(int index, double weight) {
    }

    /** The current turn at full weight, then earlier customer messages at {@link #EARLIER_DISCOUNT}. */
    static List<Weighted> customerMessages(Conversation conversation) {
        List<Weighted> messages = new ArrayList<>();
        for (int index : currentTurn(conversation)) {
            messages.add(new Weighted(index, 1.0));
        }
        for (int index : earlierCustomerMessages(conversation)) {
            messages.add(new Weighted(index, EARLIER_DISCOUNT));
        }
        return messages;
    }

    /** Indices of the customer's messages in the current turn, oldest first. */
    static List<Integer> currentTurn(Conversation conversation) {
        int focus = conversation.focus();
        List<Integer> turn = new ArrayList<>();
        for (int i = focus; i >= 0 && conversation.get(i).author() == Author.CUSTOMER; i--) {
            turn.add(0, i);
        }
        return turn;
    }

    /** Indices of customer messages before the current turn. */
    static List<Integer> earlierCustomerMessages(Conversation conversation) {
        int start = currentTurn(conversation).get(0);
        List<Integer> earlier = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            if (conversation.get(i).author() == Author.CUSTOMER) {
                earlier.add(i);
            }
        }
        return earlier;
    }

    /** Index of the last bot message before the current turn, or -1. */
    static int lastBotMessage(Conversation conversation) {
        int start = currentTurn(conversation).get(0);
        for (int i = start - 1; i >= 0; i--) {
            if (conversation.get(i).author() == Author.BOT) {
                return i;
            }
        }
        return -1;
    }
}
