package dev.baton.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The language model's environment variables ({@code BATON_LLM_BASE_URL}, {@code BATON_LLM_MODEL},
 * {@code BATON_LLM_API_KEY}), kept apart from the rest of the environment until {@code llm.yaml} is read
 * (see {@link ModelSettings#resolve}). Printing them never shows the key.
 */
public record ModelVariables(Map<String, String> values) {

    public static final ModelVariables NONE = new ModelVariables(Map.of());

    public ModelVariables {
        values = Map.copyOf(values);
    }

    public static ModelVariables fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new String[] {ModelSettings.BASE_URL, ModelSettings.MODEL, ModelSettings.API_KEY}) {
            String value = env.get(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return new ModelVariables(values);
    }

    /** @throws IllegalArgumentException as {@link ModelSettings#resolve} */
    public Optional<ModelSettings> resolve(ModelFile file) {
        return ModelSettings.resolve(values, file);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.computeIfPresent(ModelSettings.API_KEY, (name, value) -> "****");
        return "ModelVariables" + shown;
    }
}
