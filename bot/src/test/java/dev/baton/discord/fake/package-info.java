/**
 * A wire-level fake Discord for tests: the real JDA client connects to it on loopback, so the
 * Discord edge of the bot (parsing, permissions, intents, rate limits, reconnects) is tested with
 * the code that runs in production instead of mocks of it.
 *
 * <pre>{@code
 * try (FakeDiscord fake = FakeDiscord.start()) {
 *     long general = fake.addTextChannel("general");   // set up the world before JDA connects
 *     long alice = fake.addMember("alice");
 *     JDA jda = FakeDiscordJda.connect(fake, new EchoBot());
 *     try {
 *         fake.sendMessage(general, alice, "hello");
 *         fake.awaitPostedMessage(p -> p.content().equals("echo: hello"), Duration.ofSeconds(5));
 *     } finally {
 *         FakeDiscordJda.shutdown(jda);                 // JDA first, or it reconnects to a closed port
 *     }
 * }
 * }</pre>
 *
 * <p>Parts: {@link dev.baton.discord.fake.FakeDiscord} is the facade tests use; {@code World} holds
 * the guild; {@code Gateway} speaks the websocket protocol (sessions, sequence numbers, resume);
 * {@code RestRoutes} serves {@code /api/v10/}; {@code Events} applies Discord's intent rules to
 * dispatches; {@code Payloads} builds the JSON. Field requirements of JDA 6 are noted where the
 * payloads are built.
 */
package dev.baton.discord.fake;
