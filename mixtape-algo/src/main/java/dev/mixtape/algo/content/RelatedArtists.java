package dev.mixtape.algo.content;

import dev.mixtape.core.Catalog;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Related artists from the catalog alone: candidates are the artists sharing one of the artist's
 * three main genres and are {@link Scenes#allowsArtist allowed} in its scenes; each is scored by genre overlap
 * (Jaccard over genre sets, weight 0.5), audio similarity of the two artists' centroids (0.45) and popularity (0.05).
 * Results are computed on first request and memoised. Thread-safe.
 */
public final class RelatedArtists {
    public static final int MAX_RELATED = 20;
    private static final int MAIN_GENRES = 3;

    private final FeatureSpace space;
    private final Catalog catalog;
    private final GenreSets genreSets;
    private final ConcurrentHashMap<Integer, int[]> memo = new ConcurrentHashMap<>();

    public RelatedArtists(FeatureSpace space, GenreSets genreSets) {
        this.space = space;
        this.catalog = space.catalog();
        this.genreSets = genreSets;
    }

    /** The catalog's scenes, which related artists keep to. */
    public Scenes scenes() {
        return genreSets.scenes();
    }

    /** Up to {@link #MAX_RELATED} related artists, best first. Shared: do not modify. */
    public int[] of(int artist) {
        return memo.computeIfAbsent(artist, this::compute);
    }

    private int[] compute(int artist) {
        int[] genres = catalog.artistGenres(artist);
        java.util.HashSet<Integer> candidates = new java.util.HashSet<>();
        for (int k = 0; k < Math.min(MAIN_GENRES, genres.length); k++) {
            for (int other : catalog.genreArtists(genres[k])) {
                if (other != artist) {
                    candidates.add(other);
                }
            }
        }
        TopK top = new TopK(MAX_RELATED);
        long[] own = genreSets.artistSet(artist);
        float[] centroids = space.artistCentroids();
        Scenes scenes = genreSets.scenes();
        int open = scenes.ofArtist(artist);
        for (int other : candidates) {
            if (!scenes.allowsArtist(open, other)) {
                continue;
            }
            float score = 0.5f * genreSets.withArtist(own, other)
                    + 0.45f * FeatureSpace.similarity(FeatureSpace.distance2(
                            centroids, artist * FeatureSpace.DIMS, centroids, other * FeatureSpace.DIMS))
                    + 0.05f * catalog.artistPopularity(other) / 100f;
            top.offer(other, score);
        }
        return top.sortedIds();
    }

}
