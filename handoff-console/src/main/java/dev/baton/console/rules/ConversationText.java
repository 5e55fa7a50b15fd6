package dev.baton.console.rules;

import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.web.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation typed or pasted into "Try it": one message per line, each starting with
 * {@code customer:}, {@code bot:} (or {@code baton:}) or {@code staff:}. A line without a prefix
 * continues the message above it, so a pasted message over several lines stays one message; before
 * any prefix, it is the customer speaking. Blank lines are skipped.
 */
public final class ConversationText {

    public static final int MAX_MESSAGES = 50;
    public static final int MAX_TEXT = 4000;

    private static final Pattern PREFIX = Pattern.compile("^\\s*(customer|bot|baton|staff)\\s*:\\s?(.*)$",
            Pattern.CASE_INSENSITIVE);

    private ConversationText() {
    }

    /** @throws ApiError 400 naming the line that is wrong */
    public static List<PlaygroundMessage> parse(String text) {
        List<String> authors = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = PREFIX.matcher(line);
            if (m.matches()) {
                String author = m.group(1).toLowerCase(Locale.ROOT);
                authors.add(author.equals("baton") ? "bot" : author);
                texts.add(new StringBuilder(m.group(2).strip()));
                starts.add(i + 1);
            } else if (!line.isBlank()) {
                if (texts.isEmpty()) {
                    authors.add("customer");
                    texts.add(new StringBuilder(line.strip()));
                    starts.add(i + 1);
                } else {
                    StringBuilder last = texts.get(texts.size() - 1);
                    last.append(last.length() == 0 ? "" : "\n").append(line.strip());
                }
            }
        }
        if (texts.isEmpty()) {
            throw ApiError.badRequest("\"conversation\" is empty: write at least one customer message, "
                    + "e.g. customer: I was charged twice");
        }
        if (texts.size() > MAX_MESSAGES) {
            throw ApiError.badRequest("\"conversation\" has " + texts.size() + " messages: at most " + MAX_MESSAGES);
        }
        List<PlaygroundMessage> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String body = texts.get(i).toString();
            String where = "\"conversation\" line " + starts.get(i) + ": ";
            if (body.isBlank()) {
                throw ApiError.badRequest(where + "the message after \"" + authors.get(i) + ":\" is empty");
            }
            if (body.length() > MAX_TEXT) {
                throw ApiError.badRequest(where + "the message is too long: at most " + MAX_TEXT + " characters");
            }
            out.add(new PlaygroundMessage(authors.get(i), body));
        }
        if (out.stream().noneMatch(m -> m.author().equals("customer"))) {
            throw ApiError.badRequest("\"conversation\" has no customer message to decide on: start a line with customer:");
        }
        return out;
    }
}
