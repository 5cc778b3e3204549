package dev.mixtape.peers;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.TopN;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.eval.split.Split;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Full ranking for peers, with the same rule as our models ({@link TopN}): every item is scored,
 * the user's training items are left out, ties go to the lower item index, NaN and -∞ are never
 * recommended.
 */
public final class Rankings {
    private Rankings() {}

    /** A user's scores over all items (dense item index), or null when the model knows nothing of the user. */
    @FunctionalInterface
    public interface Scores {
        double[] of(int user) throws Exception;
    }

    /**
     * The top {@code n} of every test user of {@code split}; {@code parallel} only for thread-safe
     * scorers.
     */
    public static int[][] topN(Split split, Scores scores, int n, boolean parallel) {
        InteractionMatrix train = split.train();
        int items = split.items().size();
        int[][] lists = new int[split.users().size()][];
        IntFunction<int[]> rank = user -> {
            double[] s;
            try {
                s = scores.of(user);
            } catch (Exception e) {
                throw new IllegalStateException("scoring user " + split.users().id(user) + " failed: " + e.getMessage(), e);
            }
            if (s == null) {
                return new int[0];
            }
            UserScorer scorer = new UserScorer() {
                @Override
                public int items() {
                    return items;
                }

                @Override
                public void score(int u, float[] out) {
                    for (int i = 0; i < items; i++) {
                        out[i] = (float) s[i];
                    }
                }
            };
            return TopN.recommend(scorer, train, user, n);
        };
        IntStream users = IntStream.of(split.testUsers());
        (parallel ? users.parallel() : users).forEach(u -> lists[u] = rank.apply(u));
        return lists;
    }
}
