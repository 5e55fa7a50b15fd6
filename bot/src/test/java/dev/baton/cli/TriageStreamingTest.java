package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.text.HashingEmbedder;
import dev.baton.triage.TriageEngine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The triage command streams: each answer leaves before the next line arrives, at any length. */
class TriageStreamingTest {

    private TriageCommand command;

    @BeforeEach
    void engineWithAStandInModel() throws Exception {
        Path kb = Path.of(getClass().getResource("/test-knowledge.yaml").toURI());
        TriageEngine engine = new Wiring(new HashingEmbedder()).engine(KnowledgeBaseLoader.load(kb));
        command = new TriageCommand(engine);
    }

    @Test
    @Timeout(30)
    void eachDecisionIsWrittenBeforeTheNextLineIsRead() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        PipedOutputStream stdoutSink = new PipedOutputStream();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(new PipedInputStream(stdoutSink),
                StandardCharsets.UTF_8));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try (var out = new BufferedWriter(new OutputStreamWriter(stdoutSink, StandardCharsets.UTF_8))) {
                command.run(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        feed.write("{\"text\": \"how much does plus cost?\"}\n".getBytes(StandardCharsets.UTF_8));
        feed.flush();
        // The input stays open: this line can only arrive if the command answered line 1 on its own.
        assertTrue(stdout.readLine().startsWith("{\"action\""));
        feed.write("{\"text\": \"can i talk to a real person\"}\n".getBytes(StandardCharsets.UTF_8));
        feed.close();
        assertTrue(stdout.readLine().contains("human_request"));
        running.get(10, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(120)
    void tenThousandLinesGoThroughWithOneOutputLineEach() throws Exception {
        int lines = 10_000;
        Reader generated = new Reader() {
            private final String line = "{\"text\": \"what is the maximum upload size?\"}\n";
            private int emitted;
            private int offset;

            @Override
            public int read(char[] buffer, int start, int length) {
                if (emitted == lines) {
                    return -1;
                }
                int n = Math.min(length, line.length() - offset);
                line.getChars(offset, offset + n, buffer, start);
                offset += n;
                if (offset == line.length()) {
                    offset = 0;
                    emitted++;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        CountingWriter out = new CountingWriter();
        command.run(new BufferedReader(generated), new BufferedWriter(out));
        assertEquals(lines, out.newlines);
    }

    /** Counts lines instead of keeping them: the test itself must not hold 10,000 answers. */
    private static final class CountingWriter extends StringWriter {
        int newlines;

        @Override
        public void write(String s, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (s.charAt(i) == '\n') {
                    newlines++;
                }
            }
        }

        @Override
        public void write(char[] c, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (c[i] == '\n') {
                    newlines++;
                }
            }
        }

        @Override
        public void write(int c) {
            if (c == '\n') {
                newlines++;
            }
        }
    }
}
