package dev.mixtape.eval.metric;

import java.util.Arrays;

/**
 * Gini index@k of how often each of the {@code items} is recommended in the users' first k (items
 * never recommended count as 0): with the counts sorted ascending {@code c_1 ≤ … ≤ c_n},
 * {@code G = Σ_j (2j − n − 1) c_j / ((n − 1) Σ_j c_j)} — 0 when every item is recommended equally
 * often, 1 when one item takes every slot (as in RankSys). Lower is better. NaN with no
 * recommendation or a single item. Not thread-safe; see {@link SystemMetric}.
 */
public final class GiniIndex implements SystemMetric {
    private final int k;
    private final long[] counts;

    public GiniIndex(int k, int items) {
        this.k = Cutoff.check(k);
        if (items <= 0) {
            throw new IllegalArgumentException("items must be positive, got " + items);
        }
        this.counts = new long[items];
    }

    @Override
    public String name() {
        return "gini@" + k;
    }

    @Override
    public void add(int user, int[] ranking) {
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            counts[ranking[i]]++;
        }
    }

    @Override
    public void combine(SystemMetric other) {
        long[] o = ((GiniIndex) other).counts;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += o[i];
        }
    }

    @Override
    public double value() {
        int n = counts.length;
        long[] c = counts.clone();
        Arrays.sort(c);
        double total = 0;
        double weighted = 0;
        for (int j = 1; j <= n; j++) {
            total += c[j - 1];
            weighted += (2.0 * j - n - 1) * c[j - 1];
        }
        return total == 0 || n < 2 ? Double.NaN : weighted / ((n - 1) * total);
    }

    @Override
    public GiniIndex fresh() {
        return new GiniIndex(k, counts.length);
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }
}
