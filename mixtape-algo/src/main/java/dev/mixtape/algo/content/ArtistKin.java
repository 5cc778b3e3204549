package dev.mixtape.algo.content;

/**
 * The artists whose listeners also play a given artist (its collaborative neighbours, best first), which the seed
 * recommender draws from before the audio neighbours. Implementations are thread-safe and may change what they
 * answer while serving (a model arrives or is replaced).
 */
@FunctionalInterface
public interface ArtistKin {
    /** No collaborative knowledge: every seed is served by sound and genre alone. */
    ArtistKin NONE = (artist, limit) -> new int[0];

    /** Up to {@code limit} catalog artists co-listened with {@code artist}, best first; empty when unknown. */
    int[] of(int artist, int limit);
}
