package dev.mixtape.eval.metric;

/**
 * A metric over all users' lists, accumulated one user at a time: {@link #add} folds in a user,
 * {@link #combine} merges another accumulator of the same kind, so evaluation runs as
 * {@code stream.parallel().collect(metric::fresh, add, combine)}.
 *
 * <p>Not thread-safe: each thread works on its own instance from {@link #fresh()}.
 */
public interface SystemMetric {
    /** Name with its cutoff, e.g. {@code gini@20}. */
    String name();

    /** Folds in one user's ranked list (item indices, best first). */
    void add(int user, int[] ranking);

    /** Merges {@code other}, an accumulator made by {@link #fresh()} of this metric. */
    void combine(SystemMetric other);

    /** The value over everything added; NaN when nothing defined it. */
    double value();

    /** An empty accumulator with the same configuration. */
    SystemMetric fresh();

    /** False for metrics where lower is better (Gini). */
    default boolean higherIsBetter() {
        return true;
    }
}
