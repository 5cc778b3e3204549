package dev.mixtape.storage.cache;

import java.time.Duration;
import java.util.Locale;

/**
 * What a cache entry holds, which sets its time to live and its key prefix. Entries that depend on a
 * listener are also dropped when the listener's events or profile change (see {@link TieredCache#invalidate}).
 */
public enum CacheKind {
    /** Session picks and v2 answers: 24 h, unless the listener's events or profile change first. 60 % of the memory budget. */
    RECOMMENDATIONS(Duration.ofHours(24), 0.6, 16 * 1024),
    /** Audio features fetched from a remote provider: 7 days. 10 % of the memory budget. */
    AUDIO_FEATURES(Duration.ofDays(7), 0.1, 512),
    /** A listener's record, history and profile: 30 minutes, dropped on every change. 30 % of the memory budget. */
    USER_DATA(Duration.ofMinutes(30), 0.3, 8 * 1024);

    private final Duration ttl;
    private final double share;
    private final int typicalBytes;

    CacheKind(Duration ttl, double share, int typicalBytes) {
        this.ttl = ttl;
        this.share = share;
        this.typicalBytes = typicalBytes;
    }

    public Duration ttl() {
        return ttl;
    }

    /** This kind's part of the first tier's memory budget (the shares add up to 1). */
    public double share() {
        return share;
    }

    /** What a value that cannot say its size ({@link TieredCache.Sized}, byte arrays) is counted as. */
    public int typicalBytes() {
        return typicalBytes;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
