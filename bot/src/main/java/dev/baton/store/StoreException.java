package dev.baton.store;

/** A database operation failed; wraps {@link java.sql.SQLException} so callers need not. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
