package dev.baton.discord.fake;

/**
 * A thread that exists in the fake guild.
 *
 * @param type 11 public, 12 private
 * @param starterMessageId the message the thread was started from (its id equals the thread id), or null
 */
public record FakeThread(long id, long parentId, int type, String name, Long starterMessageId) {}
