package dev.mixtape.eval.metric;

/**
 * NDCG@k with binary gains: {@code DCG = Σ_{i<k, relevant} 1 / log2(i + 2)} (i the 0-based rank),
 * divided by the ideal DCG of {@code min(k, |relevant|)} relevant items on top. NaN for a user
 * without relevant items.
 */
public final class Ndcg implements UserMetric {
    private final int k;
    private final BinaryRelevance relevance;
    private final double[] discount;

    public Ndcg(int k, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.relevance = relevance;
        discount = new double[k];
        for (int i = 0; i < k; i++) {
            discount[i] = 1.0 / (Math.log(i + 2) / Math.log(2));
        }
    }

    @Override
    public String name() {
        return "ndcg@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int relevant = relevance.count(user);
        if (relevant == 0) {
            return Double.NaN;
        }
        double dcg = 0;
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            if (relevance.isRelevant(user, ranking[i])) {
                dcg += discount[i];
            }
        }
        double ideal = 0;
        for (int i = 0, n = Math.min(k, relevant); i < n; i++) {
            ideal += discount[i];
        }
        return dcg / ideal;
    }
}
