package dev.baton.cli;

import dev.baton.Wiring;
import dev.baton.bench.Benchmarks;
import dev.baton.llm.Assistant;
import dev.baton.llm.ModelFile;
import dev.baton.llm.ModelSettings;
import dev.baton.llm.ModelVariables;
import dev.baton.metrics.BatonMetrics;
import dev.baton.rules.RuleBook;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code baton bench}: every number in docs/benchmarks.md comes from here. The {@code model} part asks the
 * language model configured as Baton's is ({@code BATON_LLM_BASE_URL}, {@code BATON_LLM_MODEL},
 * {@code BATON_LLM_API_KEY}), or the one {@code --llm-base-url} and {@code --llm-model} name; the key only
 * ever comes from the environment.
 */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(Options options, PrintStream out, Map<String, String> environment, Clock clock,
                   Supplier<Wiring> wiring) throws IOException {
        Path data = options.path("--data", Path.of("..", "shared", "data"));
        String only = options.string("--only", "all");
        boolean verbose = Boolean.parseBoolean(options.string("--verbose", "false"));
        double threshold = options.probability("--answer-threshold", RuleBook.DEFAULT_ANSWER_CONFIDENCE);
        Map<String, String> variables = new LinkedHashMap<>(ModelVariables.fromEnvironment(environment).values());
        String baseUrl = options.string("--llm-base-url", null);
        if (baseUrl != null) {
            variables.put(ModelSettings.BASE_URL, baseUrl);
        }
        String model = options.string("--llm-model", null);
        if (model != null) {
            variables.put(ModelSettings.MODEL, model);
        }
        double band = options.probability("--band", ModelFile.ABSENT.tuning().band());
        options.rejectUnknown();
        for (String name : only.split(",")) {
            if (!Benchmarks.NAMES.contains(name) && !name.equals("all")) {
                throw new UsageException("--only takes " + String.join(", ", Benchmarks.NAMES) + " or all, not \"" + name + "\"");
            }
        }
        if (band > 0.5) {
            throw new UsageException("--band must be between 0 and 0.5, was " + band);
        }
        Optional<ModelSettings> settings = modelSettings(new ModelVariables(variables), band);
        if (!Files.isDirectory(data)) {
            out.println("bench: no evaluation data at " + data.toAbsolutePath() + "; skipped.");
            return 0;
        }
        boolean asks = only.equals("all") || Arrays.asList(only.split(",")).contains("model");
        Wiring parts = wiring.get();
        Assistant assistant = asks ? parts.assistant(settings, BatonMetrics.standalone(), clock) : Assistant.off();
        try {
            new Benchmarks(data, parts, threshold, assistant, band, out, verbose).run(only);
        } finally {
            if (assistant instanceof AutoCloseable closeable) {
                close(closeable);
            }
        }
        return 0;
    }

    /** The model as Baton would resolve it without an {@code llm.yaml}, with the bench's band. */
    private static Optional<ModelSettings> modelSettings(ModelVariables variables, double band) {
        try {
            return variables.resolve(ModelFile.ABSENT).map(s -> new ModelSettings(s.baseUrl(), s.model(), s.apiKey(),
                    s.tuning().withBand(band)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace(" (or base_url in llm.yaml)", " or --llm-base-url")
                    .replace(" (or model in llm.yaml)", " or --llm-model"));
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the language model: " + e.getMessage(), e);
        }
    }
}
