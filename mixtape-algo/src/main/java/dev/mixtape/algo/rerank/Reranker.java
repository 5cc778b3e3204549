package dev.mixtape.algo.rerank;

import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.algo.listener.StandardFeatures;
import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a strategy: business rules (filters, genre boosts), then greedy MMR selection — each next track
 * maximises {@code λ · relevance − (1 − λ) · similarity to the tracks already chosen} (relevance is the
 * boosted score over the best one, similarity the cosine of standardised features mapped to 0–1) — under
 * an artist cap. λ = 1 keeps the strategy's order; the default 0.8 trades a little relevance for variety.
 * One track per song ({@link SongKeys}: the same name and primary artist under another id, such as a second
 * release): a song already chosen, the seed's song and excluded songs are never picked again under another id.
 *
 * <p>The one re-ranker of every personalized answer: v2 strategies (through the {@code StrategyEngine}'s fallback chain)
 * and session picks ({@code SessionRecommender}, whose diversity weight {@code w} maps to {@code λ = best / (best + w)},
 * so that the pick maximises {@code relevance − w · similarity}).
 */
public final class Reranker {
    public static final double DEFAULT_LAMBDA = 0.8;
    public static final int DEFAULT_PER_ARTIST = 2;

    private final Catalog catalog;
    private final StandardFeatures features;
    private final SongKeys songs;

    /** @param songs the catalog's song keys (built once per catalog and shared: they index every track) */
    public Reranker(Catalog catalog, StandardFeatures features, SongKeys songs) {
        this.catalog = catalog;
        this.features = features;
        this.songs = songs;
    }

    /**
     * Adds up to {@code n − chosen.size()} of {@code candidates} to {@code chosen}.
     *
     * @param taken tracks already chosen (by an earlier strategy of the fallback chain), the seed and excluded
     *              tracks: never repeated, nor their songs under another id
     */
    public List<Scored> select(List<Scored> candidates, List<Scored> chosen, Set<Integer> taken, int n, Filters filters,
                               double lambda, int perArtist) {
        return select(candidates, chosen, taken, n, filters, lambda, perArtist, (s, similarity) -> { });
    }

    /** Told of each pick as it is made, with its similarity (0–1) to the picks made before it (0 for the first). */
    @FunctionalInterface
    public interface Picked {
        void picked(Scored pick, double similarity);
    }

    /** As {@link #select(List, List, Set, int, Filters, double, int)}, telling {@code picked} of each pick as it is made. */
    public List<Scored> select(List<Scored> candidates, List<Scored> chosen, Set<Integer> taken, int n, Filters filters,
                               double lambda, int perArtist, Picked picked) {
        // the pool keeps each song once (its first-listed track: strategies list best first) and no song already taken,
        // so the selection below cannot repeat a song
        Set<Integer> songsSeen = new HashSet<>();
        for (int t : taken) {
            songsSeen.add(songs.of(t));
        }
        for (Scored s : chosen) {
            songsSeen.add(songs.of(s.track()));
        }
        List<Scored> pool = new ArrayList<>();
        double best = 0;
        for (Scored s : candidates) {
            if (taken.contains(s.track()) || !filters.allows(catalog, s.track()) || !songsSeen.add(songs.of(s.track()))) {
                continue;
            }
            double b = filters.boost(catalog, s.track());
            Scored x = b == 1.0 ? s : new Scored(s.track(), s.score() * b, s.explanation(), s.contributions());
            pool.add(x);
            best = Math.max(best, x.score());
        }
        Map<Integer, Integer> perArtistCount = new HashMap<>();
        for (Scored s : chosen) {
            perArtistCount.merge(catalog.trackArtists(s.track())[0], 1, Integer::sum);
        }
        double[] maxSim = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            for (Scored s : chosen) {
                maxSim[i] = Math.max(maxSim[i], (1 + features.cosine(pool.get(i).track(), s.track())) / 2);
            }
        }
        boolean[] used = new boolean[pool.size()];
        while (chosen.size() < n) {
            int pick = -1;
            double pickScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                if (used[i] || perArtistCount.getOrDefault(catalog.trackArtists(pool.get(i).track())[0], 0) >= perArtist) {
                    continue;
                }
                double rel = best > 0 ? pool.get(i).score() / best : 0;
                double mmr = lambda * rel - (1 - lambda) * maxSim[i];
                if (mmr > pickScore) {
                    pickScore = mmr;
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            used[pick] = true;
            Scored s = pool.get(pick);
            picked.picked(s, maxSim[pick]);
            chosen.add(s);
            taken.add(s.track());
            perArtistCount.merge(catalog.trackArtists(s.track())[0], 1, Integer::sum);
            for (int i = 0; i < pool.size(); i++) {
                if (!used[i]) {
                    maxSim[i] = Math.max(maxSim[i], (1 + features.cosine(pool.get(i).track(), s.track())) / 2);
                }
            }
        }
        return chosen;
    }
}
