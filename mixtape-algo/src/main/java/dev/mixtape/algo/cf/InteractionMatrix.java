package dev.mixtape.algo.cf;

import java.util.Arrays;

/**
 * Implicit feedback as a sparse users × items matrix over dense indices, stored twice: by user
 * (CSR: {@link #userPtr()}, {@link #userItems()}, {@link #userValues()}) and by item (CSC:
 * {@link #itemPtr()}, {@link #itemUsers()}, {@link #itemValues()}). Within a row, items are sorted
 * ascending; within a column, users are. Duplicate (user, item) entries are summed. Values are the
 * raw weights (play counts, say); algorithms binarise or transform them as they see fit.
 *
 * <p>Immutable and thread-safe. Arrays returned are shared: do not modify them.
 */
public final class InteractionMatrix {
    private final int users;
    private final int items;
    private final int[] userPtr;
    private final int[] userItems;
    private final float[] userValues;
    private final int[] itemPtr;
    private final int[] itemUsers;
    private final float[] itemValues;

    private InteractionMatrix(int users, int items, int[] userPtr, int[] userItems, float[] userValues) {
        this.users = users;
        this.items = items;
        this.userPtr = userPtr;
        this.userItems = userItems;
        this.userValues = userValues;
        int nnz = userItems.length;
        itemPtr = new int[items + 1];
        for (int k = 0; k < nnz; k++) {
            itemPtr[userItems[k] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemPtr[i + 1] += itemPtr[i];
        }
        itemUsers = new int[nnz];
        itemValues = new float[nnz];
        int[] fill = Arrays.copyOf(itemPtr, items);
        for (int u = 0; u < users; u++) {
            for (int k = userPtr[u]; k < userPtr[u + 1]; k++) {
                int p = fill[userItems[k]]++;
                itemUsers[p] = u;
                itemValues[p] = userValues[k];
            }
        }
    }

    /**
     * Builds the matrix from parallel arrays of (user, item, value) triples in any order.
     *
     * @throws IllegalArgumentException naming the first index out of range or a non-finite value
     */
    public static InteractionMatrix of(int users, int items, int[] user, int[] item, float[] value) {
        if (user.length != item.length || user.length != value.length) {
            throw new IllegalArgumentException("user, item and value arrays differ in length: "
                    + user.length + ", " + item.length + ", " + value.length);
        }
        int n = user.length;
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            if (user[k] < 0 || user[k] >= users) {
                throw new IllegalArgumentException("user index " + user[k] + " out of range [0, " + users + ")");
            }
            if (item[k] < 0 || item[k] >= items) {
                throw new IllegalArgumentException("item index " + item[k] + " out of range [0, " + items + ")");
            }
            if (!Float.isFinite(value[k])) {
                throw new IllegalArgumentException("value " + value[k] + " of (" + user[k] + ", " + item[k] + ") is not finite");
            }
            keys[k] = ((long) user[k] << 32) | item[k];
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] ptr = new int[users + 1];
        int[] cols = new int[n];
        float[] vals = new float[n];
        int m = 0;
        long prev = -1;
        for (int idx = 0; idx < n; idx++) {
            int k = order[idx];
            if (keys[k] == prev) {
                vals[m - 1] += value[k];
                continue;
            }
            prev = keys[k];
            cols[m] = item[k];
            vals[m] = value[k];
            ptr[user[k] + 1]++;
            m++;
        }
        for (int u = 0; u < users; u++) {
            ptr[u + 1] += ptr[u];
        }
        return new InteractionMatrix(users, items, ptr, Arrays.copyOf(cols, m), Arrays.copyOf(vals, m));
    }

    /**
     * Builds the matrix from its by-user (CSR) arrays, which it takes over without copying: row
     * {@code u} holds {@code userItems[userPtr[u] .. userPtr[u + 1])}, strictly ascending, with their
     * values. Used to read saved models back.
     *
     * @throws IllegalArgumentException naming the first inconsistency (pointer, order, range or value)
     */
    public static InteractionMatrix ofCsr(int users, int items, int[] userPtr, int[] userItems, float[] userValues) {
        if (users < 0 || items < 0) {
            throw new IllegalArgumentException("users and items must not be negative, got " + users + " and " + items);
        }
        if (userPtr.length != users + 1) {
            throw new IllegalArgumentException("userPtr has length " + userPtr.length + ", expected users + 1 = " + (users + 1));
        }
        if (userItems.length != userValues.length) {
            throw new IllegalArgumentException("userItems and userValues differ in length: "
                    + userItems.length + ", " + userValues.length);
        }
        if (userPtr[0] != 0 || userPtr[users] != userItems.length) {
            throw new IllegalArgumentException("userPtr must run from 0 to " + userItems.length
                    + ", got " + userPtr[0] + " to " + userPtr[users]);
        }
        for (int u = 0; u < users; u++) {
            if (userPtr[u + 1] < userPtr[u]) {
                throw new IllegalArgumentException("userPtr decreases at user " + u);
            }
            for (int k = userPtr[u]; k < userPtr[u + 1]; k++) {
                int i = userItems[k];
                if (i < 0 || i >= items) {
                    throw new IllegalArgumentException("item index " + i + " of user " + u + " out of range [0, " + items + ")");
                }
                if (k > userPtr[u] && i <= userItems[k - 1]) {
                    throw new IllegalArgumentException("items of user " + u + " are not strictly ascending at " + i);
                }
                if (!Float.isFinite(userValues[k])) {
                    throw new IllegalArgumentException("value " + userValues[k] + " of (" + u + ", " + i + ") is not finite");
                }
            }
        }
        return new InteractionMatrix(users, items, userPtr, userItems, userValues);
    }

    /** The same entries with every value 1 (implicit feedback binarised: stored means positive). */
    public InteractionMatrix binarised() {
        float[] ones = new float[userItems.length];
        Arrays.fill(ones, 1f);
        return new InteractionMatrix(users, items, userPtr, userItems, ones);
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** Number of stored (user, item) entries. */
    public int nnz() {
        return userItems.length;
    }

    public int[] userPtr() {
        return userPtr;
    }

    public int[] userItems() {
        return userItems;
    }

    public float[] userValues() {
        return userValues;
    }

    public int[] itemPtr() {
        return itemPtr;
    }

    public int[] itemUsers() {
        return itemUsers;
    }

    public float[] itemValues() {
        return itemValues;
    }

    /** How many items {@code user} has. */
    public int userCount(int user) {
        return userPtr[user + 1] - userPtr[user];
    }

    /** How many users have {@code item}. */
    public int itemCount(int item) {
        return itemPtr[item + 1] - itemPtr[item];
    }
}
