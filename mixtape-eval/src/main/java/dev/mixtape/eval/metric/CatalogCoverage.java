package dev.mixtape.eval.metric;

import java.util.BitSet;

/**
 * Catalog coverage@k: the share of all {@code items} that appear in at least one user's first k.
 * Not thread-safe; see {@link SystemMetric}.
 */
public final class CatalogCoverage implements SystemMetric {
    private final int k;
    private final int items;
    private final BitSet seen;

    public CatalogCoverage(int k, int items) {
        this.k = Cutoff.check(k);
        if (items <= 0) {
            throw new IllegalArgumentException("items must be positive, got " + items);
        }
        this.items = items;
        this.seen = new BitSet(items);
    }

    @Override
    public String name() {
        return "coverage@" + k;
    }

    @Override
    public void add(int user, int[] ranking) {
        for (int i = 0, n = Cutoff.length(k, ranking); i < n; i++) {
            seen.set(ranking[i]);
        }
    }

    @Override
    public void combine(SystemMetric other) {
        seen.or(((CatalogCoverage) other).seen);
    }

    @Override
    public double value() {
        return (double) seen.cardinality() / items;
    }

    @Override
    public CatalogCoverage fresh() {
        return new CatalogCoverage(k, items);
    }
}
