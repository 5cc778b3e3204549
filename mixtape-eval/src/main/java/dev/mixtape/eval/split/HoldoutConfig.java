package dev.mixtape.eval.split;

/**
 * The DESIGN protocol's per-user random holdout.
 *
 * @param testFraction share of each user's positives held out for test (default 0.2): the test
 *                     size is {@code round(n × testFraction)}, at least 1 and at most {@code n - 1}
 * @param minItems     users with fewer positives stay entirely in training (default 5)
 * @param seed         seed of the per-user shuffles
 */
public record HoldoutConfig(double testFraction, int minItems, long seed) {
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final int DEFAULT_MIN_ITEMS = 5;

    public HoldoutConfig {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (minItems < 2) {
            throw new IllegalArgumentException("minItems must be at least 2 (one to train, one to test), got " + minItems);
        }
    }

    /** 80/20, users with fewer than 5 items in training only. */
    public static HoldoutConfig of(long seed) {
        return new HoldoutConfig(DEFAULT_TEST_FRACTION, DEFAULT_MIN_ITEMS, seed);
    }
}
