package dev.mixtape.algo.cf;

import dev.mixtape.algo.content.TopK;

/**
 * Item-item cosine similarity with shrinkage: {@code sim(a, b) = a·b / (|a| |b| + shrink)} over the
 * items' user columns, for every pair with a common user; each item keeps its
 * {@link ItemKnnConfig#neighbours()} most similar other items with a positive similarity (ties to the
 * lower index). Work is about Σ over users of (items per user)², spread over the configured threads
 * with one dense accumulator per thread; the result does not depend on the thread count.
 *
 * <p>Thread-safe: {@link #train} keeps no state between calls.
 */
public final class ItemKnnTrainer implements Trainer<ItemKnnModel> {
    private final ItemKnnConfig config;

    public ItemKnnTrainer(ItemKnnConfig config) {
        this.config = config;
    }

    @Override
    public ItemKnnModel train(InteractionMatrix train) {
        InteractionMatrix x = config.binarise() ? train.binarised() : train;
        int items = x.items();
        int[] itemPtr = x.itemPtr();
        int[] itemUsers = x.itemUsers();
        float[] itemValues = x.itemValues();
        int[] userPtr = x.userPtr();
        int[] userItems = x.userItems();
        float[] userValues = x.userValues();
        double[] norms = new double[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int k = itemPtr[i]; k < itemPtr[i + 1]; k++) {
                s += (double) itemValues[k] * itemValues[k];
            }
            norms[i] = Math.sqrt(s);
        }
        double shrink = config.shrink();
        int k = config.neighbours();
        int[][] rowCols = new int[items][];
        float[][] rowVals = new float[items][];
        try (Parallel par = new Parallel(config.threads())) {
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
                        double xv = itemValues[p];
                        for (int q = userPtr[u]; q < userPtr[u + 1]; q++) {
                            int j = userItems[q];
                            if (st[j] != i + 1) {
                                st[j] = i + 1;
                                a[j] = 0;
                                tl[n++] = j;
                            }
                            a[j] += xv * userValues[q];
                        }
                    }
                    TopK top = new TopK(Math.max(1, Math.min(k, n)));
                    for (int t = 0; t < n; t++) {
                        int j = tl[t];
                        if (j == i) {
                            continue;
                        }
                        double sim = a[j] / (norms[i] * norms[j] + shrink);
                        if (sim > 0) {
                            top.offer(j, (float) sim);
                        }
                    }
                    int[] ids = top.size() == 0 ? new int[0] : top.sortedIds();
                    float[] sims = new float[ids.length];
                    for (int t = 0; t < ids.length; t++) {
                        int j = ids[t];
                        sims[t] = (float) (a[j] / (norms[i] * norms[j] + shrink));
                    }
                    rowCols[i] = ids;
                    rowVals[i] = sims;
                }
            });
        }
        return new ItemKnnModel(config, x, SparseItemMatrix.ofRows(items, rowCols, rowVals));
    }
}
