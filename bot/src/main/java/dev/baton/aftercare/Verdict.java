package dev.baton.aftercare;

/** The customer's answer to "Did this help?". */
public enum Verdict {
    UP("up"),
    DOWN("down");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    /** As stored in {@code aftercare.verdict}, in event details and in {@code baton_csat_total{verdict}}. */
    public String wireName() {
        return wireName;
    }

    public static Verdict fromWire(String wire) {
        for (Verdict verdict : values()) {
            if (verdict.wireName.equals(wire)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + wire);
    }
}
