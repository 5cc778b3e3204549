package dev.mixtape.eval.metric;

/**
 * EPC@k novelty (Vargas &amp; Castells 2011), without rank discount or relevance: the mean over the
 * first k items of {@code 1 − p(seen | i)}, where {@code p(seen | i)} is the share of training users
 * who have item i ({@link ItemPopularity#seenProbability}). 0 for an empty list.
 */
public final class ExpectedPopularityComplement implements UserMetric {
    private final int k;
    private final ItemPopularity popularity;

    public ExpectedPopularityComplement(int k, ItemPopularity popularity) {
        this.k = Cutoff.check(k);
        this.popularity = popularity;
    }

    @Override
    public String name() {
        return "epc@" + k;
    }

    @Override
    public double evaluate(int user, int[] ranking) {
        int n = Cutoff.length(k, ranking);
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 - popularity.seenProbability(ranking[i]);
        }
        return sum / n;
    }
}
