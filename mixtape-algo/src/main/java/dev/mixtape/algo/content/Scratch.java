package dev.mixtape.algo.content;

import java.util.Arrays;

/**
 * Per-request working memory for {@link SeedRecommender}, sized to the catalog and reused through a
 * pool so that a request allocates almost nothing.
 *
 * <p>Candidates that pass the query's filters get a <em>slot</em>: slot-indexed arrays hold the track,
 * its best affinity, how many seeds offered it and the part of its score that does not depend on
 * the seeds (target closeness and popularity), so ranking reads them sequentially instead of jumping
 * around catalog-sized arrays. {@code slotOf} maps a track to its slot + 1 (0: none) and is cleared
 * through the slots, not by filling it. Used by one thread at a time.
 */
final class Scratch {
    /** Distances of a whole-catalog scan; no need to clear. */
    final float[] distance;
    final int[] seedStamp;
    final int[] songStamp;
    final int[] artistStamp;
    final int[] artistCount;
    private final int[] slotOf;
    int[] slotTrack = new int[4096];
    float[] slotAffinity = new float[4096];
    int[] slotHits = new int[4096];
    float[] slotBase = new float[4096];
    float[] slotScore = new float[4096];
    int slots;
    private int stamp;
    private int initial;
    private int filtered;

    Scratch(int tracks, int artists, int songs) {
        distance = new float[tracks];
        seedStamp = new int[tracks];
        slotOf = new int[tracks];
        songStamp = new int[songs];
        artistStamp = new int[artists];
        artistCount = new int[artists];
    }

    void beginSeed() {
        nextStamp();
        initial = 0;
        filtered = 0;
    }

    /** True the first time {@code t} is offered for the current seed. */
    boolean firstInSeed(int t) {
        if (seedStamp[t] == stamp) {
            return false;
        }
        seedStamp[t] = stamp;
        return true;
    }

    /**
     * Offers track {@code t} with this seed's affinity: counted in the seed's pool, and kept as a
     * candidate when it passes the filters ({@code f.base(t)} is computed once per track).
     */
    void add(int t, float aff, Filter f) {
        initial++;
        int slot = slotOf[t] - 1;
        if (slot >= 0) {
            filtered++;
            slotHits[slot]++;
            if (aff > slotAffinity[slot]) {
                slotAffinity[slot] = aff;
            }
            return;
        }
        if (slot == -2) {
            return; // seen before and filtered out
        }
        if (!f.accepts(t)) {
            slotOf[t] = -1;
            touchedRejected(t);
            return;
        }
        filtered++;
        if (slots == slotTrack.length) {
            grow();
        }
        slotTrack[slots] = t;
        slotAffinity[slots] = aff;
        slotHits[slots] = 1;
        slotBase[slots] = f.base(t);
        slotOf[t] = ++slots;
    }

    private int[] rejected = new int[1024];
    private int rejectedCount;

    private void touchedRejected(int t) {
        if (rejectedCount == rejected.length) {
            rejected = Arrays.copyOf(rejected, rejected.length * 2);
        }
        rejected[rejectedCount++] = t;
    }

    private void grow() {
        int n = slotTrack.length * 2;
        slotTrack = Arrays.copyOf(slotTrack, n);
        slotAffinity = Arrays.copyOf(slotAffinity, n);
        slotHits = Arrays.copyOf(slotHits, n);
        slotBase = Arrays.copyOf(slotBase, n);
        slotScore = Arrays.copyOf(slotScore, n);
    }

    /** The slot of {@code t}, or -1. */
    int slotOf(int t) {
        return slotOf[t] - 1;
    }

    SeedResult.SeedReport report(String type, String id) {
        return new SeedResult.SeedReport(type, id, initial, filtered, filtered);
    }

    int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seedStamp, 0);
            Arrays.fill(songStamp, 0);
            Arrays.fill(artistStamp, 0);
            stamp = 1;
        }
        return stamp;
    }

    void reset() {
        for (int i = 0; i < slots; i++) {
            slotOf[slotTrack[i]] = 0;
        }
        for (int i = 0; i < rejectedCount; i++) {
            slotOf[rejected[i]] = 0;
        }
        slots = 0;
        rejectedCount = 0;
    }
}
