package dev.baton.console.api;

public class NoSuchHandoff extends RuntimeException {
    public NoSuchHandoff(long id) {
        super("no handoff " + id);
    }
}
