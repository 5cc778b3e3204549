package dev.mixtape.algo.cf;

import dev.mixtape.algo.content.TopK;

/**
 * The sparse item × item product both item-to-item trainers need: for every item {@code i}, the
 * accumulated {@code a_ij = Σ_u left[i,u] · right[u,j]} over users {@code u} who have both, walked
 * item → users → items (about Σ over users of (items per user)² steps); each pair is turned into a
 * weight by the caller, and row {@code i} keeps its {@code k} largest positive weights ({@code j ≠ i},
 * ties to the lower index). Runs over the given threads with one dense accumulator per thread; the
 * result does not depend on the thread count. Stateless; thread-safe.
 */
final class ItemItemProducts {
    private ItemItemProducts() {}

    /** Turns the accumulated product of a pair into the kept weight. */
    @FunctionalInterface
    interface PairWeight {
        double weight(int i, int j, double product);
    }

    /**
     * @param left  a value per entry of {@code x}'s item-major arrays ({@code itemUsers})
     * @param right a value per entry of {@code x}'s user-major arrays ({@code userItems})
     */
    static SparseItemMatrix topRows(InteractionMatrix x, double[] left, double[] right, int k, int threads,
                                    PairWeight pair) {
        int items = x.items();
        int[] itemPtr = x.itemPtr();
        int[] itemUsers = x.itemUsers();
        int[] userPtr = x.userPtr();
        int[] userItems = x.userItems();
        int[][] rowCols = new int[items][];
        float[][] rowVals = new float[items][];
        try (Parallel par = new Parallel(threads)) {
            double[][] acc = new double[par.threads()][];
            int[][] stamp = new int[par.threads()][];
            int[][] touched = new int[par.threads()][];
            par.forRange(items, 64, (w, from, to) -> {
                if (acc[w] == null) {
                    acc[w] = new double[items];
                    stamp[w] = new int[items];
                    touched[w] = new int[items];
                }
                double[] a = acc[w];
                int[] st = stamp[w];
                int[] tl = touched[w];
                for (int i = from; i < to; i++) {
                    int n = 0;
                    for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) {
                        int u = itemUsers[p];
                        double step = left[p];
                        for (int q = userPtr[u]; q < userPtr[u + 1]; q++) {
                            int j = userItems[q];
                            if (st[j] != i + 1) {
                                st[j] = i + 1;
                                a[j] = 0;
                                tl[n++] = j;
                            }
                            a[j] += step * right[q];
                        }
                    }
                    TopK top = new TopK(Math.max(1, Math.min(k, n)));
                    for (int t = 0; t < n; t++) {
                        int j = tl[t];
                        if (j == i) {
                            continue;
                        }
                        double weight = pair.weight(i, j, a[j]);
                        if (weight > 0) {
                            top.offer(j, (float) weight);
                        }
                    }
                    int[] ids = top.size() == 0 ? new int[0] : top.sortedIds();
                    float[] ws = new float[ids.length];
                    for (int t = 0; t < ids.length; t++) {
                        ws[t] = (float) pair.weight(i, ids[t], a[ids[t]]);
                    }
                    rowCols[i] = ids;
                    rowVals[i] = ws;
                }
            });
        }
        return SparseItemMatrix.ofRows(items, rowCols, rowVals);
    }

    /** The values of {@code v} widened to double. */
    static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
