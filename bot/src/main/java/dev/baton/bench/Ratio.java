package dev.baton.bench;

import java.util.Locale;

/** A share and what it is a share of, printed as the bench prints every rate: {@code 0.968 (30/31)}. */
record Ratio(int part, int whole) {

    /** 0 when there is nothing to divide. */
    double value() {
        return whole == 0 ? 0 : (double) part / whole;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", value(), part, whole);
    }
}
