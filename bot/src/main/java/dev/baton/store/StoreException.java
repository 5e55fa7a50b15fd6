package dev.baton.store;

import java.sql.SQLException;

/** A database operation failed; wraps {@link SQLException} so callers need not. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
