package dev.mixtape.eval.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several {@link SystemMetric}s accumulated together, itself a system metric of sorts: one
 * {@code Stream.collect(set::fresh, MetricSet::add, MetricSet::combine)} evaluates them all.
 * Not thread-safe; see {@link SystemMetric}.
 */
public final class MetricSet {
    private final List<SystemMetric> metrics;

    public MetricSet(List<? extends SystemMetric> metrics) {
        this.metrics = new ArrayList<>(metrics);
        long distinct = this.metrics.stream().map(SystemMetric::name).distinct().count();
        if (distinct != this.metrics.size()) {
            throw new IllegalArgumentException("metric names repeat: " + names());
        }
    }

    public void add(int user, int[] ranking) {
        for (SystemMetric m : metrics) {
            m.add(user, ranking);
        }
    }

    /** Merges a set made by {@link #fresh()} of this one. */
    public void combine(MetricSet other) {
        for (int i = 0; i < metrics.size(); i++) {
            metrics.get(i).combine(other.metrics.get(i));
        }
    }

    /** An empty set with the same metrics. */
    public MetricSet fresh() {
        List<SystemMetric> copies = new ArrayList<>(metrics.size());
        for (SystemMetric m : metrics) {
            copies.add(m.fresh());
        }
        return new MetricSet(copies);
    }

    /** The metrics themselves (unmodifiable). */
    public List<SystemMetric> metrics() {
        return List.copyOf(metrics);
    }

    public List<String> names() {
        return metrics.stream().map(SystemMetric::name).toList();
    }

    /** Every metric's value by name, in the set's order. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (SystemMetric m : metrics) {
            out.put(m.name(), m.value());
        }
        return out;
    }
}
