package dev.mixtape.algo.cf;

/**
 * Item-item cosine similarity with shrinkage: {@code sim(a, b) = a·b / (|a| |b| + shrink)} over the
 * items' user columns, for every pair with a common user; each item keeps its
 * {@link ItemKnnConfig#neighbours()} most similar other items with a positive similarity (ties to the
 * lower index), computed by {@link ItemItemProducts}.
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
        float[] itemValues = x.itemValues();
        double[] norms = new double[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int k = itemPtr[i]; k < itemPtr[i + 1]; k++) {
                s += (double) itemValues[k] * itemValues[k];
            }
            norms[i] = Math.sqrt(s);
        }
        double shrink = config.shrink();
        SparseItemMatrix neighbours = ItemItemProducts.topRows(x, ItemItemProducts.widen(itemValues),
                ItemItemProducts.widen(x.userValues()), config.neighbours(), config.threads(),
                (i, j, dot) -> dot / (norms[i] * norms[j] + shrink));
        return new ItemKnnModel(config, x, neighbours);
    }
}
