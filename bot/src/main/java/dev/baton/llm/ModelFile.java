package dev.baton.llm;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code config/llm.yaml} says. The endpoint may also come from the environment, which wins; the API
 * key only ever comes from the environment ({@code BATON_LLM_API_KEY}), never from a file in the config
 * directory that people share and commit.
 *
 * @param baseUrl {@code base_url}, e.g. {@code http://localhost:11434/v1}
 * @param model   {@code model}, e.g. {@code llama3.2}
 */
public record ModelFile(Optional<URI> baseUrl, Optional<String> model, ModelTuning tuning) {

    /** No {@code llm.yaml}: nothing configured, default tuning. */
    public static final ModelFile ABSENT = new ModelFile(Optional.empty(), Optional.empty(), ModelTuning.DEFAULTS);

    public ModelFile {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tuning, "tuning");
    }
}
