package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import java.util.List;
import java.util.Set;

/**
 * One way to recommend. Immutable and thread-safe; built per catalog by {@link StrategyModels}.
 */
public interface Strategy {
    /** The registry key, lower case. */
    String name();

    /** One line for the list of strategies. */
    String description();

    /** The parameters this strategy reads from {@link StrategyRequest#params()}; others are rejected. */
    default Set<String> parameters() {
        return Set.of();
    }

    /**
     * Rejects a request this strategy cannot serve, with a message naming why (a missing track or user,
     * a bad parameter). Thrown as {@link dev.mixtape.core.InvalidRequestException}.
     */
    void validate(StrategyRequest request);

    /**
     * Up to {@code k} candidates, best first, never the seed track nor anything in {@code request.exclude()}.
     * May throw {@link StrategyUnavailableException} when a model it needs is missing.
     */
    List<Scored> recommend(StrategyRequest request, int k);
}
