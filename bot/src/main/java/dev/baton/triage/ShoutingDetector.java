package dev.baton.triage;

import dev.baton.text.TextMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Capitals as raised voice. Alone it is a hint (acronyms and excitement are capitals too), so its
 * score stays under the firing line and only tips the balance together with angry or urgent words.
 */
final class ShoutingDetector implements CueDetector {

    static final double HINT = 0.35;

    private final CueKind kind;
    private final TextMemo<String> memo = new TextMemo<>();

    ShoutingDetector(CueKind kind) {
        this.kind = kind;
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        List<Cue> cues = new ArrayList<>();
        for (int index : Turns.currentTurn(conversation)) {
            String shouted = memo.get(conversation.get(index).text(), ShoutingDetector::shoutedWords);
            if (!shouted.isEmpty()) {
                cues.add(new Cue(kind, HINT, index, "shouting: " + shouted));
            }
        }
        return cues;
    }

    /** The capitalised words when at least two words of three or more letters are in capitals. */
    static String shoutedWords(String text) {
        List<String> shouted = new ArrayList<>();
        for (String word : text.split("[^\\p{L}]+")) {
            if (word.length() >= 3 && word.equals(word.toUpperCase(Locale.ROOT))
                    && !word.equals(word.toLowerCase(Locale.ROOT))) {
                shouted.add(word);
            }
        }
        return shouted.size() >= 2 || (shouted.size() == 1 && shouted.get(0).length() >= 5 && wordCount(text) <= 2)
                ? String.join(" ", shouted) : "";
    }

    private static int wordCount(String text) {
        return text.trim().split("\\s+").length;
    }
}
