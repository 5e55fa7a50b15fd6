package dev.baton.console.api;

/** An action that cannot be done as asked; the message is shown to the person who tried. */
public class ActionRejected extends RuntimeException {
    public ActionRejected(String message) {
        super(message);
    }
}
