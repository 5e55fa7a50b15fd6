package dev.baton.llm;

/**
 * The three requests Baton makes of a model, each taking the JSON data {@link Prompts} builds. Implemented
 * over an OpenAI-compatible endpoint by {@link OpenAiServices}; tests may fake it.
 */
public interface ModelServices {

    Verdict judge(String data);

    Brief brief(String data);

    String phrase(String data);
}
