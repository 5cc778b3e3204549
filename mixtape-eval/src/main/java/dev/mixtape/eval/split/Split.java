package dev.mixtape.eval.split;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.InteractionData;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A train/test split over one dataset's id tables: {@code train} and {@code test} are disjoint
 * users × items matrices of positives (values are the summed weights, which models may use or
 * binarise; the test side is judged as binary relevance). {@code trainTime} and {@code testTime}
 * hold the latest timestamp of each stored entry in CSR order, or are null without timestamps.
 *
 * <p>Immutable and thread-safe; arrays are shared, do not modify them.
 *
 * @param dataset  dataset name (a validation split carries {@code <dataset>/validation})
 * @param protocol {@code per-user-holdout} or {@code leave-last-out}
 * @param seed     the seed the split was drawn with (0 when the protocol draws nothing)
 * @param params   the protocol's parameters, as written to the manifest
 */
public record Split(String dataset, String protocol, long seed, Map<String, Object> params, IdIndex users, IdIndex items,
                    InteractionMatrix train, long[] trainTime, InteractionMatrix test, long[] testTime) {
    public Split {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        for (InteractionMatrix m : new InteractionMatrix[] {train, test}) {
            if (m.users() != users.size() || m.items() != items.size()) {
                throw new IllegalArgumentException("matrix is " + m.users() + " × " + m.items() + ", id tables are "
                        + users.size() + " × " + items.size());
            }
        }
        if (trainTime != null && trainTime.length != train.nnz() || testTime != null && testTime.length != test.nnz()) {
            throw new IllegalArgumentException("timestamp arrays do not match the matrices' entry counts");
        }
    }

    /** The users with at least one test item, ascending. */
    public int[] testUsers() {
        int n = 0;
        for (int u = 0; u < test.users(); u++) {
            if (test.userCount(u) > 0) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int u = 0; u < test.users(); u++) {
            if (test.userCount(u) > 0) {
                out[n++] = u;
            }
        }
        return out;
    }

    public boolean hasTimestamps() {
        return trainTime != null;
    }

    /**
     * The training side as a dataset named {@code <dataset>/validation} with the same id tables,
     * for carving a validation split from training only.
     */
    public InteractionData trainingData() {
        int n = train.nnz();
        int[] user = new int[n];
        int[] ptr = train.userPtr();
        for (int u = 0; u < train.users(); u++) {
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                user[k] = u;
            }
        }
        return new InteractionData(dataset + "/validation", users, items, user, train.userItems().clone(),
                train.userValues().clone(), trainTime == null ? null : trainTime.clone(), null);
    }
}
