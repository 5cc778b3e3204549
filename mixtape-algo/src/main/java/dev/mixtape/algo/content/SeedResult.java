package dev.mixtape.algo.content;

import java.util.List;

/**
 * The answer to a {@link SeedQuery}: the chosen tracks (dense catalog indices, best first, with
 * their scores) and a report per seed.
 */
public record SeedResult(int[] tracks, float[] scores, List<SeedReport> seeds) {

    /**
     * What one seed contributed: the size of its candidate pool before and after the min/max filters
     * (and after relinking, which is the same here: mixtape does not relink across markets).
     *
     * @param type {@code TRACK}, {@code ARTIST} or {@code GENRE}, as Spotify writes them
     */
    public record SeedReport(String type, String id, int initialPoolSize, int afterFilteringSize,
                             int afterRelinkingSize) {}
}
