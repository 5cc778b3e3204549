package dev.mixtape.algo.strategy;

import dev.mixtape.core.MixtapeException;

/** A strategy cannot answer now (say, its model is not trained); the fallback chain takes over. */
public class StrategyUnavailableException extends MixtapeException {
    public StrategyUnavailableException(String message) {
        super(message);
    }
}
