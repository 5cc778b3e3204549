package dev.mixtape.algo.cf;

import dev.mixtape.algo.content.TopK;

/**
 * Full-ranking top-N over a {@link UserScorer}: every item is scored and the best {@code n} are taken,
 * leaving out the items the user already has in {@code seen} (the training matrix). Ties go to the
 * lower item index. Thread-safe; allocates one score vector per call.
 */
public final class TopN {
    private TopN() {}

    /** The best {@code n} unseen items of {@code user}, best first. */
    public static int[] recommend(UserScorer model, InteractionMatrix seen, int user, int n) {
        float[] scores = new float[model.items()];
        model.score(user, scores);
        if (user < seen.users()) {
            int[] ptr = seen.userPtr();
            int[] items = seen.userItems();
            for (int k = ptr[user]; k < ptr[user + 1]; k++) {
                scores[items[k]] = Float.NEGATIVE_INFINITY;
            }
        }
        TopK top = new TopK(Math.max(1, n));
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != Float.NEGATIVE_INFINITY) {
                top.offer(i, scores[i]);
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }
}
