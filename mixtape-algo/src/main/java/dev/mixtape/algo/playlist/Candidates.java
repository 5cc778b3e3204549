package dev.mixtape.algo.playlist;

import java.util.Arrays;

/**
 * One generator's proposals on primitive arrays: track, affinity (how strongly the generator vouches for
 * it, 0–1) and ref (the index of the anchor or seed artist that led to it, -1 for none). A track may
 * appear more than once; the pool keeps its best. Not thread-safe: each generator fills its own.
 */
public final class Candidates {
    private final Source source;
    private int[] tracks = new int[256];
    private float[] affinity = new float[256];
    private int[] refs = new int[256];
    private int size;

    public Candidates(Source source) {
        this.source = source;
    }

    public void add(int track, float aff, int ref) {
        if (size == tracks.length) {
            int n = size * 2;
            tracks = Arrays.copyOf(tracks, n);
            affinity = Arrays.copyOf(affinity, n);
            refs = Arrays.copyOf(refs, n);
        }
        tracks[size] = track;
        affinity[size] = aff;
        refs[size++] = ref;
    }

    public Source source() {
        return source;
    }

    public int size() {
        return size;
    }

    public int track(int i) {
        return tracks[i];
    }

    public float affinity(int i) {
        return affinity[i];
    }

    public int ref(int i) {
        return refs[i];
    }

    /** The proposals whose primary artist is in {@code artists}, in order. */
    Candidates byArtists(java.util.BitSet artists, dev.mixtape.core.Catalog catalog) {
        Candidates out = new Candidates(source);
        for (int i = 0; i < size; i++) {
            if (artists.get(catalog.trackArtists(tracks[i])[0])) {
                out.add(tracks[i], affinity[i], refs[i]);
            }
        }
        return out;
    }
}
