package dev.baton.llm;

import java.util.Locale;

/** Why a language model gave Baton nothing it could use; in every case Baton carries on offline. */
public enum Failure {
    /** No model is configured, or not for this use. */
    OFF(false),
    /** Too many recent failures: the model is not asked until the breaker lets one trial request through. */
    BREAKER_OPEN(false),
    /** As many requests in flight as {@code concurrent} allows. */
    BUSY(false),
    TIMEOUT(false),
    RATE_LIMITED(true),
    SERVER_ERROR(true),
    /** Connection refused, unknown host, network down. */
    UNREACHABLE(true),
    /** 401 or 403: the key is wrong; retrying cannot help. */
    NOT_AUTHORISED(false),
    /** Any other 4xx, such as an unknown model. */
    BAD_REQUEST(false),
    /** The reply was not what was asked for (not JSON, not the schema). */
    MALFORMED(false),
    /** The reply was well formed but failed Baton's checks (an invented fact, an implausible verdict). */
    REJECTED(false);

    private final boolean transientFailure;

    Failure(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Worth one more try: the same request may well succeed a moment later. */
    public boolean isTransient() {
        return transientFailure;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
