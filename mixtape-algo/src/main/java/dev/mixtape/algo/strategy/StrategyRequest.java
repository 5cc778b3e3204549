package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Filters;
import java.util.Map;
import java.util.Set;

/**
 * One recommendation request as strategies see it.
 *
 * @param track    the seed track's catalog index, or -1
 * @param listener the listener, or null
 * @param n        results wanted, 1–100
 * @param exclude  catalog indices never to return (the caller's exclusions)
 * @param params   strategy parameters by name (validated by the strategy)
 * @param seed     randomness for strategies that sample (exploration), for reproducible answers
 */
public record StrategyRequest(int track, ListenerState listener, int n, UserContext context, Set<Integer> exclude,
                              Filters filters, Map<String, String> params, long seed) {
    public StrategyRequest {
        exclude = Set.copyOf(exclude);
        params = Map.copyOf(params);
    }

    public boolean hasTrack() {
        return track >= 0;
    }

    public boolean hasListener() {
        return listener != null;
    }

    /** The same request for a fallback strategy: the parameters were the first strategy's. */
    public StrategyRequest withoutParams() {
        return params.isEmpty() ? this : new StrategyRequest(track, listener, n, context, exclude, filters, Map.of(), seed);
    }

    /** A parameter no caller can send (strategies' parameters are checked by name): the request asks the whole catalog. */
    static final String CATALOG_WIDE = "_catalog_wide";

    /**
     * The same request, ranked over the whole catalog rather than the listener's collaborative neighbourhood
     * ({@link Neighbourhood}): the last step of the fallback chain, when filters leave the neighbourhood too few tracks.
     */
    public StrategyRequest catalogWide() {
        Map<String, String> p = new java.util.HashMap<>(params);
        p.put(CATALOG_WIDE, "true");
        return new StrategyRequest(track, listener, n, context, exclude, filters, p, seed);
    }

    /** Whether {@link #catalogWide} made this request. */
    public boolean isCatalogWide() {
        return params.containsKey(CATALOG_WIDE);
    }

    public StrategyRequest withN(int newN) {
        return new StrategyRequest(track, listener, newN, context, exclude, filters, params, seed);
    }
}
