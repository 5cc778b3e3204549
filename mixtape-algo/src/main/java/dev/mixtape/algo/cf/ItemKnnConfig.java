package dev.mixtape.algo.cf;

/**
 * Settings of {@link ItemKnnTrainer}.
 *
 * @param neighbours how many most similar items each item keeps (default 100)
 * @param shrink the shrinkage term in {@code dot / (|a| |b| + shrink)}, damping similarities
 *     resting on few common users (default 10; 0 gives plain cosine)
 * @param binarise whether every stored interaction counts as 1 (default true) rather than its value,
 *     both for similarities and for scoring
 * @param threads training threads (default: available processors)
 */
public record ItemKnnConfig(int neighbours, double shrink, boolean binarise, int threads) {
    public ItemKnnConfig {
        if (neighbours <= 0) {
            throw new IllegalArgumentException("neighbours must be positive, got " + neighbours);
        }
        if (!(shrink >= 0) || Double.isInfinite(shrink)) {
            throw new IllegalArgumentException("shrink must be finite and >= 0, got " + shrink);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    public static ItemKnnConfig defaults() {
        return new ItemKnnConfig(100, 10, true, Checks.threads());
    }

    public ItemKnnConfig withNeighbours(int value) {
        return new ItemKnnConfig(value, shrink, binarise, threads);
    }

    public ItemKnnConfig withShrink(double value) {
        return new ItemKnnConfig(neighbours, value, binarise, threads);
    }

    public ItemKnnConfig withBinarise(boolean value) {
        return new ItemKnnConfig(neighbours, shrink, value, threads);
    }

    public ItemKnnConfig withThreads(int value) {
        return new ItemKnnConfig(neighbours, shrink, binarise, value);
    }
}
