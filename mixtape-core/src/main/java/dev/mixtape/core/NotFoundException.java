package dev.mixtape.core;

/** A well-formed request names something that does not exist. Maps to HTTP 404. */
public class NotFoundException extends MixtapeException {
    public NotFoundException(String message) {
        super(message);
    }
}
