package dev.mixtape.eval.metric;

import dev.mixtape.algo.cf.InteractionMatrix;
import java.util.Arrays;

/**
 * Binary relevance from a test matrix: an item is relevant to a user when the test side holds the
 * pair, whatever its value. Immutable and thread-safe.
 */
public final class BinaryRelevance {
    private final InteractionMatrix test;

    public BinaryRelevance(InteractionMatrix test) {
        this.test = test;
    }

    public boolean isRelevant(int user, int item) {
        if (user < 0 || user >= test.users()) {
            return false;
        }
        int[] ptr = test.userPtr();
        return Arrays.binarySearch(test.userItems(), ptr[user], ptr[user + 1], item) >= 0;
    }

    /** Number of relevant items of {@code user}. */
    public int count(int user) {
        return user < 0 || user >= test.users() ? 0 : test.userCount(user);
    }
}
