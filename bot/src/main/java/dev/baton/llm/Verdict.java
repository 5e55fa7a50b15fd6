package dev.baton.llm;

import dev.langchain4j.model.output.structured.Description;
import java.util.List;

/**
 * The model's second opinion, as structured output (a JSON schema where the endpoint supports it). It can
 * only say two things, and Baton checks both (see {@link Opinion}): whether the one entry Baton found
 * answers the customer, and which of the feelings or needs Baton was unsure about the customer's own
 * words show.
 */
public record Verdict(
        @Description("true only if the knowledge-base entry fully answers the customer's latest message")
        boolean entryAnswers,
        @Description("needs from the list `unsure_about` that the customer's own words clearly show; empty if none")
        List<Signal> signals) {

    public Verdict {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** One need, with the customer's exact words that show it. */
    public record Signal(
            @Description("one of the names in `unsure_about`")
            String need,
            @Description("the customer's exact words that show it, copied verbatim")
            String quote) {
    }
}
