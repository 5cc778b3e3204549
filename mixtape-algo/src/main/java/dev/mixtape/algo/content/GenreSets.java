package dev.mixtape.algo.content;

import dev.mixtape.core.Catalog;

/**
 * Genre sets of tracks and artists as bit sets ({@code words} longs each, one flat array), so that
 * genre overlap (Jaccard) is a few AND/OR/popcount operations instead of nested loops. Immutable and
 * thread-safe.
 */
public final class GenreSets {
    private final int words;
    private final long[] tracks;
    private final long[] artists;
    private final Scenes scenes;

    public GenreSets(Catalog catalog) {
        words = Math.max(1, (catalog.genreCount() + 63) >>> 6);
        tracks = new long[catalog.size() * words];
        for (int t = 0; t < catalog.size(); t++) {
            set(tracks, t, catalog.trackGenres(t));
        }
        artists = new long[catalog.artistCount() * words];
        for (int a = 0; a < catalog.artistCount(); a++) {
            set(artists, a, catalog.artistGenres(a));
        }
        scenes = new Scenes(catalog);
    }

    /** The catalog's scenes, which its genres define (built with the sets). */
    public Scenes scenes() {
        return scenes;
    }

    /** A set of the given genres, in this layout (for a query's own genre set). */
    public long[] of(int[] genres) {
        long[] out = new long[words];
        set(out, 0, genres);
        return out;
    }

    public long[] trackSet(int track) {
        return java.util.Arrays.copyOfRange(tracks, track * words, (track + 1) * words);
    }

    public long[] artistSet(int artist) {
        return java.util.Arrays.copyOfRange(artists, artist * words, (artist + 1) * words);
    }

    /** Jaccard overlap of {@code set} with the track's genres; 0 when both are empty. */
    public float withTrack(long[] set, int track) {
        return jaccard(set, tracks, track * words);
    }

    /** Jaccard overlap of {@code set} with the artist's genres; 0 when both are empty. */
    public float withArtist(long[] set, int artist) {
        return jaccard(set, artists, artist * words);
    }

    /** True when the track has at least one genre of {@code set}. */
    public boolean intersectsTrack(long[] set, int track) {
        return intersects(set, tracks, track * words);
    }

    /** True when the artist has at least one genre of {@code set}. */
    public boolean intersectsArtist(long[] set, int artist) {
        return intersects(set, artists, artist * words);
    }

    private boolean intersects(long[] set, long[] all, int o) {
        for (int w = 0; w < words; w++) {
            if ((set[w] & all[o + w]) != 0) {
                return true;
            }
        }
        return false;
    }

    private float jaccard(long[] set, long[] all, int o) {
        int inter = 0;
        int union = 0;
        for (int w = 0; w < words; w++) {
            long a = set[w];
            long b = all[o + w];
            inter += Long.bitCount(a & b);
            union += Long.bitCount(a | b);
        }
        return union == 0 ? 0f : (float) inter / union;
    }

    private void set(long[] into, int entry, int[] genres) {
        int o = entry * words;
        for (int g : genres) {
            into[o + (g >>> 6)] |= 1L << g;
        }
    }
}
