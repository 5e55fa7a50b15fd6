package dev.baton.console;

import dev.baton.console.api.AccessLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An access log in a list, for tests and the demo. */
public final class InMemoryAccessLog implements AccessLog {

    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void record(Entry entry) {
        entries.add(entry);
    }

    @Override
    public List<Entry> recent(int limit) {
        synchronized (entries) {
            List<Entry> newestFirst = new ArrayList<>(entries);
            Collections.reverse(newestFirst);
            return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        }
    }

    @Override
    public List<Entry> search(Query query) {
        synchronized (entries) {
            List<Entry> newestFirst = new ArrayList<>(entries);
            Collections.reverse(newestFirst);
            return newestFirst.stream().filter(query::matches).skip(query.offset()).limit(query.limit()).toList();
        }
    }

    @Override
    public int deleteBefore(java.time.Instant cutoff) {
        synchronized (entries) {
            int before = entries.size();
            entries.removeIf(e -> e.at().isBefore(cutoff));
            return before - entries.size();
        }
    }

    /** Everything recorded, oldest first. */
    public List<Entry> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Whether some entry's {@code what} is exactly this. */
    public boolean has(String username, String what) {
        return all().stream().anyMatch(e -> e.username().equals(username) && e.what().equals(what));
    }
}
