package dev.mixtape.algo.content;

import java.util.Arrays;

/**
 * Per-request working memory for {@link SeedRecommender}, sized to the catalog and reused through a
 * pool so that a request allocates almost nothing. Entries are cleared through the touched list,
 * not by filling whole arrays. Used by one thread at a time.
 */
final class Scratch {
    final float[] affinity;
    final float[] score;
    /** Distances of a whole-catalog scan; no need to clear. */
    final float[] distance;
    final int[] hits;
    final int[] seedStamp;
    final int[] songStamp;
    final int[] artistStamp;
    final int[] artistCount;
    int[] touched = new int[4096];
    int touchedCount;
    private int stamp;
    private int initial;
    private int filtered;

    Scratch(int tracks, int artists, int songs) {
        affinity = new float[tracks];
        score = new float[tracks];
        distance = new float[tracks];
        hits = new int[tracks];
        seedStamp = new int[tracks];
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

    void add(int t, float aff, boolean passesFilter) {
        initial++;
        if (passesFilter) {
            filtered++;
        }
        if (hits[t] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = t;
            affinity[t] = aff;
        } else if (aff > affinity[t]) {
            affinity[t] = aff;
        }
        hits[t]++;
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
        for (int i = 0; i < touchedCount; i++) {
            int t = touched[i];
            hits[t] = 0;
            affinity[t] = 0f;
            score[t] = 0f;
        }
        touchedCount = 0;
    }
}
