package dev.mixtape.algo.rerank;

import java.util.Map;

/**
 * A candidate from a strategy: the track, a score (higher is better; comparable within one strategy's
 * answer), why, and what contributed.
 */
public record Scored(int track, double score, String explanation, Map<String, Double> contributions) {
    public Scored {
        contributions = contributions == null ? Map.of() : Map.copyOf(contributions);
    }
}
