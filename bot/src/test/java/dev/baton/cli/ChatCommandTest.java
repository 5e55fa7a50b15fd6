package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code chat} command: one conversation typed line by line, Baton's answers kept in it. */
class ChatCommandTest {

    @Test
    void batonsAnswerStaysInTheConversationSoAFollowUpIsNotGivenItAgain() throws Exception {
        String kb = Path.of(getClass().getResource("/test-knowledge.yaml").toURI()).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String typed = "how much does plus cost\nis the price the same in every country?\n";

        int exit = new Cli(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run(new String[] {"chat", "--kb", kb});

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("baton [plus-price"), printed);
        assertTrue(printed.contains("handing off to a person (out_of_scope)")
                && printed.contains("plus-price, is the answer Baton gave in message 1"), printed);
    }
}
