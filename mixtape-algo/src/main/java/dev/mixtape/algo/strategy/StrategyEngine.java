package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.rerank.Reranker;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one request: picks the strategy ({@code auto} included), validates it, then walks the fallback
 * chain — the strategy, then {@code content} (for a track or a listener with history) and
 * {@code popularity} — until {@code n} tracks pass the re-ranking. A strategy that fails or answers too few
 * leaves its place to the next, which never repeats a track; the answer says which strategies served and why
 * a fallback happened. For a listener without a seed track every step draws from their collaborative neighbourhood
 * ({@link Neighbourhood}); when filters leave it too few tracks, {@code popularity} over the whole catalog fills the
 * rest. Thread-safe.
 */
public final class StrategyEngine {
    private final StrategyModels models;
    private final StrategyRegistry registry;
    private final Reranker reranker;

    public StrategyEngine(StrategyModels models, Map<String, Double> hybridWeights) {
        this(models, hybridWeights, null);
    }

    /** @param sessions what the {@code session} strategy serves (the server's, with its configured blend); null for one with the default blend */
    public StrategyEngine(StrategyModels models, Map<String, Double> hybridWeights, dev.mixtape.algo.listener.SessionRecommender sessions) {
        this.models = models;
        this.registry = new StrategyRegistry(models, hybridWeights, sessions);
        this.reranker = new Reranker(models.catalog(), models.features(), models.songs());
    }

    public StrategyModels models() {
        return models;
    }

    public StrategyRegistry registry() {
        return registry;
    }

    /**
     * The strategies {@code auto} may choose for the request: every registered one but {@code auto} whose validation
     * accepts it (without parameters: auto passes none on).
     */
    public List<String> arms(StrategyRequest r) {
        List<String> out = new ArrayList<>();
        StrategyRequest plain = r.withoutParams();
        for (String name : registry.names()) {
            if (name.equals(StrategyRegistry.AUTO)) {
                continue;
            }
            try {
                registry.get(name).validate(plain);
                out.add(name);
            } catch (InvalidRequestException | StrategyUnavailableException e) {
                // this strategy cannot serve the request
            }
        }
        return out;
    }

    /** One result: the track, its final score, why, which strategy proposed it, and what contributed. */
    public record Item(int track, double score, String explanation, String strategy, Map<String, Double> contributions) {}

    /** A fallback step: the strategy that did not (fully) serve, and why. */
    public record Fallback(String strategy, String reason) {}

    public record Result(String requested, String chosen, String autoReason, List<Item> items, List<String> served,
                         List<Fallback> fallbacks, String modelVersion) {}

    /**
     * @param lambda    MMR trade-off, 0–1
     * @param perArtist at most this many tracks per primary artist
     */
    public Result recommend(String strategyName, StrategyRequest r, double lambda, int perArtist) {
        return recommend(strategyName, r, lambda, perArtist, null);
    }

    /**
     * As {@link #recommend(String, StrategyRequest, double, int)}, with {@code auto}'s choice made by the caller (the
     * bandit, {@link AutoBandit}) instead of the rules; {@code autoChoice} is ignored for any other strategy.
     */
    public Result recommend(String strategyName, StrategyRequest r, double lambda, int perArtist, AutoSelector.Choice autoChoice) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new InvalidRequestException("diversity must be from 0 to 1, got " + lambda);
        }
        r.filters().check(models.catalog());
        String chosen = strategyName;
        String autoReason = null;
        if (StrategyRegistry.AUTO.equals(strategyName)) {
            AutoSelector.Choice c = autoChoice != null ? autoChoice : AutoSelector.choose(r);
            chosen = c.strategy();
            autoReason = c.reason();
        }
        Strategy primary = registry.get(chosen);
        for (String p : r.params().keySet()) {
            if (!primary.parameters().contains(p)) {
                throw new InvalidRequestException("strategy " + chosen + " has no parameter '" + p + "'"
                        + (primary.parameters().isEmpty() ? " (it takes none)" : "; its parameters: " + String.join(", ", new java.util.TreeSet<>(primary.parameters()))));
            }
        }
        if (autoReason == null) {
            primary.validate(r);
        }
        Set<String> chain = new LinkedHashSet<>();
        chain.add(chosen);
        if (r.hasTrack() || r.hasListener()) {
            chain.add("content");
        }
        chain.add("popularity");
        Answer answer = new Answer(r, lambda, perArtist);
        List<Scored> chosenItems = answer.chosen;
        List<Fallback> fallbacks = new ArrayList<>();
        for (String name : chain) {
            if (chosenItems.size() >= r.n()) {
                break;
            }
            Strategy s = registry.get(name);
            List<Scored> got;
            StrategyRequest req = name.equals(chosen) ? r : r.withoutParams();
            try {
                if (!name.equals(chosen) || autoReason != null) {
                    s.validate(req); // an explicitly requested strategy was validated above (a 400)
                }
                got = s.recommend(req, 3 * r.n() + 10);
            } catch (InvalidRequestException | StrategyUnavailableException e) {
                fallbacks.add(new Fallback(name, e.getMessage()));
                continue;
            }
            int before = chosenItems.size();
            answer.add(name, got);
            if (chosenItems.size() < r.n()) {
                fallbacks.add(new Fallback(name, "answered " + (chosenItems.size() - before) + " of the "
                        + (r.n() - before) + " tracks still wanted after filters and re-ranking"));
            }
        }
        if (chosenItems.size() < r.n() && r.hasListener() && !r.hasTrack()) {
            // every step drew from the listener's neighbourhood, and the filters left it too few tracks: the catalog's
            // most popular fill the rest
            try {
                answer.add("popularity", registry.get("popularity").recommend(r.withoutParams().catalogWide(), 3 * r.n() + 10));
            } catch (InvalidRequestException | StrategyUnavailableException e) {
                fallbacks.add(new Fallback("popularity (whole catalog)", e.getMessage()));
            }
        }
        List<Item> items = new ArrayList<>(chosenItems.size());
        for (Scored s : chosenItems) {
            items.add(new Item(s.track(), s.score(), s.explanation(), answer.strategyOf.get(s.track()), s.contributions()));
        }
        return new Result(strategyName, chosen, autoReason, items, answer.servedBy, fallbacks, models.version());
    }

    /** The answer as the steps of the fallback chain fill it: the tracks chosen, which step chose each, which served. */
    private final class Answer {
        final List<Scored> chosen = new ArrayList<>();
        final List<String> servedBy = new ArrayList<>();
        final Map<Integer, String> strategyOf = new java.util.HashMap<>();
        private final Set<Integer> taken;
        private final StrategyRequest r;
        private final double lambda;
        private final int perArtist;

        Answer(StrategyRequest r, double lambda, int perArtist) {
            this.r = r;
            this.lambda = lambda;
            this.perArtist = perArtist;
            this.taken = new HashSet<>(r.exclude());
            if (r.hasTrack()) {
                taken.add(r.track());
            }
        }

        /** Re-ranks {@code got} into the answer (never repeating a track) and credits {@code name} with what it added. */
        void add(String name, List<Scored> got) {
            int before = chosen.size();
            reranker.select(got, chosen, taken, r.n(), r.filters(), lambda, perArtist);
            for (int i = before; i < chosen.size(); i++) {
                strategyOf.put(chosen.get(i).track(), name);
            }
            if (chosen.size() > before && !servedBy.contains(name)) {
                servedBy.add(name);
            }
        }
    }
}
