package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.Nearest;
import dev.mixtape.core.Catalog;

/**
 * The candidate pool (phase 3's output): the generators' proposals merged — each track once, keeping the
 * provenance with the highest affinity (ties to the earlier generator: anchor, artist, target) and a bit
 * per generator that proposed it — then ranked and trimmed to {@link PlaylistConfig#maxPool()}.
 *
 * <p>Rank score: 0.5 × target fit + 0.25 × affinity + 0.1 × genre match + 0.05 × popularity / 100 +
 * 0.03 × (generators that proposed it − 1) + variety × a pseudo-random number in [0, 1) drawn from
 * (seed, track), so that another seed reshuffles near-ties and the same seed reproduces the playlist.
 * Excluded tracks are dropped here once more, whatever a generator did: the guarantee lives in one place.
 *
 * <p>Entries are stored best first on primitive arrays. Immutable after {@link #merge}; not shared
 * between requests.
 */
final class CandidatePool {
    final int size;
    final int[] track;
    final float[] score;
    final float[] fit;
    final float[] genre;
    final byte[] source;
    final int[] ref;
    final float[] affinity;
    /** Bit {@code 1 << source.ordinal()} for each generator that proposed the track. */
    final int[] sources;

    private CandidatePool(int size) {
        this.size = size;
        track = new int[size];
        score = new float[size];
        fit = new float[size];
        genre = new float[size];
        source = new byte[size];
        ref = new int[size];
        affinity = new float[size];
        sources = new int[size];
    }

    static CandidatePool merge(Candidates[] lists, TargetProfile p, Catalog catalog, int[] slotOf, int maxPool,
                               long seed, float variety) {
        int total = 0;
        for (Candidates c : lists) {
            total += c.size();
        }
        CandidatePool all = new CandidatePool(total);
        int m = 0;
        for (Candidates c : lists) {
            byte src = (byte) c.source().ordinal();
            int bit = 1 << src;
            for (int i = 0; i < c.size(); i++) {
                int t = c.track(i);
                int slot = slotOf[t] - 1;
                if (slot == -2) {
                    continue; // excluded, seen before
                }
                if (slot < 0) {
                    if (p.excluded(t)) {
                        slotOf[t] = -1;
                        all.track[m++] = ~t; // remembered only to reset slotOf
                        continue;
                    }
                    slot = m++;
                    slotOf[t] = slot + 1;
                    all.track[slot] = t;
                    all.affinity[slot] = c.affinity(i);
                    all.source[slot] = src;
                    all.ref[slot] = c.ref(i);
                    all.sources[slot] = bit;
                } else {
                    all.sources[slot] |= bit;
                    if (c.affinity(i) > all.affinity[slot]) {
                        all.affinity[slot] = c.affinity(i);
                        all.source[slot] = src;
                        all.ref[slot] = c.ref(i);
                    }
                }
            }
        }
        float[] neg = new float[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            int t = all.track[i];
            if (t < 0) {
                slotOf[~t] = 0;
                neg[i] = Float.POSITIVE_INFINITY;
                continue;
            }
            slotOf[t] = 0;
            kept++;
            float fit = p.fit(t);
            float genre = p.genreMatch(t);
            all.fit[i] = fit;
            all.genre[i] = genre;
            float s = 0.5f * fit + 0.25f * all.affinity[i] + 0.1f * genre + 0.05f * catalog.popularity(t) / 100f
                    + 0.03f * (Integer.bitCount(all.sources[i]) - 1) + variety * noise(seed, t);
            all.score[i] = s;
            neg[i] = -s;
        }
        int size = Math.min(kept, maxPool);
        CandidatePool out = new CandidatePool(size);
        if (size == 0) {
            return out;
        }
        int[] order = Nearest.of(neg, m, -1, size);
        for (int j = 0; j < size; j++) {
            int i = order[j];
            out.track[j] = all.track[i];
            out.score[j] = all.score[i];
            out.fit[j] = all.fit[i];
            out.genre[j] = all.genre[i];
            out.source[j] = all.source[i];
            out.ref[j] = all.ref[i];
            out.affinity[j] = all.affinity[i];
            out.sources[j] = all.sources[i];
        }
        return out;
    }

    /** Entries with a wanted genre (genre match 1). */
    int inGenre() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (genre[i] == 1f) {
                n++;
            }
        }
        return n;
    }

    Source source(int i) {
        return Source.values()[source[i]];
    }

    /** A pseudo-random number in [0, 1) from (seed, track): SplitMix64's finaliser. */
    static float noise(long seed, int track) {
        long z = seed + 0x9E3779B97F4A7C15L * (track + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 40) * 0x1.0p-24f;
    }
}
