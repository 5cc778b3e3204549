package dev.mixtape.algo.strategy;

import java.time.Instant;

/**
 * What is being played now, kept online from events: per track, two exponentially decayed event counts,
 * a short one (half-life 6 h) and a long one (half-life 7 days). Velocity — how much faster a track is
 * played now than usual — is {@code short / (long · 6h/7d + 1)}; recency is the short count itself.
 * Counts start empty at each start of the server (the events stay in the store). Thread-safe (one lock;
 * updates are a few arithmetic operations).
 */
public final class Trending {
    static final double SHORT_HALF_LIFE_MS = 6 * 3_600_000.0;
    static final double LONG_HALF_LIFE_MS = 7 * 86_400_000.0;

    private final double[] shortCount;
    private final double[] longCount;
    private final long[] updatedAt;

    public Trending(int tracks) {
        shortCount = new double[tracks];
        longCount = new double[tracks];
        updatedAt = new long[tracks];
    }

    /** Records an event of weight {@code w} (a play 1, a save or like 2, a skip 0) on {@code track} at {@code at}. */
    public synchronized void record(int track, double w, Instant at) {
        if (track < 0 || track >= shortCount.length || w <= 0) {
            return;
        }
        long t = at.toEpochMilli();
        decayTo(track, t);
        shortCount[track] += w;
        longCount[track] += w;
    }

    private void decayTo(int track, long t) {
        long last = updatedAt[track];
        if (last == 0) {
            updatedAt[track] = t;
            return;
        }
        if (t > last) {
            double dt = t - last;
            shortCount[track] *= Math.pow(2, -dt / SHORT_HALF_LIFE_MS);
            longCount[track] *= Math.pow(2, -dt / LONG_HALF_LIFE_MS);
            updatedAt[track] = t;
        }
    }

    /** The decayed short-term count of {@code track} at {@code now}. */
    public synchronized double recent(int track, Instant now) {
        long last = updatedAt[track];
        if (last == 0) {
            return 0;
        }
        double dt = Math.max(0, now.toEpochMilli() - last);
        return shortCount[track] * Math.pow(2, -dt / SHORT_HALF_LIFE_MS);
    }

    /** How much faster than usual the track is played now; 0 without events. */
    public synchronized double velocity(int track, Instant now) {
        long last = updatedAt[track];
        if (last == 0) {
            return 0;
        }
        double dt = Math.max(0, now.toEpochMilli() - last);
        double s = shortCount[track] * Math.pow(2, -dt / SHORT_HALF_LIFE_MS);
        double l = longCount[track] * Math.pow(2, -dt / LONG_HALF_LIFE_MS);
        return s / (l * SHORT_HALF_LIFE_MS / LONG_HALF_LIFE_MS + 1);
    }

    /** Tracks with any recent events, for candidate generation. */
    public synchronized int[] active(Instant now, double minRecent) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int t = 0; t < shortCount.length; t++) {
            if (updatedAt[t] != 0 && recent(t, now) >= minRecent) {
                out.add(t);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
