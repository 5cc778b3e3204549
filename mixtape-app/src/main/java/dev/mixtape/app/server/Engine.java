package dev.mixtape.app.server;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.playlist.PlaylistConfig;
import dev.mixtape.algo.playlist.PlaylistGenerator;
import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedResult;
import dev.mixtape.algo.content.SeedRecommender;
import dev.mixtape.core.Catalog;

/**
 * One loaded catalog, the models built over it and the caches of answers from them. Swapped whole when
 * the catalog changes, so a cache never outlives the catalog it was filled from.
 *
 * @param results answers of {@link SeedRecommender}, which are deterministic, by query (bounded LRU);
 *                null when caching is off
 * @param cf      collaborative models over this catalog, loaded after the engine starts serving
 */
public record Engine(Catalog catalog, FeatureSpace space, RelatedArtists related, SeedRecommender recommender,
                     TrackJsonCache trackJson, Cache<SeedQuery, SeedResult> results, PlaylistGenerator playlists,
                     CollaborativeModels cf) {
    public static final int DEFAULT_RESULT_CACHE = 10_000;
    /** Cached answers recomputed under new embeddings before they serve (the hottest; the rest are dropped). */
    static final int WARM_ON_SWAP = 1_000;

    public static Engine of(Catalog catalog) {
        return of(catalog, DEFAULT_RESULT_CACHE);
    }

    /** @param resultCacheSize answers to keep; 0 computes every request */
    public static Engine of(Catalog catalog, int resultCacheSize) {
        FeatureSpace space = new FeatureSpace(catalog);
        GenreSets genres = new GenreSets(catalog);
        RelatedArtists related = new RelatedArtists(space, genres);
        Cache<SeedQuery, SeedResult> results = resultCacheSize == 0 ? null
                : Caffeine.newBuilder().maximumSize(resultCacheSize).recordStats().build();
        // the seed recommender draws from the collaborative neighbours: answers cached before a new artist model
        // arrived are dropped when it does
        CollaborativeModels cf = new CollaborativeModels(space, genres.scenes(), results == null ? () -> {} : results::invalidateAll);
        if (results != null) {
            // a swap of the embeddings (with every listening model) would send every cached query to the recommender at once:
            // the hottest are computed under the new embeddings first, and put in place as they start serving
            cf.onEmbeddingsSwap(next -> {
                SeedRecommender warm = new SeedRecommender(space, genres, related,
                        CollaborativeModels.kin(cf::kin, cf::covers, () -> next, related, () -> cf.artists() != null));
                java.util.Map<SeedQuery, SeedResult> answers = new java.util.HashMap<>();
                for (SeedQuery q : results.policy().eviction().map(e -> e.hottest(WARM_ON_SWAP).keySet())
                        .orElse(java.util.Set.copyOf(results.asMap().keySet()))) {
                    try {
                        answers.put(q, warm.recommend(q));
                    } catch (RuntimeException e) {
                        // a query that no longer answers is simply not kept
                    }
                }
                return () -> {
                    results.invalidateAll();
                    results.putAll(answers);
                };
            });
        }
        dev.mixtape.algo.content.ArtistKin kin = cf.kinOrBorrowed(related);
        return new Engine(catalog, space, related, new SeedRecommender(space, genres, related, kin),
                new TrackJsonCache(catalog.size(), TrackJsonCache.DEFAULT_MAX_ENTRIES), results,
                new PlaylistGenerator(space, genres, related, kin, PlaylistConfig.DEFAULT), cf);
    }

    /** The answer to {@code q}: from the cache when it was asked before, else computed (and kept). */
    public SeedResult recommend(SeedQuery q) {
        return results == null ? recommender.recommend(q) : results.get(q, recommender::recommend);
    }
}
