package dev.mixtape.eval.metric;

/** Precision@k: relevant items among the first k, divided by k (a short list is not rewarded). */
public final class Precision implements UserMetric {
    private final int k;
    private final BinaryRelevance relevance;

    public Precision(int k, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "precision@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int hits = 0;
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            if (relevance.isRelevant(user, ranking[i])) {
                hits++;
            }
        }
        return (double) hits / k;
    }
}
