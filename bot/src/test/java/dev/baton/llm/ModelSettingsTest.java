package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    private static final URI LOCAL = URI.create("http://localhost:11434/v1");
    private static final ModelFile FILE = new ModelFile(Optional.of(LOCAL), Optional.of("llama3.2"),
            ModelTuning.DEFAULTS.withTimeout(Duration.ofSeconds(9)));

    private static ModelSettings resolved(Map<String, String> env, ModelFile file) {
        return ModelSettings.resolve(env, file).orElseThrow();
    }

    @Test
    void neitherTheEnvironmentNorTheFileNamingAnEndpointLeavesBatonOffline() {
        assertEquals(Optional.empty(), ModelSettings.resolve(Map.of(), ModelFile.ABSENT));
        assertEquals(Optional.empty(), ModelSettings.resolve(Map.of(ModelSettings.API_KEY, "sk-live-1234"),
                ModelFile.ABSENT), "a key alone configures nothing");
    }

    @Test
    void theFileAloneConfiguresTheModelWithItsTuning() {
        ModelSettings settings = resolved(Map.of(), FILE);

        assertEquals(new ModelSettings(LOCAL, "llama3.2", Optional.empty(), FILE.tuning()), settings);
    }

    @Test
    void theEnvironmentWinsOverTheFileButTheTuningStillComesFromTheFile() {
        ModelSettings settings = resolved(Map.of(ModelSettings.BASE_URL, "https://api.example.com/v1",
                ModelSettings.MODEL, "gpt-4o-mini"), FILE);

        assertEquals(URI.create("https://api.example.com/v1"), settings.baseUrl());
        assertEquals("gpt-4o-mini", settings.model());
        assertEquals(Duration.ofSeconds(9), settings.tuning().timeout());
    }

    @Test
    void theEnvironmentAloneConfiguresTheModelWithDefaultTuning() {
        ModelSettings settings = resolved(Map.of(ModelSettings.BASE_URL, " http://localhost:11434/v1 ",
                ModelSettings.MODEL, "llama3.2"), ModelFile.ABSENT);

        assertEquals(new ModelSettings(LOCAL, "llama3.2", Optional.empty(), ModelTuning.DEFAULTS), settings);
    }

    @Test
    void eachHalfMayComeFromEitherPlace() {
        ModelFile urlOnly = new ModelFile(Optional.of(LOCAL), Optional.empty(), ModelTuning.DEFAULTS);

        assertEquals("mistral", resolved(Map.of(ModelSettings.MODEL, "mistral"), urlOnly).model());
    }

    @Test
    void aBlankVariableFallsBackToTheFile() {
        ModelSettings settings = resolved(Map.of(ModelSettings.BASE_URL, "  ", ModelSettings.MODEL, ""), FILE);

        assertEquals(LOCAL, settings.baseUrl());
        assertEquals("llama3.2", settings.model());
    }

    @Test
    void onlyAModelIsAnErrorNamingBatonLlmBaseUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSettings.resolve(Map.of(ModelSettings.MODEL, "llama3.2"), ModelFile.ABSENT));

        assertEquals("a language model is named (llama3.2) but not where to reach it: set BATON_LLM_BASE_URL (or"
                + " base_url in llm.yaml), e.g. http://localhost:11434/v1", e.getMessage());
    }

    @Test
    void onlyAModelInTheFileIsTheSameError() {
        ModelFile modelOnly = new ModelFile(Optional.empty(), Optional.of("llama3.2"), ModelTuning.DEFAULTS);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSettings.resolve(Map.of(), modelOnly));

        assertTrue(e.getMessage().contains("set BATON_LLM_BASE_URL"), e.getMessage());
    }

    @Test
    void onlyAnEndpointIsAnErrorNamingBatonLlmModel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSettings.resolve(Map.of(ModelSettings.BASE_URL, "http://localhost:11434/v1"),
                        ModelFile.ABSENT));

        assertEquals("a language model endpoint is set (http://localhost:11434/v1) but no model: set BATON_LLM_MODEL"
                + " (or model in llm.yaml), e.g. llama3.2", e.getMessage());
    }

    @Test
    void aBaseUrlThatIsNotAnHttpUrlIsAnErrorNamingTheVariable() {
        IllegalArgumentException notHttp = assertThrows(IllegalArgumentException.class,
                () -> ModelSettings.resolve(Map.of(ModelSettings.BASE_URL, "localhost:11434/v1",
                        ModelSettings.MODEL, "llama3.2"), ModelFile.ABSENT));
        IllegalArgumentException notAUrl = assertThrows(IllegalArgumentException.class,
                () -> ModelSettings.resolve(Map.of(ModelSettings.BASE_URL, "http://local host/v1",
                        ModelSettings.MODEL, "llama3.2"), ModelFile.ABSENT));

        assertEquals("BATON_LLM_BASE_URL must be an absolute http or https URL like http://localhost:11434/v1, but is"
                + " \"localhost:11434/v1\"", notHttp.getMessage());
        assertEquals("BATON_LLM_BASE_URL is not a URL: \"http://local host/v1\"", notAUrl.getMessage());
    }

    @Test
    void theKeyComesFromTheEnvironmentAndToStringMasksIt() {
        ModelSettings settings = resolved(Map.of(ModelSettings.API_KEY, "sk-live-1234"), FILE);

        assertEquals(Optional.of("sk-live-1234"), settings.apiKey());
        assertFalse(settings.toString().contains("sk-live-1234"), settings.toString());
        assertTrue(settings.toString().contains("apiKey=****"), settings.toString());
    }

    @Test
    void aBlankKeyIsNoKey() {
        ModelSettings settings = resolved(Map.of(ModelSettings.API_KEY, "   "), FILE);

        assertEquals(Optional.empty(), settings.apiKey());
        assertTrue(settings.toString().contains("apiKey=unset"), settings.toString());
    }
}
