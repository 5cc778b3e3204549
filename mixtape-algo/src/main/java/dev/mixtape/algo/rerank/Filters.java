package dev.mixtape.algo.rerank;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import java.util.Map;
import java.util.Set;

/**
 * Business rules applied after a strategy: genres to keep (any of) or drop, explicit content, a
 * popularity range, and boosts (genre → score multiplier, 0.1–10; a track in several boosted genres gets their
 * product, kept within 0.1–10).
 */
public record Filters(Set<String> genres, Set<String> excludeGenres, Boolean explicit, int minPopularity, int maxPopularity,
                      Map<String, Double> genreBoosts) {
    public static final Filters NONE = new Filters(Set.of(), Set.of(), null, 0, 100, Map.of());

    public Filters {
        genres = Set.copyOf(genres);
        excludeGenres = Set.copyOf(excludeGenres);
        genreBoosts = Map.copyOf(genreBoosts);
        if (minPopularity < 0 || maxPopularity > 100 || minPopularity > maxPopularity) {
            throw new InvalidRequestException("filters.min_popularity and max_popularity must satisfy 0 <= min <= max <= 100, got "
                    + minPopularity + " and " + maxPopularity);
        }
        for (Map.Entry<String, Double> b : genreBoosts.entrySet()) {
            if (!(b.getValue() >= 0.1 && b.getValue() <= 10)) {
                throw new InvalidRequestException("filters.boost_genres." + b.getKey() + " must be from 0.1 to 10, got " + b.getValue());
            }
        }
    }

    /** Rejects genre names the catalog does not know, naming them. */
    public void check(Catalog catalog) {
        for (Set<String> set : java.util.List.of(genres, excludeGenres, genreBoosts.keySet())) {
            for (String g : set) {
                if (catalog.genreIndexOf(g) < 0) {
                    throw new InvalidRequestException("unknown genre '" + g + "' in filters (see /v1/recommendations/available-genre-seeds)");
                }
            }
        }
    }

    public boolean allows(Catalog c, int t) {
        if (explicit != null && !explicit && c.explicit(t)) {
            return false;
        }
        int p = c.popularity(t);
        if (p < minPopularity || p > maxPopularity) {
            return false;
        }
        if (!genres.isEmpty() || !excludeGenres.isEmpty()) {
            boolean any = genres.isEmpty();
            for (int g : c.trackGenres(t)) {
                String name = c.genreName(g);
                if (excludeGenres.contains(name)) {
                    return false;
                }
                any |= genres.contains(name);
            }
            return any;
        }
        return true;
    }

    public double boost(Catalog c, int t) {
        if (genreBoosts.isEmpty()) {
            return 1.0;
        }
        double b = 1.0;
        for (int g : c.trackGenres(t)) {
            Double x = genreBoosts.get(c.genreName(g));
            if (x != null) {
                b *= x;
            }
        }
        return Math.max(0.1, Math.min(10, b));
    }
}
