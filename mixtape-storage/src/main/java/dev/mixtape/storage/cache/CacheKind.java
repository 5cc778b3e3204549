package dev.mixtape.storage.cache;

import java.time.Duration;
import java.util.Locale;

/**
 * What a cache entry holds, which sets its time to live and its key prefix. Entries that depend on a
 * listener are also dropped when the listener's events or profile change (see {@link TieredCache#invalidate}).
 */
public enum CacheKind {
    /** Session recommendations: 24 h, unless the listener's events or profile change first. */
    RECOMMENDATIONS(Duration.ofHours(24), 20_000),
    /** Audio features fetched from a remote provider: 7 days. */
    AUDIO_FEATURES(Duration.ofDays(7), 200_000),
    /** A listener's record, history and profile: 30 minutes, dropped on every change. */
    USER_DATA(Duration.ofMinutes(30), 20_000);

    private final Duration ttl;
    private final long maxEntries;

    CacheKind(Duration ttl, long maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public Duration ttl() {
        return ttl;
    }

    public long maxEntries() {
        return maxEntries;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
