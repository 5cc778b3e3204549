package dev.mixtape.algo.cf;

/**
 * Settings of {@link EaseTrainer} (Steck 2019). EASE's item × item matrix is dense, so its cost
 * grows with the square (memory) and the cube (time) of the number of items it covers; the
 * {@code minUsers} and {@code maxItems} guards bound that number. Items left out are scored
 * {@link Float#NEGATIVE_INFINITY} (never recommended) and contribute nothing to other items' scores.
 *
 * @param lambda L2 regularisation added to the diagonal of XᵀX (default 200)
 * @param minUsers only items with at least this many training users are modelled (default 2: an item
 *     with one user has no co-occurrence evidence; on Last.fm 2k this keeps about 6,000 of 15,400
 *     trained artists, trains in about 30 s instead of about 8 minutes on 2 busy cores, and scored
 *     the same NDCG@20 in a sanity run; 1 models every item with a user)
 * @param maxItems at most this many items are modelled, the most popular of those passing
 *     {@code minUsers} (ties to the lower index) (default 20,000: training needs about 8·n² bytes of
 *     heap, 3.2 GB at n = 20,000, and about n³/2 multiply-adds)
 * @param threads training threads (default: available processors)
 */
public record EaseConfig(double lambda, int minUsers, int maxItems, int threads) {
    public EaseConfig {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
        if (minUsers < 1) {
            throw new IllegalArgumentException("minUsers must be at least 1, got " + minUsers);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    public static EaseConfig defaults() {
        return new EaseConfig(200, 2, 20_000, Checks.threads());
    }

    public EaseConfig withLambda(double value) {
        return new EaseConfig(value, minUsers, maxItems, threads);
    }

    public EaseConfig withMinUsers(int value) {
        return new EaseConfig(lambda, value, maxItems, threads);
    }

    public EaseConfig withMaxItems(int value) {
        return new EaseConfig(lambda, minUsers, value, threads);
    }

    public EaseConfig withThreads(int value) {
        return new EaseConfig(lambda, minUsers, maxItems, value);
    }
}
