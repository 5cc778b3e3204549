package dev.mixtape.app.server;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.content.SeedRecommender;
import dev.mixtape.core.Catalog;

/** One loaded catalog and the models built over it. Immutable; swapped whole when the catalog changes. */
public record Engine(Catalog catalog, FeatureSpace space, RelatedArtists related, SeedRecommender recommender,
                     TrackJsonCache trackJson) {
    public static Engine of(Catalog catalog) {
        FeatureSpace space = new FeatureSpace(catalog);
        GenreSets genres = new GenreSets(catalog);
        RelatedArtists related = new RelatedArtists(space, genres);
        return new Engine(catalog, space, related, new SeedRecommender(space, genres, related),
                new TrackJsonCache(catalog.size(), TrackJsonCache.DEFAULT_MAX_ENTRIES));
    }
}
