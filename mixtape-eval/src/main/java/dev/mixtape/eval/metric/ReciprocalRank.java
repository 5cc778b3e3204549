package dev.mixtape.eval.metric;

/** RR@k, whose mean over users is MRR@k: 1 / (1-based rank of the first relevant item), 0 when none is in the first k. */
public final class ReciprocalRank implements UserMetric {
    private final int k;
    private final BinaryRelevance relevance;

    public ReciprocalRank(int k, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "mrr@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            if (relevance.isRelevant(user, ranking[i])) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }
}
