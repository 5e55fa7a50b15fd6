package dev.baton.routing;

/** Shifts and time windows written as in {@code team.yaml} ({@code "mon-fri 18:00-09:00"}), for tests elsewhere. */
public final class Shifts {

    private Shifts() {
    }

    public static Shift parse(String written) {
        return ShiftSyntax.parse(written);
    }
}
