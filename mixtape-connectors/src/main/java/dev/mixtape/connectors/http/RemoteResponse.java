package dev.mixtape.connectors.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A remote answer, whatever its status.
 *
 * @param retryAfter the {@code Retry-After} header in seconds, when present and numeric
 */
public record RemoteResponse(int status, String body, Optional<Duration> retryAfter) {
    public boolean ok() {
        return status / 100 == 2;
    }
}
