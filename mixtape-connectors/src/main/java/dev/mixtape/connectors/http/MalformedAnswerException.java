package dev.mixtape.connectors.http;

/** A remote answered 2xx with a body that is not the JSON its API promises. Not retried: the next answer is likely the same. */
public final class MalformedAnswerException extends RuntimeException {
    public MalformedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
