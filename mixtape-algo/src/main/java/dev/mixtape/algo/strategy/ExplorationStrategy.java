package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.listener.Taste;
import dev.mixtape.algo.listener.GenreFeedback;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Exploration over candidates, one Beta–Bernoulli arm per genre: candidates are the content neighbours of
 * the seed or the listener's taste (when known), popular tracks and a seeded random sample across the
 * catalog. Each arm's posterior comes from the listener's events (save or like 1, a play 0.5, a skip or
 * dislike 0, from Beta(1, 1); see {@link GenreFeedback}), so it updates online with every batch.
 * {@code params.method}:
 * <ul>
 *   <li>{@code thompson} (default): sample θ from each candidate's genre posterior, rank by θ × relevance;</li>
 *   <li>{@code epsilon}: each slot is, with probability {@code params.epsilon} (default 0.1), a random
 *       candidate, else the best by posterior mean × relevance.</li>
 * </ul>
 * Randomness is seeded from the request (its seed), so one request gives one answer.
 */
public final class ExplorationStrategy implements Strategy {
    private final StrategyModels m;

    public ExplorationStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "exploration";
    }

    @Override
    public String description() {
        return "Thompson sampling or epsilon-greedy over genres, learning from the listener's events";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("method", "epsilon");
    }

    @Override
    public void validate(StrategyRequest r) {
        String method = r.params().getOrDefault("method", "thompson");
        if (!method.equals("thompson") && !method.equals("epsilon")) {
            throw new InvalidRequestException("params.method must be thompson or epsilon, got '" + method + "'");
        }
        epsilon(r);
    }

    static double epsilon(StrategyRequest r) {
        String e = r.params().get("epsilon");
        if (e == null) {
            return 0.1;
        }
        try {
            double v = Double.parseDouble(e.trim());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidRequestException("params.epsilon must be a number from 0 to 1, got '" + e + "'");
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        Catalog c = m.catalog();
        Taste taste = m.taste(r);
        var allowed = m.allowed(r, taste);
        RandomGenerator rnd = new Well19937c(r.seed());
        // candidates with a relevance in 0..1
        Map<Integer, Double> relevance = new HashMap<>();
        if (r.hasTrack() || (taste != null && taste.known())) {
            for (Scored s : new ContentStrategy(m).recommend(r, 150)) {
                relevance.merge(s.track(), s.score(), Math::max);
            }
        }
        for (Scored s : new PopularityStrategy(m).recommend(r.withN(100), 100)) {
            relevance.merge(s.track(), 0.5 * c.popularity(s.track()) / 100.0 + 0.25, Math::max);
        }
        for (int i = 0; i < 150 && c.size() > 0; i++) {
            int t = rnd.nextInt(c.size());
            if (allowed.test(t)) {
                relevance.merge(t, 0.3, Math::max);
            }
        }
        // with the listener's collaborative neighbourhood the content and popularity candidates come from it
        // (Neighbourhood): relevance then leads and the genre's sampled reward varies it, instead of the other way round
        boolean known = Neighbourhood.of(m, r) != null;
        List<Integer> cands = new ArrayList<>(new java.util.TreeSet<>(relevance.keySet()));
        GenreFeedback fb = m.feedback(r);
        boolean thompson = !"epsilon".equals(r.params().get("method"));
        Map<Integer, Double> theta = new HashMap<>();
        List<Scored> out = new ArrayList<>();
        if (thompson) {
            List<double[]> scored = new ArrayList<>();
            for (int t : cands) {
                int g = primaryGenre(t);
                double th = theta.computeIfAbsent(g, x -> sample(fb, x, rnd));
                scored.add(new double[] {t, known ? Math.sqrt(th) * relevance.get(t) : th * (0.5 + 0.5 * relevance.get(t)), th});
            }
            scored.sort((a, b) -> Double.compare(b[1], a[1]) != 0 ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
            for (double[] s : scored.subList(0, Math.min(k, scored.size()))) {
                int t = (int) s[0];
                out.add(new Scored(t, s[1], explain(t, fb, "sampled"), Map.of("theta", s[2], "relevance", relevance.get(t))));
            }
        } else {
            double eps = epsilon(r);
            List<Integer> greedy = new ArrayList<>(cands);
            greedy.sort((a, b) -> {
                double sa = mean(fb, primaryGenre(a)) * (0.5 + 0.5 * relevance.get(a));
                double sb = mean(fb, primaryGenre(b)) * (0.5 + 0.5 * relevance.get(b));
                return sa != sb ? Double.compare(sb, sa) : Integer.compare(a, b);
            });
            Set<Integer> taken = new LinkedHashSet<>();
            int gi = 0;
            while (taken.size() < Math.min(k, cands.size())) {
                boolean explore = rnd.nextDouble() < eps;
                int t;
                if (explore) {
                    t = cands.get(rnd.nextInt(cands.size()));
                } else {
                    while (taken.contains(greedy.get(gi))) {
                        gi++;
                    }
                    t = greedy.get(gi);
                }
                if (taken.add(t)) {
                    double s = mean(fb, primaryGenre(t)) * (0.5 + 0.5 * relevance.get(t));
                    out.add(new Scored(t, s, explain(t, fb, explore ? "explore" : "exploit"),
                            Map.of("mean", mean(fb, primaryGenre(t)), "relevance", relevance.get(t), "explored", explore ? 1.0 : 0.0)));
                }
            }
        }
        return out;
    }

    private int primaryGenre(int t) {
        int[] g = m.catalog().trackGenres(t);
        return g.length == 0 ? -1 : g[0];
    }

    private static double mean(GenreFeedback fb, int g) {
        return fb == null || g < 0 ? 0.5 : fb.mean(g);
    }

    private static double sample(GenreFeedback fb, int g, RandomGenerator rnd) {
        double[] ab = fb == null || g < 0 ? new double[] {1, 1} : fb.posterior(g);
        return new BetaDistribution(rnd, ab[0], ab[1]).sample();
    }

    private String explain(int t, GenreFeedback fb, String how) {
        int g = primaryGenre(t);
        String genre = g < 0 ? "this sound" : m.catalog().genreName(g);
        double mean = mean(fb, g);
        return switch (how) {
            case "explore" -> "Something different to try (" + genre + ")";
            case "exploit" -> mean > 0.55 ? "You respond well to " + genre : "A good bet in " + genre;
            default -> mean > 0.55 ? "You respond well to " + genre : mean < 0.45 ? "Giving " + genre + " another chance"
                    : "Exploring " + genre;
        };
    }
}
