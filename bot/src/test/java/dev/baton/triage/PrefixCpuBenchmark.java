package dev.baton.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Wiring;
import dev.baton.knowledge.KnowledgeBaseLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, work once per message: CPU time of deciding every prefix of each multi-message conversation
 * (ending at a customer message) in order, as the desk decides a conversation again at each new message;
 * then the same decisions again, when every text has been seen. Thread CPU time, which a loaded machine
 * disturbs less than wall time. Reads the conversation sets in place and skips without them:
 *
 * <pre>mvn -B -o test -pl bot -am -Dtest=PrefixCpuBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbaton.excludedGroups=</pre>
 */
@Tag("benchmark")
class PrefixCpuBenchmark {

    private static final Path DATA = Path.of("..", "..", "shared", "data");
    private static final List<Path> CONVERSATIONS = List.of(
            DATA.resolve("conversations/emberfall-conversations.jsonl"),
            DATA.resolve("conversations/tally-conversations.jsonl"));
    private static final Path WARM_UP = DATA.resolve("bench/scope_clinc150.dev.jsonl");

    @Test
    void decidingEachPrefixInOrder() throws Exception {
        Assumptions.assumeTrue(CONVERSATIONS.stream().allMatch(Files::exists) && Files.exists(WARM_UP),
                "skipped: the conversation sets are not in " + DATA.toAbsolutePath().normalize());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        TriageEngine engine = new Wiring().engine(KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml")));
        ObjectMapper mapper = new ObjectMapper();
        TriageJson json = new TriageJson();
        // JIT warm-up on 400 one-message conversations from another data set.
        for (String line : Files.readAllLines(WARM_UP).subList(0, 400)) {
            engine.decide(Conversation.of(Message.customer(mapper.readTree(line).path("text").asText())));
        }
        List<Conversation> prefixes = new ArrayList<>();
        for (Path file : CONVERSATIONS) {
            for (String line : Files.readAllLines(file)) {
                List<Message> messages = json.conversation(mapper.readTree(line)).messages();
                for (int i = 0; i < messages.size() && messages.size() > 1; i++) {
                    if (messages.get(i).author() == Author.CUSTOMER) {
                        prefixes.add(new Conversation(messages.subList(0, i + 1)));
                    }
                }
            }
        }
        long[] cpu = new long[prefixes.size()];
        long all = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < prefixes.size(); i++) {
            long t = mx.getCurrentThreadCpuTime();
            engine.decide(prefixes.get(i));
            cpu[i] = mx.getCurrentThreadCpuTime() - t;
        }
        long total = mx.getCurrentThreadCpuTime() - all;
        // The same pass again: every text is now known (embeddings, and each detector's reading of it).
        long again = mx.getCurrentThreadCpuTime();
        for (Conversation conversation : prefixes) {
            engine.decide(conversation);
        }
        long againTotal = mx.getCurrentThreadCpuTime() - again;
        Arrays.sort(cpu);
        System.out.printf("prefixes %d: cpu total %.1f ms, mean %.3f ms, p50 %.3f ms, p90 %.3f ms;"
                        + " second pass (all texts seen) %.1f ms%n", cpu.length, total / 1e6, total / 1e6 / cpu.length,
                cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.9)] / 1e6, againTotal / 1e6);
    }
}
