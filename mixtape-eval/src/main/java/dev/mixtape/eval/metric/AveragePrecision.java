package dev.mixtape.eval.metric;

/**
 * AP@k, whose mean over users is MAP@k: {@code Σ_{i<k, relevant} precision@(i+1)}, divided by
 * {@code min(k, |relevant|)}. NaN for a user without relevant items.
 */
public final class AveragePrecision implements UserMetric {
    private final int k;
    private final BinaryRelevance relevance;

    public AveragePrecision(int k, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "map@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int relevant = relevance.count(user);
        if (relevant == 0) {
            return Double.NaN;
        }
        int hits = 0;
        double sum = 0;
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            if (relevance.isRelevant(user, ranking[i])) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(k, relevant);
    }
}
