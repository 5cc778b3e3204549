package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a listener did, as accepted by the store.
 *
 * @param key              the event's identity for de-duplication: the caller's idempotency key, or one
 *                         derived from the event's content (see {@link EventKeys})
 * @param msPlayed         milliseconds listened, for plays (0 when not given)
 * @param recommendationId the session or answer that offered the track, or null
 */
public record ListeningEvent(String userId, String trackId, EventType type, Instant timestamp, long msPlayed,
                             String recommendationId, String key) {
    public ListeningEvent {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(key, "key");
    }
}
