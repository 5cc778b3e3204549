package dev.mixtape.eval.metric;

import dev.mixtape.algo.cf.InteractionMatrix;
import java.util.Arrays;

/**
 * The primitive recommender serendipity and unexpectedness are measured against: MostPopular over
 * the training data (items by number of training users, descending; ties to the lower index),
 * leaving out each user's own training items. Computed here from the matrix, independent of the
 * algorithms module's MostPopular. Immutable and thread-safe.
 */
public final class PopularityBaseline {
    private final InteractionMatrix train;
    private final int[] order;

    public PopularityBaseline(InteractionMatrix train) {
        this.train = train;
        int n = train.items();
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            // descending count, then ascending index, as one ascending long
            packed[i] = ((long) (Integer.MAX_VALUE - train.itemCount(i)) << 32) | i;
        }
        Arrays.sort(packed);
        order = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = (int) packed[r];
        }
    }

    /** The first {@code k} items of the popularity ranking that {@code user} has not in training. */
    public int[] top(int user, int k) {
        int[] out = new int[Math.min(k, order.length)];
        int n = 0;
        boolean known = user >= 0 && user < train.users();
        int[] ptr = train.userPtr();
        for (int r = 0; r < order.length && n < out.length; r++) {
            int item = order[r];
            if (known && Arrays.binarySearch(train.userItems(), ptr[user], ptr[user + 1], item) >= 0) {
                continue;
            }
            out[n++] = item;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
