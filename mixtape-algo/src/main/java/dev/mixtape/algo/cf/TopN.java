package dev.mixtape.algo.cf;

import dev.mixtape.algo.content.TopK;

/**
 * Full-ranking top-N over a {@link UserScorer}: every item is scored and the best {@code n} are taken,
 * leaving out the items the user already has in {@code seen} (the training matrix). Ties go to the
 * lower item index. Items scored {@link Float#NEGATIVE_INFINITY} or NaN are never returned.
 * Thread-safe; allocates one score vector per call.
 */
public final class TopN {
    private TopN() {}

    /**
     * The best {@code n} unseen items of {@code user}, best first; fewer when fewer items are
     * scorable, none when {@code n} is 0.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static int[] recommend(UserScorer model, InteractionMatrix seen, int user, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        float[] scores = new float[model.items()];
        model.score(user, scores);
        if (user < seen.users()) {
            int[] ptr = seen.userPtr();
            int[] items = seen.userItems();
            for (int k = ptr[user]; k < ptr[user + 1]; k++) {
                if (items[k] < scores.length) {
                    scores[items[k]] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        if (n == 0 || scores.length == 0) {
            return new int[0];
        }
        TopK top = new TopK(Math.min(n, scores.length));
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > Float.NEGATIVE_INFINITY) { // also drops NaN
                top.offer(i, scores[i]);
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }
}
