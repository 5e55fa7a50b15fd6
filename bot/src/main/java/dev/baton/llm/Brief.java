package dev.baton.llm;

import dev.langchain4j.model.output.structured.Description;

/** The model's three lines for the person picking up a handoff; each is checked against the transcript. */
public record Brief(
        @Description("what the customer wants, in one short line")
        String wants,
        @Description("what the customer already tried and what Baton already answered, in one short line; empty if nothing")
        String tried,
        @Description("how the customer feels, in one short line, quoting their words")
        String feels) {
}
