package dev.baton.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;

/**
 * {@link ModelServices} over any OpenAI-compatible chat completions endpoint, through langchain4j's
 * {@link AiServices}: the verdict and the brief come back as records, with a JSON schema in
 * {@code response_format} when {@code json_schema} is on (else the schema is described in the prompt).
 * langchain4j's own retries are off: {@link ModelGuard} allows one, and counts it.
 */
final class OpenAiServices implements ModelServices {

    interface Judge {
        Verdict judge(String data);
    }

    interface Briefer {
        Brief brief(String data);
    }

    interface Phraser {
        String phrase(String data);
    }

    private final Judge judge;
    private final Briefer briefer;
    private final Phraser phraser;

    OpenAiServices(ModelSettings settings) {
        ChatModel structured = model(settings, settings.tuning().jsonSchema());
        ChatModel plain = model(settings, false);
        this.judge = AiServices.builder(Judge.class).chatModel(structured)
                .systemMessageProvider(id -> Prompts.JUDGE).build();
        this.briefer = AiServices.builder(Briefer.class).chatModel(structured)
                .systemMessageProvider(id -> Prompts.BRIEF).build();
        this.phraser = AiServices.builder(Phraser.class).chatModel(plain)
                .systemMessageProvider(id -> Prompts.PHRASE).build();
    }

    private static ChatModel model(ModelSettings settings, boolean jsonSchema) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey().orElse(null))
                .modelName(settings.model())
                .temperature(0.0)
                .maxTokens(400)
                .timeout(settings.tuning().timeout())
                .maxRetries(0);
        if (jsonSchema) {
            builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
        }
        return builder.build();
    }

    @Override
    public Verdict judge(String data) {
        return judge.judge(data);
    }

    @Override
    public Brief brief(String data) {
        return briefer.brief(data);
    }

    @Override
    public String phrase(String data) {
        return phraser.phrase(data);
    }
}
