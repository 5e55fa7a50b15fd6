package dev.baton.health;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles: the p-th percentile of N values is the value at rank ⌈p/100 · N⌉ in ascending
 * order. Always one of the values themselves, never an interpolation, so "p90 pickup 14 minutes" means
 * somebody really waited 14 minutes; and with few handoffs (a quiet rule) that honesty matters most.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    public static Percentiles of(long... values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The {@code percent}-th percentile, or null when there are no values.
     *
     * @param percent 1 to 100
     */
    public Long at(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a percentile is from 1 to 100, was " + percent);
        }
        if (sorted.length == 0) {
            return null;
        }
        // In whole numbers: 0.9 * 70 is 63.00000000000001 in floating point, which would round up a rank too far.
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) rank - 1];
    }

    public Long p50() {
        return at(50);
    }

    public Long p90() {
        return at(90);
    }
}
