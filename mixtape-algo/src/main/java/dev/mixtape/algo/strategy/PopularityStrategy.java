package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.listener.Taste;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.listener.GenreFeedback;
import dev.mixtape.core.Catalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Popular and trending: {@code similarity × popularity × recency × personal affinity}. Popularity is the
 * catalog's (0–100) lifted by trending velocity (events in the last hours against the usual rate, kept
 * online by {@link Trending}); recency is a boost for tracks played in the last hours that decays with a
 * 6-hour half-life; similarity is to the seed track when there is one (else 1); personal affinity is the
 * listener's per-genre feedback (±5%) when there is a listener. Parameter {@code trending=true} ranks by
 * velocity alone.
 */
public final class PopularityStrategy implements Strategy {
    /** For a listener the listening model knows (and no seed track): how far the listener's collaborative neighbourhood counts against popularity ({@link Neighbourhood}). */
    static final double PRIOR_WEIGHT = 0.5;
    private final StrategyModels m;

    public PopularityStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public String description() {
        return "popular and trending tracks, near the seed when given, tilted to the listener's liked genres";
    }

    @Override
    public java.util.Set<String> parameters() {
        return java.util.Set.of("trending");
    }

    @Override
    public void validate(StrategyRequest r) {
        String t = r.params().get("trending");
        if (t != null && !t.equals("true") && !t.equals("false")) {
            throw new dev.mixtape.core.InvalidRequestException("params.trending must be true or false, got '" + t + "'");
        }
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        Catalog c = m.catalog();
        int n = c.size();
        Instant now = r.context().time().toInstant();
        boolean trendingOnly = "true".equals(r.params().get("trending"));
        Taste taste = m.taste(r);
        GenreFeedback fb = m.feedback(r);
        float[] sim = null;
        if (r.hasTrack()) {
            sim = new float[n];
            m.space().distancesTo(m.space().points(), r.track() * FeatureSpace.DIMS, sim);
            for (int t = 0; t < n; t++) {
                sim[t] = FeatureSpace.similarity(sim[t]);
            }
        }
        Trending tr = m.trending();
        float[] score = new float[n];
        float[] velocity = new float[n];
        for (int t : tr.active(now, 1e-3)) {
            velocity[t] = (float) tr.velocity(t, now);
        }
        for (int t = 0; t < n; t++) {
            double pop = c.popularity(t) / 100.0;
            double s = trendingOnly ? velocity[t] : pop * (1 + Math.min(2.0, velocity[t]));
            if (sim != null) {
                s *= 0.2 + 0.8 * sim[t];
            }
            if (fb != null) {
                s *= 1 + fb.adjustment(t, 0.05);
            }
            score[t] = (float) s;
        }
        float[] keep = score.clone();
        Neighbourhood nb = Neighbourhood.of(m, r);
        if (nb != null && !trendingOnly) {
            return nb.rank(keep, PRIOR_WEIGHT, m.allowed(r, taste), k, "popularity", t -> nb.explain(velocity[t] > 0.5 ? "Trending now"
                    : "Popular with listeners (popularity " + c.popularity(t) + ")", t));
        }
        int[] best = StrategyModels.top(score, k, m.allowed(r, taste));
        List<Scored> out = new ArrayList<>(best.length);
        for (int t : best) {
            String why = velocity[t] > 0.5 ? "Trending now" : "Popular with listeners (popularity " + c.popularity(t) + ")";
            if (sim != null) {
                why += ", close to \u201c" + c.trackName(r.track()) + "\u201d";
            }
            out.add(new Scored(t, keep[t], why, Map.of("popularity", c.popularity(t) / 100.0, "velocity", (double) velocity[t])));
        }
        return out;
    }
}
