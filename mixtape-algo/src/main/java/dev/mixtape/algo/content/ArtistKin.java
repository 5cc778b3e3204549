package dev.mixtape.algo.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The artists whose listeners also play a given artist (its collaborative neighbours, best first), which the seed
 * recommender, track-seeded strategies and playlists draw from before the audio neighbours. Implementations are
 * thread-safe and may change what they answer while serving (a model arrives or is replaced).
 */
@FunctionalInterface
public interface ArtistKin {
    /** No collaborative knowledge: every seed is served by sound and genre alone. */
    ArtistKin NONE = (artist, limit) -> new int[0];

    /** Collaborative neighbours a seed draws from. */
    int NEAREST = 20;
    /** The kinship of the seed's own artist when it has collaborative neighbours: below its best neighbour's. */
    float SELF = 0.7f;
    /** With collaborative neighbours, a candidate's affinity is these shares of sound similarity, genre overlap and kinship. */
    float SOUND_SHARE = 0.3f;
    float GENRE_SHARE = 0.1f;
    float KIN_SHARE = 0.6f;

    /** Up to {@code limit} catalog artists co-listened with {@code artist}, best first; empty when unknown. */
    int[] of(int artist, int limit);

    /**
     * The artist (kinship {@value #SELF}) and its {@value #NEAREST} best collaborative neighbours
     * ({@code 0.9 − 0.5·rank / NEAREST}), in that order; empty when it has none.
     */
    default Map<Integer, Float> kinship(int artist) {
        int[] near = of(artist, NEAREST);
        if (near.length == 0) {
            return Map.of();
        }
        Map<Integer, Float> out = new LinkedHashMap<>();
        out.put(artist, SELF);
        for (int r = 0; r < near.length; r++) {
            out.putIfAbsent(near[r], 0.9f - 0.5f * r / NEAREST);
        }
        return out;
    }

    /** A candidate's affinity to a seed with collaborative neighbours: who listens together outweighs how it sounds. */
    static float affinity(float sound, float genre, float kinship) {
        return SOUND_SHARE * sound + GENRE_SHARE * genre + KIN_SHARE * kinship;
    }
}
