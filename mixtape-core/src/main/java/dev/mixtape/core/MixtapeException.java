package dev.mixtape.core;

/** Base of mixtape's domain exceptions; the message is meant for the caller. */
public class MixtapeException extends RuntimeException {
    public MixtapeException(String message) {
        super(message);
    }

    public MixtapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
