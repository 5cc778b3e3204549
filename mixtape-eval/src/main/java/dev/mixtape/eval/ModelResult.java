package dev.mixtape.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's evaluation: its name and parameters, training time (as given by the caller),
 * evaluation wall time, the number of test users evaluated, and every metric by name
 * ({@code ndcg@20}); a metric undefined for every user is NaN.
 */
public record ModelResult(String name, Map<String, Object> params, long trainMs, long evalMs, int users,
                          Map<String, Double> metrics) {
    public ModelResult {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The value of {@code metric}.
     *
     * @throws IllegalArgumentException when the result has no such metric
     */
    public double metric(String metric) {
        Double v = metrics.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + metric + "' in the result of " + name + "; it has " + metrics.keySet());
        }
        return v;
    }
}
