package dev.mixtape.core.listener;

import java.time.Instant;

/**
 * Time decay of play counts, kept incrementally. A play at time t adds {@code w · 2^((t − T0)/h)} to a
 * track's stored score, where T0 is a fixed reference instant and h the half-life. Because every stored
 * score shares T0, ranking by stored score equals ranking by decayed count at any moment, and the stored
 * value is upserted with a plain addition instead of being recomputed from all events; the decayed count
 * at time {@code now} is {@code score · 2^(−(now − T0)/h)}. With h = 30 days a double holds the score for
 * centuries either side of T0.
 */
public final class PlayDecay {
    /** 2025-01-01T00:00:00Z. */
    public static final Instant REFERENCE = Instant.parse("2025-01-01T00:00:00Z");
    public static final double HALF_LIFE_DAYS = 30.0;
    private static final double HALF_LIFE_MS = HALF_LIFE_DAYS * 86_400_000.0;
    /** A play counts in full from this long, or from half the track when that is shorter. */
    public static final long FULL_PLAY_MS = 30_000;

    private PlayDecay() {}

    /** The stored-scale weight of {@code plays} plays at {@code at}. */
    public static double weight(double plays, Instant at) {
        return plays * Math.pow(2.0, (at.toEpochMilli() - REFERENCE.toEpochMilli()) / HALF_LIFE_MS);
    }

    /** The decayed count at {@code now} of a stored score. */
    public static double decayed(double score, Instant now) {
        return score * Math.pow(2.0, -(now.toEpochMilli() - REFERENCE.toEpochMilli()) / HALF_LIFE_MS);
    }

    /**
     * How much of a play {@code msPlayed} is: 1 from {@link #FULL_PLAY_MS} or half the track, pro rata
     * below; a play event without a duration counts in full.
     */
    public static double playFraction(long msPlayed, int trackDurationMs) {
        if (msPlayed <= 0) {
            return 1.0;
        }
        long full = Math.min(FULL_PLAY_MS, Math.max(1, trackDurationMs / 2));
        return Math.min(1.0, (double) msPlayed / full);
    }
}
