package dev.baton.repeats;

import dev.baton.text.TextEmbedder;
import dev.baton.triage.Author;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pair worth weighing in one transcript: each customer message after pickup, and each person's message
 * after pickup that asks for something, against each customer message before pickup. A person's message that
 * asks nothing cannot ask again, so it is not weighed at all. Every text is embedded once, in one batch.
 */
final class Candidates {

    private final TextEmbedder embedder;

    Candidates(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /** @throws IllegalArgumentException when {@code pickedUpAt} is not the index of a message */
    List<Candidate> of(List<Turn> turns, int pickedUpAt) {
        if (pickedUpAt < 0 || pickedUpAt >= turns.size()) {
            throw new IllegalArgumentException("picked up at message " + pickedUpAt + " of " + turns.size());
        }
        Map<Integer, List<String>> units = new LinkedHashMap<>();
        List<Integer> earlier = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.author() == Author.CUSTOMER && !turn.text().isBlank()) {
                units.put(i, Phrasing.sentences(turn.text()));
                if (i < pickedUpAt) {
                    earlier.add(i);
                }
            } else if (turn.author() == Author.STAFF && i >= pickedUpAt) {
                List<String> asks = Phrasing.asks(Phrasing.sentences(turn.text()));
                if (!asks.isEmpty()) {
                    units.put(i, asks);
                }
            }
        }
        if (earlier.isEmpty()) {
            return List.of();
        }
        Map<Integer, Reading> readings = read(turns, units);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = pickedUpAt; i < turns.size(); i++) {
            Reading later = readings.get(i);
            if (later == null) {
                continue;
            }
            Kind kind = turns.get(i).author() == Author.STAFF ? Kind.STAFF_REASKED : Kind.CUSTOMER_RESTATED;
            boolean answers = kind == Kind.CUSTOMER_RESTATED && followsQuestion(turns, i, readings);
            for (int e : earlier) {
                candidates.add(new Candidate(i, e, kind, Features.of(later, readings.get(e), kind, answers)));
            }
        }
        return candidates;
    }

    private Map<Integer, Reading> read(List<Turn> turns, Map<Integer, List<String>> units) {
        Map<Integer, String> read = new LinkedHashMap<>();
        Map<String, Integer> position = new LinkedHashMap<>();
        units.forEach((i, sentences) -> {
            // A person's greeting and news around a question are not what is compared: only what they ask.
            read.put(i, turns.get(i).author() == Author.STAFF ? String.join(" ", sentences) : turns.get(i).text());
            position.putIfAbsent(read.get(i), position.size());
            sentences.forEach(s -> position.putIfAbsent(s, position.size()));
        });
        List<float[]> vectors = embedder.embedAll(List.copyOf(position.keySet()));
        Map<Integer, Reading> readings = new LinkedHashMap<>();
        units.forEach((i, sentences) -> {
            List<float[]> unitVectors = sentences.stream().map(s -> vectors.get(position.get(s))).toList();
            readings.put(i, Reading.of(read.get(i), sentences, unitVectors, vectors.get(position.get(read.get(i)))));
        });
        return readings;
    }

    /** Whether the customer message at {@code i} comes right after a person's question (Baton's lines aside). */
    private static boolean followsQuestion(List<Turn> turns, int i, Map<Integer, Reading> readings) {
        for (int j = i - 1; j >= 0; j--) {
            Author author = turns.get(j).author();
            if (author == Author.STAFF) {
                return readings.containsKey(j);
            }
            if (author == Author.CUSTOMER) {
                return false;
            }
        }
        return false;
    }
}
