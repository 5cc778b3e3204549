package dev.mixtape.eval.metric;

/** HitRate@k: 1 when at least one relevant item is among the first k, else 0. */
public final class HitRate implements UserMetric {
    private final int k;
    private final BinaryRelevance relevance;

    public HitRate(int k, BinaryRelevance relevance) {
        this.k = Cutoff.check(k);
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "hitrate@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            if (relevance.isRelevant(user, ranking[i])) {
                return 1;
            }
        }
        return 0;
    }
}
