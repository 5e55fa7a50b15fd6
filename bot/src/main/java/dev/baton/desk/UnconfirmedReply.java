package dev.baton.desk;

/**
 * A reply of Baton's that was stored (before posting, as always) but never confirmed by Discord, found when catching
 * up after a takeover.
 *
 * @param row               the reply's row
 * @param threadId          its conversation's thread, if one was recorded
 * @param customerRow       the row of the customer's message it answers
 * @param customerMessageId that message's Discord id (a thread started from it has the same id)
 * @param customerChannelId where the customer wrote it
 * @param handedOff         whether the conversation is with a person now (the reply was the handoff notice)
 * @param text              what Baton was about to say
 */
public record UnconfirmedReply(long row, String threadId, long customerRow, String customerMessageId,
                               String customerChannelId, boolean handedOff, String text) {
}
