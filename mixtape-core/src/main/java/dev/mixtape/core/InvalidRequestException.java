package dev.mixtape.core;

/** The caller asked for something malformed; the message names the problem. Maps to HTTP 400. */
public class InvalidRequestException extends MixtapeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
