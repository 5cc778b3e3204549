package dev.mixtape.eval.metric;

/**
 * Recall@k as in DESIGN: relevant items among the first k, divided by {@code min(k, |relevant|)},
 * so a perfect list scores 1 even when the user has more than k relevant items. NaN for a user
 * without relevant items.
 */
public final class Recall implements UserMetric {
    private final int k;
    private final BinaryRelevance relevance;

    public Recall(int k, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "recall@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int relevant = relevance.count(user);
        if (relevant == 0) {
            return Double.NaN;
        }
        int hits = 0;
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            if (relevance.isRelevant(user, ranking[i])) {
                hits++;
            }
        }
        return (double) hits / Math.min(k, relevant);
    }
}
