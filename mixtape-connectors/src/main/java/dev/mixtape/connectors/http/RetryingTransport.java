package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Retries with a circuit breaker per host ({@link Resilience}): 429, 5xx and timeouts are retried with exponential
 * backoff and jitter (a 429's {@code Retry-After} sets the wait); other statuses are never retried. A non-2xx
 * answer that is not retried, or still fails after the last attempt, is thrown as
 * {@link Resilience.HttpStatusException} with the message the service gave (Spotify's {@code error.message},
 * ReccoBeats' {@code message}, or the start of the body).
 */
public final class RetryingTransport implements Transport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transport inner;
    private final Resilience resilience;

    public RetryingTransport(Transport inner, Resilience resilience) {
        this.inner = inner;
        this.resilience = resilience;
    }

    @Override
    public RemoteResponse send(RemoteRequest request) {
        return resilience.call(request.host(), request.endpoint(), () -> {
            RemoteResponse r = inner.send(request);
            if (!r.ok()) {
                throw new Resilience.HttpStatusException(r.status(), request.endpoint() + " answered " + r.status() + ": "
                        + message(r.body()), r.retryAfter().orElse(null));
            }
            return r;
        });
    }

    /** The error message in a body: Spotify's {@code {error:{message}}}, {@code {message}}, {@code {error}}, or the text. */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n.path("error").path("message").isTextual()) {
                return n.path("error").path("message").asText();
            }
            for (String f : new String[] {"message", "error_description", "error", "detail"}) {
                if (n.path(f).isTextual()) {
                    return n.path(f).asText();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the text itself
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
