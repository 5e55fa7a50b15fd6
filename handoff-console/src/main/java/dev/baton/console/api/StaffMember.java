package dev.baton.console.api;

/** A person on the roster. {@code id} is their roster id, which is also their console user name. */
public record StaffMember(String id, String name, String team) {
}
