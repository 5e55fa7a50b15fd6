package dev.baton.aftercare;

/** What Baton posts after a resolve: the question with its buttons, or a kind closing line without any. */
public enum Kind {
    RATING("rating"),
    CLOSING_LINE("closing_line");

    private final String wireName;

    Kind(String wireName) {
        this.wireName = wireName;
    }

    /** As stored in {@code aftercare.kind} and in the {@code aftercare_asked} event's detail. */
    public String wireName() {
        return wireName;
    }

    static Kind fromWire(String wire) {
        return wire.equals(CLOSING_LINE.wireName) ? CLOSING_LINE : RATING;
    }
}
