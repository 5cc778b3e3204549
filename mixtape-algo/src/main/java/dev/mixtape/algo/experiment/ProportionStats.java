package dev.mixtape.algo.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Rates with confidence intervals and the two-proportion z-test, on Apache Commons Math's normal
 * distribution. Intervals are Wilson score intervals (sound at small counts and at rates near 0 or 1);
 * the test uses the pooled proportion and is two-sided.
 */
public final class ProportionStats {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private ProportionStats() {}

    public record Interval(double low, double high) {}

    public record ZTest(double z, double pValue) {}

    /** The Wilson interval of {@code successes / trials} at {@code confidence} (e.g. 0.95); [0, 1] without trials. */
    public static Interval wilson(long successes, long trials, double confidence) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = (double) successes / trials;
        double n = trials;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Two-sided two-proportion z-test of a/n1 against b/n2; p = 1 when either side has no trials or nothing varies. */
    public static ZTest twoProportion(long a, long n1, long b, long n2) {
        if (n1 == 0 || n2 == 0) {
            return new ZTest(0, 1);
        }
        double p1 = (double) a / n1;
        double p2 = (double) b / n2;
        double pooled = (double) (a + b) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new ZTest(0, 1);
        }
        double z = (p2 - p1) / se;
        return new ZTest(z, 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))));
    }
}
