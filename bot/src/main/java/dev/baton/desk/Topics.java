package dev.baton.desk;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.routing.Roster;
import dev.baton.text.Words;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The subject of a conversation, for routing: the nearest entry's topic when it is a fair guess, the
 * topics of entries Baton already answered with, and roster topics the customer named outright. Pure,
 * so the desk and a replay of stored conversations work a handoff's topics out the same way.
 */
public final class Topics {

    /** Below this the nearest entry says little about the subject, so its topic is not used for routing. */
    public static final double HINT = 0.2;

    private Topics() {
    }

    /**
     * @param conversation null when there is nothing the engine can read (then there are no topics)
     * @param nearest      the entry closest to the customer's last message; null when unknown
     * @param answered     the knowledge-base entries Baton already answered with in this conversation
     */
    public static Set<String> of(Conversation conversation, Match nearest, List<String> answered,
                                 KnowledgeBase knowledge, Roster roster) {
        if (conversation == null) {
            return new LinkedHashSet<>();
        }
        return fromWords(nearest, customerWords(conversation.messages()), answered, knowledge, roster);
    }

    /**
     * The same from words already collected, for callers that reuse them (a replay works the topics out
     * for every decision point under two sets of rules).
     *
     * @param customerWords every word the customer wrote so far, as {@link #customerWords} collects them
     */
    public static Set<String> fromWords(Match nearest, Set<String> customerWords, Collection<String> answered,
                                 KnowledgeBase knowledge, Roster roster) {
        Set<String> topics = new LinkedHashSet<>();
        if (nearest != null && nearest.confidence() >= HINT && nearest.entry().topic() != null) {
            topics.add(nearest.entry().topic().toLowerCase(Locale.ROOT));
        }
        // What Baton already answered says what the conversation is about, even when the last message doesn't.
        answered.stream()
                .flatMap(id -> knowledge.find(id).stream())
                .map(KnowledgeEntry::topic).filter(Objects::nonNull)
                .forEach(topic -> topics.add(topic.toLowerCase(Locale.ROOT)));
        roster.people().forEach(p -> p.topics().stream().filter(customerWords::contains).forEach(topics::add));
        return topics;
    }

    /** Every word the customer wrote in these messages (staff and Baton's words name no subject of theirs). */
    public static Set<String> customerWords(List<Message> messages) {
        Set<String> said = new HashSet<>();
        for (Message m : messages) {
            if (m.author() == Author.CUSTOMER) {
                said.addAll(Words.words(m.text()));
            }
        }
        return said;
    }
}
