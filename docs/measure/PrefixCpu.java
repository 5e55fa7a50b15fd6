import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Wiring;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 16, work once per message: CPU time of deciding every prefix of each multi-message conversation
 * (ending at a customer message) in order, as the desk decides a conversation again at each new message;
 * then the same decisions again, when every text has been seen. Not part of the build; run from the
 * project root with the jar on the class path:
 *
 * <pre>java -cp bot/target/baton.jar docs/measure/PrefixCpu.java \
 *     ../shared/data/conversations/emberfall-conversations.jsonl ../shared/data/conversations/tally-conversations.jsonl</pre>
 */
public class PrefixCpu {
    public static void main(String[] args) throws Exception {
        var mx = ManagementFactory.getThreadMXBean();
        TriageEngine engine = new Wiring().engine(KnowledgeBaseLoader.load(Path.of("config/knowledge.yaml")));
        ObjectMapper om = new ObjectMapper();
        TriageJson json = new TriageJson();
        // JIT warm-up on 400 one-message conversations from another data set.
        Path warmUp = Path.of(args[0]).resolveSibling("../bench/scope_clinc150.dev.jsonl").normalize();
        for (String line : Files.readAllLines(warmUp).subList(0, 400)) {
            engine.decide(Conversation.of(Message.customer(om.readTree(line).path("text").asText())));
        }
        List<Conversation> prefixes = new ArrayList<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                List<Message> messages = json.conversation(om.readTree(line)).messages();
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
        // The same pass again: every text is now cached (embeddings; readings too after the change).
        long again = mx.getCurrentThreadCpuTime();
        for (Conversation c : prefixes) {
            engine.decide(c);
        }
        long againTotal = mx.getCurrentThreadCpuTime() - again;
        Arrays.sort(cpu);
        System.out.printf("prefixes %d: cpu total %.1f ms, mean %.3f ms, p50 %.3f ms, p90 %.3f ms; second pass (all texts seen) %.1f ms%n",
                cpu.length, total / 1e6, total / 1e6 / cpu.length, cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.9)] / 1e6, againTotal / 1e6);
    }
}
