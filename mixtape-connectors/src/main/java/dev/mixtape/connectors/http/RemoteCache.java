package dev.mixtape.connectors.http;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where remote answers are kept, as JSON text, with a time to live per {@link Kind}. {@link LocalRemoteCache} keeps
 * them in process (Caffeine); {@link TwoLevelRemoteCache} puts a shared store (Redis, through the app) behind it.
 * Implementations fail soft: a store that cannot be read misses, one that cannot be written drops the value.
 */
public interface RemoteCache {
    /** What an entry holds, and for how long. */
    enum Kind {
        TRACKS(Duration.ofMinutes(30)),
        ARTISTS(Duration.ofMinutes(30)),
        AUDIO_FEATURES(Duration.ofDays(7)),
        RECOMMENDATIONS(Duration.ofMinutes(15)),
        /** A user's top tracks and artists, an artist's top tracks and related artists. */
        TOP(Duration.ofMinutes(30)),
        /** Seed tracks chosen (and checked to exist remotely) for a playlist target. */
        ANCHORS(Duration.ofMinutes(15)),
        SEARCH(Duration.ofMinutes(30)),
        /** Ids a provider said do not exist (negative cache). */
        ABSENT(Duration.ofHours(1)),
        /** Recommendation seed combinations rejected permanently. */
        DENIED(Duration.ofHours(24));

        private final Duration ttl;

        Kind(Duration ttl) {
            this.ttl = ttl;
        }

        public Duration ttl() {
            return ttl;
        }
    }

    /** The entries of {@code keys} that are present. */
    Map<String, String> getAll(Kind kind, Collection<String> keys);

    void put(Kind kind, String key, String value);

    default Optional<String> get(Kind kind, String key) {
        return Optional.ofNullable(getAll(kind, java.util.List.of(key)).get(key));
    }
}
