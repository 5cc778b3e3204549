package dev.mixtape.eval.metric;

import dev.mixtape.eval.data.ItemTags;

/**
 * ILD@k over tags: the mean Jaccard distance of the tag sets of every pair among the first k
 * items ({@link ItemTags#jaccardDistance}). Pairs with an untagged item are left out (their
 * distance is unknown, not maximal); NaN when no pair is left, so the user drops out of the mean.
 */
public final class IntraListDiversity implements UserMetric {
    private final int k;
    private final ItemTags tags;

    public IntraListDiversity(int k, ItemTags tags) {
        this.k = Cutoff.check(k);
        this.tags = tags;
    }

    @Override
    public String name() {
        return "ild@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int n = Cutoff.length(k, ranking);
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < n; a++) {
            if (!tags.hasTags(ranking[a])) {
                continue;
            }
            for (int b = a + 1; b < n; b++) {
                double d = tags.jaccardDistance(ranking[a], ranking[b]);
                if (!Double.isNaN(d)) {
                    sum += d;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }
}
