package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The listener's collaborative neighbourhood: the candidate source every listener-scoped strategy draws from when
 * the listening model knows the listener and the request has no seed track. It holds the model's best
 * {@value #ARTISTS} artists the listener does not play yet, each with a prior (the model's score on 0–1).
 *
 * <p>A strategy ranks these artists by its own criterion on each artist's best track by that criterion, blended
 * with the prior as a weighted geometric mean {@code prior^w · own^(1−w)} ({@code own} rescaled to 0–1 between the
 * worst and the best candidate): {@code content} still picks what sounds like the listener, {@code tempo} what fits the BPM,
 * {@code contextual} what fits the moment, but among artists that listeners with the same taste play rather than
 * the whole catalog, and an artist that fails the criterion (no track near the BPM, say) scores 0 whatever its
 * prior. One track per artist, best first. Immutable; one per request.
 */
final class Neighbourhood {
    /** Candidate artists drawn from the model. */
    static final int ARTISTS = 300;
    /** The component name of the prior in answers' contributions. */
    static final String COMPONENT = "listeners_like_you";

    private final Catalog catalog;
    private final ArtistScores scores;
    private final int[] artists;

    private Neighbourhood(Catalog catalog, ArtistScores scores, int[] artists) {
        this.catalog = catalog;
        this.scores = scores;
        this.artists = artists;
    }

    /** The neighbourhood of the request's listener, or null (a seed track, no listener, or the model does not know them). */
    static Neighbourhood of(StrategyModels m, StrategyRequest r) {
        if (r.hasTrack() || !r.hasListener() || r.isCatalogWide()) {
            return null;
        }
        ArtistScores s = m.listening(r);
        if (s == null) {
            return null;
        }
        int[] top = s.top(ARTISTS, true);
        return top.length == 0 ? null : new Neighbourhood(m.catalog(), s, top);
    }

    /** The prior of {@code artist}: its model score on 0–1 (1 for the best artist the listener does not play). */
    double prior(int artist) {
        return scores.normalised(artist);
    }

    /**
     * Up to {@code k} tracks, one per candidate artist: the artist's own track (primary artist) that {@code allowed}
     * accepts ({@link StrategyModels#allowed}: the request's exclusions and filters) with the highest {@code own} score, ranked by {@code prior^priorWeight · own'^(1 − priorWeight)} where {@code own'} is the track's
     * {@code own} rescaled to 0–1 between the worst and the best candidate's.
     *
     * @param own         the strategy's score of every catalog track (≥ 0, higher is better)
     * @param priorWeight 0–1: how much the prior counts against the strategy's own criterion
     * @param component   the name of the strategy's criterion in the contributions
     * @param why         the explanation of a track
     */
    List<Scored> rank(float[] own, double priorWeight, IntPredicate allowed, int k, String component, IntFunction<String> why) {
        int[] bestTrack = new int[artists.length];
        float[] bestOwn = new float[artists.length];
        float top = 0;
        for (int i = 0; i < artists.length; i++) {
            int a = artists[i];
            bestTrack[i] = -1;
            for (int t : catalog.artistTracks(a)) {
                if (catalog.trackArtists(t)[0] == a && allowed.test(t) && (bestTrack[i] < 0 || own[t] > bestOwn[i])) {
                    bestTrack[i] = t;
                    bestOwn[i] = Math.max(0f, own[t]);
                }
            }
            top = Math.max(top, bestOwn[i]);
        }
        float low = top;
        for (int i = 0; i < artists.length; i++) {
            if (bestTrack[i] >= 0) {
                low = Math.min(low, bestOwn[i]);
            }
        }
        List<double[]> ranked = new ArrayList<>(); // {final, index}
        for (int i = 0; i < artists.length; i++) {
            if (bestTrack[i] < 0) {
                continue;
            }
            // on 0–1 over the candidates, so that the criterion separates them however narrow its raw range
            double o = top > low ? (bestOwn[i] - low) / (top - low) : 1;
            double p = prior(artists[i]);
            double s = Math.pow(p, priorWeight) * Math.pow(o, 1 - priorWeight);
            if (s > 0) {
                ranked.add(new double[] {s, i});
            }
        }
        ranked.sort((x, y) -> Double.compare(y[0], x[0]) != 0 ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        List<Scored> out = new ArrayList<>(Math.min(k, ranked.size()));
        for (double[] e : ranked.subList(0, Math.min(k, ranked.size()))) {
            int i = (int) e[1];
            Map<String, Double> c = new LinkedHashMap<>();
            c.put(COMPONENT, prior(artists[i]));
            c.put(component, (double) bestOwn[i]);
            out.add(new Scored(bestTrack[i], e[0], why.apply(bestTrack[i]), c));
        }
        return out;
    }

    /** The strategy's reason, then who else plays the track's artist: "Fits a rainy evening, and listeners of X also play Y". */
    String explain(String reason, int track) {
        String also = scores.explain(catalog.trackArtists(track)[0]);
        return reason + ", and " + Character.toLowerCase(also.charAt(0)) + also.substring(1);
    }
}
