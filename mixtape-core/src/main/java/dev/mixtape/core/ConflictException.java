package dev.mixtape.core;

/** The request conflicts with what is stored (say, a name already taken). Maps to HTTP 409. */
public class ConflictException extends MixtapeException {
    public ConflictException(String message) {
        super(message);
    }
}
