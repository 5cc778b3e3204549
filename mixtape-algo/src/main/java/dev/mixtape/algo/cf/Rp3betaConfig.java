package dev.mixtape.algo.cf;

/**
 * Settings of {@link Rp3betaTrainer} (Paudel et al. 2017; Christoffel et al. 2015 for P³α).
 *
 * @param alpha exponent applied to every transition probability (default 1.0: plain P³)
 * @param beta popularity penalty: the weight to an item is divided by its popularity (number of
 *     users) to the power beta (default 0.5; 0 gives P³α)
 * @param neighbours how many largest weights each item's row keeps (default 100)
 * @param binarise whether every stored interaction counts as 1 (default true) rather than its value
 *     (values must then be non-negative)
 * @param threads training threads (default: available processors)
 */
public record Rp3betaConfig(double alpha, double beta, int neighbours, boolean binarise, int threads) {
    public Rp3betaConfig {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (neighbours <= 0) {
            throw new IllegalArgumentException("neighbours must be positive, got " + neighbours);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    public static Rp3betaConfig defaults() {
        return new Rp3betaConfig(1.0, 0.5, 100, true, Checks.threads());
    }

    public Rp3betaConfig withAlpha(double value) {
        return new Rp3betaConfig(value, beta, neighbours, binarise, threads);
    }

    public Rp3betaConfig withBeta(double value) {
        return new Rp3betaConfig(alpha, value, neighbours, binarise, threads);
    }

    public Rp3betaConfig withNeighbours(int value) {
        return new Rp3betaConfig(alpha, beta, value, binarise, threads);
    }

    public Rp3betaConfig withBinarise(boolean value) {
        return new Rp3betaConfig(alpha, beta, neighbours, value, threads);
    }

    public Rp3betaConfig withThreads(int value) {
        return new Rp3betaConfig(alpha, beta, neighbours, binarise, value);
    }
}
