package dev.mixtape.core;

/** The store failed or could not be reached; the message says what was being done. Maps to HTTP 503. */
public class StoreUnavailableException extends MixtapeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
