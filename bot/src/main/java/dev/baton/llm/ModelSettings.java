package dev.baton.llm;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A language model Baton may ask: any OpenAI-compatible chat completions endpoint (hosted, or local such
 * as Ollama, llama.cpp's server or vLLM). Baton is fully useful without one; see {@link #resolve}.
 *
 * @param baseUrl the API's base, up to and including {@code /v1}
 * @param apiKey  sent as a bearer token; local servers usually need none. Never printed.
 */
public record ModelSettings(URI baseUrl, String model, Optional<String> apiKey, ModelTuning tuning) {

    public static final String BASE_URL = "BATON_LLM_BASE_URL";
    public static final String MODEL = "BATON_LLM_MODEL";
    public static final String API_KEY = "BATON_LLM_API_KEY";

    public ModelSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(tuning, "tuning");
    }

    /**
     * The model to use, if any: {@code BATON_LLM_BASE_URL} and {@code BATON_LLM_MODEL} (each falling back to
     * {@code llm.yaml}'s {@code base_url} and {@code model}), {@code BATON_LLM_API_KEY} from the environment
     * only, the tuning from {@code llm.yaml}. Empty, so Baton runs offline, when neither the environment nor
     * the file names an endpoint.
     *
     * @throws IllegalArgumentException when only one of endpoint and model is known, or the URL is not one,
     *                                  naming the variable or key to set
     */
    public static Optional<ModelSettings> resolve(Map<String, String> env, ModelFile file) {
        Optional<URI> baseUrl = Optional.of(value(env, BASE_URL)).filter(v -> !v.isEmpty()).map(ModelSettings::url)
                .or(file::baseUrl);
        Optional<String> model = Optional.of(value(env, MODEL)).filter(v -> !v.isEmpty()).or(file::model);
        Optional<String> apiKey = Optional.of(env.getOrDefault(API_KEY, "")).filter(v -> !v.isBlank());
        if (baseUrl.isEmpty() && model.isEmpty()) {
            return Optional.empty();
        }
        if (baseUrl.isEmpty()) {
            throw new IllegalArgumentException("a language model is named (" + model.get() + ") but not where to"
                    + " reach it: set " + BASE_URL + " (or base_url in llm.yaml), e.g. http://localhost:11434/v1");
        }
        if (model.isEmpty()) {
            throw new IllegalArgumentException("a language model endpoint is set (" + shown(baseUrl.get()) + ") but no"
                    + " model: set " + MODEL + " (or model in llm.yaml), e.g. llama3.2");
        }
        return Optional.of(new ModelSettings(baseUrl.get(), model.get(), apiKey, file.tuning()));
    }

    /** An absolute http(s) URL, as {@code base_url} or {@code BATON_LLM_BASE_URL} must be. */
    public static URI url(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL + " is not a URL: \"" + value + "\"");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(BASE_URL + " must be an absolute http or https URL like"
                    + " http://localhost:11434/v1, but is \"" + value + "\"");
        }
        return uri;
    }

    /** The endpoint as it may be printed: a user name or password written into it shows as {@code ****}. */
    public static String shown(URI url) {
        String userInfo = url.getRawUserInfo();
        return userInfo == null ? url.toString() : url.toString().replace(userInfo + "@", "****@");
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "ModelSettings[baseUrl=" + shown(baseUrl) + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "****"
                : "unset") + ", tuning=" + tuning + "]";
    }

    private static String value(Map<String, String> env, String name) {
        return env.getOrDefault(name, "").strip();
    }
}
