package dev.baton.knowledge;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * An immutable set of knowledge entries, in file order, with lookup by id.
 *
 * @param origin where the entries came from (usually the file path), for log and error messages
 * @param entries the entries; ids must be unique
 */
public record KnowledgeBase(String origin, List<KnowledgeEntry> entries) {

    public KnowledgeBase {
        Objects.requireNonNull(origin, "origin");
        entries = new IndexedEntries(Objects.requireNonNull(entries, "entries"));
    }

    /** Looks an entry up by its exact id. */
    public Optional<KnowledgeEntry> find(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(((IndexedEntries) entries).byId.get(id));
    }

    public int size() {
        return entries.size();
    }

    /**
     * A record cannot declare instance fields beyond its components, so the id index built in the
     * constructor travels inside the (still immutable, still a plain {@code List}) entries value.
     */
    private static final class IndexedEntries extends AbstractList<KnowledgeEntry> implements RandomAccess {
        private final List<KnowledgeEntry> list;
        private final Map<String, KnowledgeEntry> byId;

        IndexedEntries(List<KnowledgeEntry> entries) {
            this.list = List.copyOf(entries);
            this.byId = new HashMap<>();
            for (KnowledgeEntry entry : list) {
                // The loader reports duplicates with line numbers; this guards hand-built instances.
                if (byId.putIfAbsent(entry.id(), entry) != null) {
                    throw new IllegalArgumentException("duplicate knowledge entry id: " + entry.id());
                }
            }
        }

        @Override
        public KnowledgeEntry get(int index) {
            return list.get(index);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
