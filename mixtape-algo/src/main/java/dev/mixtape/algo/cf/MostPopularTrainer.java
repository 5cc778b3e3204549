package dev.mixtape.algo.cf;

/** Counts each item's users (or sums its values); deterministic, no randomness. Thread-safe. */
public final class MostPopularTrainer implements Trainer<MostPopularModel> {
    private final MostPopularConfig config;

    public MostPopularTrainer(MostPopularConfig config) {
        this.config = config;
    }

    @Override
    public MostPopularModel train(InteractionMatrix train) {
        int items = train.items();
        float[] popularity = new float[items];
        int[] ptr = train.itemPtr();
        float[] values = train.itemValues();
        for (int i = 0; i < items; i++) {
            if (config.weighted()) {
                double sum = 0;
                for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                    sum += values[k];
                }
                popularity[i] = (float) sum;
            } else {
                popularity[i] = ptr[i + 1] - ptr[i];
            }
        }
        return new MostPopularModel(config, popularity);
    }
}
