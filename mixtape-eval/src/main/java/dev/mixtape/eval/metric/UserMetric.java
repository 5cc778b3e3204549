package dev.mixtape.eval.metric;

/**
 * Judges one user's ranked recommendation list (item indices, best first). Implementations take
 * what they judge by — relevance, popularity, tags — as constructor arguments, and are immutable
 * and thread-safe. {@link MeanMetric} averages one over users.
 */
public interface UserMetric {
    /** Name with its cutoff, e.g. {@code ndcg@20}. */
    String name();

    /**
     * The value for {@code user}'s {@code ranking}; {@link Double#NaN} when the metric is undefined
     * for this user (no tagged pair for ILD, say), which the mean then leaves out.
     */
    double evaluate(int user, int[] ranking);
}
