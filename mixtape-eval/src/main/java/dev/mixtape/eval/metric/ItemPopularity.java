package dev.mixtape.eval.metric;

import dev.mixtape.algo.cf.InteractionMatrix;

/**
 * Item popularity in the training data: how many users have each item, and the share of users
 * (with at least one training item) that is. Immutable and thread-safe.
 */
public final class ItemPopularity {
    private final int[] counts;
    private final int activeUsers;

    public ItemPopularity(InteractionMatrix train) {
        counts = new int[train.items()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = train.itemCount(i);
        }
        int active = 0;
        for (int u = 0; u < train.users(); u++) {
            if (train.userCount(u) > 0) {
                active++;
            }
        }
        activeUsers = active;
    }

    public int items() {
        return counts.length;
    }

    /** Number of training users who have {@code item}. */
    public int count(int item) {
        return counts[item];
    }

    /** Number of users with at least one training item. */
    public int activeUsers() {
        return activeUsers;
    }

    /** {@code count(item) / activeUsers()}: the chance that a user has seen the item; 0 without users. */
    public double seenProbability(int item) {
        return activeUsers == 0 ? 0 : (double) counts[item] / activeUsers;
    }
}
