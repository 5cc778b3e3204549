package dev.mixtape.eval.tune;

import java.util.List;
import java.util.Map;

/** The best point by {@code metric} and every trial in the order tried. */
public record TuningResult(String metric, Map<String, Object> bestParams, double bestValue, List<Trial> trials) {
    public TuningResult {
        trials = List.copyOf(trials);
    }
}
