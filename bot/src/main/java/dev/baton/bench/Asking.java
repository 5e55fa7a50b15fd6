package dev.baton.bench;

import dev.baton.llm.Attempt;
import dev.baton.llm.Failure;
import dev.baton.llm.Opinion;
import dev.baton.llm.SecondOpinions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What asking the model did to a set of decisions, counted from each decision's band and attempt. */
final class Asking {

    /** One decision: whether it was in the band, and the model's attempt when it was asked. */
    private record Asked(boolean inBand, Optional<Attempt<Opinion.Applied>> attempt) {
    }

    private final List<Asked> decisions = new ArrayList<>();

    void add(boolean wasInBand, SecondOpinions.Outcome outcome) {
        decisions.add(new Asked(wasInBand, outcome.attempt()));
    }

    void add(Asking other) {
        decisions.addAll(other.decisions);
    }

    int decisions() {
        return decisions.size();
    }

    int inBand() {
        return (int) decisions.stream().filter(Asked::inBand).count();
    }

    int asked() {
        return attempts().size();
    }

    int agreed() {
        return (int) attempts().stream().filter(a -> a instanceof Attempt.Got && !changed(a)).count();
    }

    int changed() {
        return (int) attempts().stream().filter(Asking::changed).count();
    }

    /**
     * The wait on the model for every decision, 0 where it was not asked. What the desk records as the
     * model's wait: the request(s), including a retry, or the failure's.
     */
    List<Long> waits() {
        return decisions.stream().map(d -> d.attempt().map(Asking::millis).orElse(0L)).toList();
    }

    List<Long> askedWaits() {
        return attempts().stream().map(Asking::millis).toList();
    }

    /** Failed or rejected, with the kinds: {@code 3 (timeout 2, rejected 1)}. */
    String failed() {
        Map<Failure, Integer> failures = new EnumMap<>(Failure.class);
        for (Attempt<Opinion.Applied> attempt : attempts()) {
            if (attempt instanceof Attempt.Failed<Opinion.Applied> failed) {
                failures.merge(failed.failure(), 1, Integer::sum);
            }
        }
        int total = failures.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? "0" : total + " (" + failures.entrySet().stream()
                .map(e -> e.getKey().wireName() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    /** in band | asked | agreed | changed | failed, as table cells. */
    String counts() {
        return inBand() + " | " + asked() + " | " + agreed() + " | " + changed() + " | " + failed();
    }

    private List<Attempt<Opinion.Applied>> attempts() {
        return decisions.stream().flatMap(d -> d.attempt().stream()).toList();
    }

    private static boolean changed(Attempt<Opinion.Applied> attempt) {
        return attempt instanceof Attempt.Got<Opinion.Applied> got && got.value().outcome().equals("changed");
    }

    private static long millis(Attempt<Opinion.Applied> attempt) {
        return attempt.took().toMillis();
    }
}
