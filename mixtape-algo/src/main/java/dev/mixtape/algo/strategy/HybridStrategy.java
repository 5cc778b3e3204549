package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted blend of other strategies: each that can serve the request proposes 3 × k candidates,
 * their scores are rescaled to 0–1 by rank (1 for the first, falling linearly), and a track's blend is the
 * weighted sum over strategies (weights renormalised over those that answered), per artist (below). Weights come from config
 * ({@code strategy.hybrid.weights}); the default is content 0.35, collaborative 0.4, personality 0.2, contextual 0.1,
 * fitted on the replay evaluation's validation listeners and checked on the coherence evaluation (docs/LEARNING.md,
 * "Fitted hybrid blend"; until 2026-12-07 it was content 0.35, collaborative 0.25, personality 0.2, popularity 0.1,
 * contextual 0.1). The explanation is the one of the strategy that contributed most.
 *
 * <p>Votes are counted per primary artist, not per track: the parts pick their own tracks of the same artists (for a
 * listener, from their neighbourhood, {@link Neighbourhood}; for a seed track, content's nearest tracks and
 * collaborative's tracks of the seed's co-listened artists), and blending per track would split an artist's votes over
 * its tracks. The artist's track is the one of the part that contributed most to it, so an answer holds one track per
 * artist. (Per track, a seed track's hybrid answers had 0.65 of their artists co-listened with the seed's and 15.9
 * distinct artists in 20; per artist 0.67 and 20: {@code ./mixtape eval coherence}.)
 */
public final class HybridStrategy implements Strategy {
    public static final Map<String, Double> DEFAULT_WEIGHTS = defaults();

    private final Map<String, Strategy> parts;
    private final Map<String, Double> weights;
    private final Catalog catalog;

    /** @param catalog the parts' catalog: a listener-only request is blended per artist (see the class comment) */
    public HybridStrategy(Map<String, Strategy> parts, Map<String, Double> weights, Catalog catalog) {
        this.catalog = catalog;
        this.parts = parts;
        this.weights = Map.copyOf(weights);
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!parts.containsKey(w.getKey()) || w.getKey().equals("hybrid")) {
                throw new IllegalArgumentException("hybrid weight for unknown strategy '" + w.getKey() + "'");
            }
            if (!(w.getValue() >= 0)) {
                throw new IllegalArgumentException("hybrid weight for " + w.getKey() + " must be >= 0, got " + w.getValue());
            }
        }
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("content", 0.35);
        w.put("collaborative", 0.4);
        w.put("personality", 0.2);
        w.put("contextual", 0.1);
        return w;
    }

    public Map<String, Double> weights() {
        return weights;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public String description() {
        return "weighted blend of content, collaborative, personality, popularity and contextual";
    }

    @Override
    public void validate(StrategyRequest r) {
        if (!r.hasTrack() && !r.hasListener()) {
            throw new InvalidRequestException("strategy hybrid needs track_id or user_id");
        }
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        Map<Integer, double[]> blend = new HashMap<>(); // track -> {sum, best contribution}
        Map<Integer, Scored> why = new HashMap<>();
        Map<Integer, Map<String, Double>> contributions = new HashMap<>();
        double used = 0;
        // the parts run side by side (each is a few whole-catalog passes); a part that cannot serve passes its weight on
        List<Map.Entry<String, Double>> active = weights.entrySet().stream().filter(w -> w.getValue() > 0)
                .sorted(Map.Entry.comparingByKey()).toList();
        List<List<Scored>> answers = active.parallelStream().map(w -> {
            Strategy s = parts.get(w.getKey());
            try {
                s.validate(r);
                return s.recommend(r, 3 * k);
            } catch (InvalidRequestException | StrategyUnavailableException e) {
                return List.<Scored>of();
            }
        }).toList();
        for (int a = 0; a < active.size(); a++) {
            Map.Entry<String, Double> w = active.get(a);
            List<Scored> got = answers.get(a);
            if (got.isEmpty()) {
                continue;
            }
            used += w.getValue();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < got.size(); i++) {
                Scored x = got.get(i);
                int key = catalog.trackArtists(x.track())[0];
                if (!seen.add(key)) {
                    continue; // per artist, a part votes once: with its best-ranked track
                }
                double c = w.getValue() * (1.0 - (double) i / got.size());
                double[] b = blend.computeIfAbsent(key, t -> new double[2]);
                b[0] += c;
                contributions.computeIfAbsent(key, t -> new LinkedHashMap<>()).put(w.getKey(), c);
                if (c > b[1]) {
                    b[1] = c;
                    why.put(key, x);
                }
            }
        }
        if (used == 0) {
            throw new StrategyUnavailableException("no part of the hybrid can serve this request");
        }
        double total = used;
        List<Scored> out = new ArrayList<>();
        blend.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]) != 0 ? Double.compare(b.getValue()[0], a.getValue()[0])
                        : Integer.compare(a.getKey(), b.getKey()))
                .limit(k)
                .forEach(e -> {
                    Map<String, Double> c = new LinkedHashMap<>();
                    contributions.get(e.getKey()).forEach((name, v) -> c.put(name, v / total));
                    Scored best = why.get(e.getKey());
                    out.add(new Scored(best.track(), e.getValue()[0] / total, best.explanation(), c));
                });
        return out;
    }
}
