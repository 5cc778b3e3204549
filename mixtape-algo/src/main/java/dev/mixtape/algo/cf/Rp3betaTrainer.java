package dev.mixtape.algo.cf;

/**
 * RP³β: with {@code P_ui} the user → item transition probabilities (rows of X normalised to sum 1)
 * and {@code P_iu} the item → user ones (rows of Xᵀ normalised), every probability raised to
 * {@code alpha}, the item → item weight is {@code W_ij = (P_iu^α · P_ui^α)_ij / pop_j^β} for
 * {@code j ≠ i}, where {@code pop_j} is the number of users of {@code j}. Each row {@code i} keeps its
 * {@link Rp3betaConfig#neighbours()} largest positive weights (ties to the lower index), as in the
 * reference implementation of Dacrema et al. The products run in {@link ItemItemProducts}.
 *
 * <p>Thread-safe: {@link #train} keeps no state between calls.
 */
public final class Rp3betaTrainer implements Trainer<Rp3betaModel> {
    private final Rp3betaConfig config;

    public Rp3betaTrainer(Rp3betaConfig config) {
        this.config = config;
    }

    @Override
    public Rp3betaModel train(InteractionMatrix train) {
        InteractionMatrix x = config.binarise() ? train.binarised() : train;
        Checks.nonNegative(x, "RP3beta");
        int users = x.users();
        int items = x.items();
        int[] userPtr = x.userPtr();
        int[] userItems = x.userItems();
        float[] userValues = x.userValues();
        int[] itemPtr = x.itemPtr();
        int[] itemUsers = x.itemUsers();
        float[] itemValues = x.itemValues();
        double alpha = config.alpha();
        double[] pui = new double[userItems.length];
        for (int u = 0; u < users; u++) {
            double sum = 0;
            for (int k = userPtr[u]; k < userPtr[u + 1]; k++) {
                sum += userValues[k];
            }
            for (int k = userPtr[u]; k < userPtr[u + 1]; k++) {
                pui[k] = sum > 0 ? Math.pow(userValues[k] / sum, alpha) : 0;
            }
        }
        double[] piu = new double[itemUsers.length];
        double[] popPenalty = new double[items];
        for (int i = 0; i < items; i++) {
            double sum = 0;
            for (int k = itemPtr[i]; k < itemPtr[i + 1]; k++) {
                sum += itemValues[k];
            }
            for (int k = itemPtr[i]; k < itemPtr[i + 1]; k++) {
                piu[k] = sum > 0 ? Math.pow(itemValues[k] / sum, alpha) : 0;
            }
            int pop = itemPtr[i + 1] - itemPtr[i];
            popPenalty[i] = pop > 0 ? Math.pow(pop, -config.beta()) : 0;
        }
        SparseItemMatrix weights = ItemItemProducts.topRows(x, piu, pui, config.neighbours(), config.threads(),
                (i, j, product) -> product * popPenalty[j]);
        return new Rp3betaModel(config, x, weights);
    }
}
