package dev.mixtape.algo.listener;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;

/**
 * A listener's taste from their history: the mean standardised features of the tracks they like (weighted
 * by decayed plays + likes + saves − ½·skips − 2·dislikes, rows at or below 0 left out, the top 200), the
 * set of tracks they have interacted with, and their most liked tracks (seeds).
 */
public final class Taste {
    /** History rows the profile is the mean of, at most. */
    public static final int PROFILE_ROWS = 200;

    private final double[] profile;
    private final double norm;
    private final BitSet heard;
    private final int[] seeds;
    private final int rows;

    private Taste(double[] profile, BitSet heard, int[] seeds, int rows) {
        this.profile = profile;
        this.norm = StandardFeatures.norm(profile);
        this.heard = heard;
        this.seeds = seeds;
        this.rows = rows;
    }

    public static Taste of(Catalog catalog, StandardFeatures features, List<HistoryEntry> history, Instant now) {
        double[] profile = new double[StandardFeatures.DIMS];
        BitSet heard = new BitSet(catalog.size());
        int[] seeds = new int[Math.min(history.size(), 10)];
        int seedCount = 0;
        int used = 0;
        for (HistoryEntry h : history) {
            int t = catalog.indexOf(h.trackId());
            if (t < 0) {
                continue;
            }
            heard.set(t);
            double w = h.affinity(now);
            if (w > 0 && used < PROFILE_ROWS) {
                features.accumulate(t, w, profile);
                used++;
                if (seedCount < seeds.length) {
                    seeds[seedCount++] = t;
                }
            }
        }
        return new Taste(profile, heard, java.util.Arrays.copyOf(seeds, seedCount), used);
    }

    /** Whether there is a usable profile (some liked tracks). */
    public boolean known() {
        return rows > 0 && norm > 0;
    }

    public double[] profile() {
        return profile;
    }

    public double norm() {
        return norm;
    }

    public boolean heard(int t) {
        return heard.get(t);
    }

    /** The most liked tracks, best first (at most 10). */
    public int[] seeds() {
        return seeds;
    }
}
