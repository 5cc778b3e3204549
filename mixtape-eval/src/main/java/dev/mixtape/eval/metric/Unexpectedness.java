package dev.mixtape.eval.metric;

import java.util.Arrays;

/**
 * Unexpectedness@k (Ge et al. 2010): the share of the first k items that the primitive
 * {@link PopularityBaseline} would not have recommended in its own first k for that user,
 * {@code |RS_k \ PM_k| / |RS_k|}. 0 for an empty list.
 */
public final class Unexpectedness implements UserMetric {
    private final int k;
    private final PopularityBaseline baseline;

    public Unexpectedness(int k, PopularityBaseline baseline) {
        this.k = Cutoff.check(k);
        this.baseline = baseline;
    }

    @Override
    public String name() {
        return "unexpectedness@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int n = Cutoff.length(k, ranking);
        if (n == 0) {
            return 0;
        }
        int[] expected = baseline.top(user, k);
        Arrays.sort(expected);
        int unexpected = 0;
        for (int i = 0; i < n; i++) {
            if (Arrays.binarySearch(expected, ranking[i]) < 0) {
                unexpected++;
            }
        }
        return (double) unexpected / n;
    }
}
