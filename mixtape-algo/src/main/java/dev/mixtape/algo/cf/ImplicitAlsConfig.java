package dev.mixtape.algo.cf;

/**
 * Settings of {@link ImplicitAlsTrainer} (Hu, Koren, Volinsky 2008; conjugate-gradient solves as in
 * Takács, Pilászy, Tikk 2011).
 *
 * @param factors latent dimensions (default 64)
 * @param iterations alternating sweeps, users then items (default 15)
 * @param regularization λ on the squared norms of all factor vectors (default 100, a rough pick for
 *     binarised Last.fm 2k with alpha 40; tune it per dataset)
 * @param alpha confidence scale (default 40): see {@link Confidence}
 * @param confidence how a stored value r becomes a confidence c (default {@link Confidence#LINEAR})
 * @param epsilon the ε of {@link Confidence#LOG} (default 1.0; unused by LINEAR)
 * @param cgSteps conjugate-gradient steps per vector and sweep, warm-started from the previous
 *     sweep's vector (default 3); {@code factors} steps would give the exact least-squares solution
 *     in exact arithmetic (in float, CG loses conjugacy: allow two or three times that)
 * @param initScale standard deviation of the Gaussian initial factors (default 0.01)
 * @param threads training threads (default: available processors)
 * @param seed seed of the initial factors (default 42)
 */
public record ImplicitAlsConfig(int factors, int iterations, double regularization, double alpha,
        Confidence confidence, double epsilon, int cgSteps, double initScale, int threads, long seed) {

    /** Confidence of a stored value {@code r ≥ 0}; unobserved pairs have confidence 1 and preference 0. */
    public enum Confidence {
        /** {@code c = 1 + α·r}: with binarised input, every positive weighs 1 + α. */
        LINEAR,
        /** {@code c = 1 + α·log(1 + r/ε)}: for raw play counts. */
        LOG
    }

    public ImplicitAlsConfig {
        if (factors <= 0) {
            throw new IllegalArgumentException("factors must be positive, got " + factors);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative, got " + iterations);
        }
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (confidence == null) {
            throw new IllegalArgumentException("confidence must be LINEAR or LOG, got null");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        if (cgSteps <= 0) {
            throw new IllegalArgumentException("cgSteps must be positive, got " + cgSteps);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("initScale must be finite and > 0, got " + initScale);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    public static ImplicitAlsConfig defaults() {
        return new ImplicitAlsConfig(64, 15, 100, 40, Confidence.LINEAR, 1.0, 3, 0.01, Checks.threads(), 42);
    }

    /** The confidence minus one for a stored value {@code r}. */
    double confidenceMinusOne(double r) {
        return confidence == Confidence.LINEAR ? alpha * r : alpha * Math.log1p(r / epsilon);
    }

    public ImplicitAlsConfig withFactors(int value) {
        return new ImplicitAlsConfig(value, iterations, regularization, alpha, confidence, epsilon, cgSteps, initScale, threads, seed);
    }

    public ImplicitAlsConfig withIterations(int value) {
        return new ImplicitAlsConfig(factors, value, regularization, alpha, confidence, epsilon, cgSteps, initScale, threads, seed);
    }

    public ImplicitAlsConfig withRegularization(double value) {
        return new ImplicitAlsConfig(factors, iterations, value, alpha, confidence, epsilon, cgSteps, initScale, threads, seed);
    }

    public ImplicitAlsConfig withAlpha(double value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, value, confidence, epsilon, cgSteps, initScale, threads, seed);
    }

    public ImplicitAlsConfig withConfidence(Confidence value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, alpha, value, epsilon, cgSteps, initScale, threads, seed);
    }

    public ImplicitAlsConfig withEpsilon(double value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, alpha, confidence, value, cgSteps, initScale, threads, seed);
    }

    public ImplicitAlsConfig withCgSteps(int value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, alpha, confidence, epsilon, value, initScale, threads, seed);
    }

    public ImplicitAlsConfig withInitScale(double value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, alpha, confidence, epsilon, cgSteps, value, threads, seed);
    }

    public ImplicitAlsConfig withThreads(int value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, alpha, confidence, epsilon, cgSteps, initScale, value, seed);
    }

    public ImplicitAlsConfig withSeed(long value) {
        return new ImplicitAlsConfig(factors, iterations, regularization, alpha, confidence, epsilon, cgSteps, initScale, threads, value);
    }
}
