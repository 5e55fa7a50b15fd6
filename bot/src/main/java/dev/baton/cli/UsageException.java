package dev.baton.cli;

/** The command line itself is wrong; the message says which part. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
