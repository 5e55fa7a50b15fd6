package dev.baton.cluster;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The gateway shards this instance may hold, {@code BATON_SHARDS}: {@code 0-3/8} is shards 0 to 3 of 8, {@code 2/8}
 * shard 2 alone. Unset, one instance holds the only shard ({@code 0/1}): Baton as it always ran.
 *
 * @param first the lowest shard this instance may hold
 * @param last  the highest (inclusive)
 * @param total how many shards Discord's gateway is split into, the same for every instance
 */
public record ShardRange(int first, int last, int total) {

    /** Discord caps shards far below this; a larger number is a typo. */
    private static final int MAX_TOTAL = 4096;
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?/(\\d{1,5})");
    public static final String VARIABLE = "BATON_SHARDS";

    /** One shard, held by this instance: no sharding. */
    public static final ShardRange SINGLE = new ShardRange(0, 0, 1);

    public ShardRange {
        if (total < 1 || total > MAX_TOTAL) {
            throw new IllegalArgumentException("the shard total must be from 1 to " + MAX_TOTAL + ", not " + total);
        }
        if (first < 0 || last < first || last >= total) {
            throw new IllegalArgumentException("shards " + first + "-" + last + " are not within 0-" + (total - 1));
        }
    }

    /**
     * Reads {@code BATON_SHARDS}; blank means {@link #SINGLE}.
     *
     * @throws IllegalArgumentException one line naming the variable, what is wrong and an example
     */
    public static ShardRange parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return SINGLE;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(VARIABLE + " must be FIRST-LAST/TOTAL or SHARD/TOTAL, like 0-3/8"
                    + " (shards 0 to 3 of 8) or 0/1, but is \"" + text + "\"");
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        int total = Integer.parseInt(m.group(3));
        try {
            return new ShardRange(first, last, total);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + " is \"" + text + "\": " + e.getMessage()
                    + " (shards are numbered from 0 to TOTAL-1, like 0-3/8)");
        }
    }

    /** The shard ids this instance may hold, lowest first. */
    public List<Integer> ids() {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    public boolean contains(int shard) {
        return shard >= first && shard <= last;
    }

    /** Whether Discord must be reached through shards at all (more than one in total). */
    public boolean sharded() {
        return total > 1;
    }

    /** The shard Discord delivers a guild's events on: {@code (guild_id >> 22) % total}. */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /** As {@code BATON_SHARDS} is written. */
    @Override
    public String toString() {
        return (first == last ? String.valueOf(first) : first + "-" + last) + "/" + total;
    }
}
