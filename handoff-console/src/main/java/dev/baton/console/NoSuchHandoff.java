package dev.baton.console;

public class NoSuchHandoff extends RuntimeException {
    public NoSuchHandoff(long id) {
        super("no handoff " + id);
    }
}
