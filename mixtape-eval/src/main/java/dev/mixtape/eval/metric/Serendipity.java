package dev.mixtape.eval.metric;

import java.util.Arrays;

/**
 * Serendipity@k (Ge et al. 2010): the share of the first k items that are both unexpected (not in
 * the {@link PopularityBaseline}'s first k for that user) and relevant,
 * {@code |(RS_k \ PM_k) ∩ relevant| / |RS_k|}. 0 for an empty list.
 */
public final class Serendipity implements UserMetric {
    private final int k;
    private final PopularityBaseline baseline;
    private final BinaryRelevance relevance;

    public Serendipity(int k, PopularityBaseline baseline, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.baseline = baseline;
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "serendipity@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int n = Cutoff.length(k, ranking);
        if (n == 0) {
            return 0;
        }
        int[] expected = baseline.top(user, k);
        Arrays.sort(expected);
        int serendipitous = 0;
        for (int i = 0; i < n; i++) {
            if (relevance.isRelevant(user, ranking[i]) && Arrays.binarySearch(expected, ranking[i]) < 0) {
                serendipitous++;
            }
        }
        return (double) serendipitous / n;
    }
}
