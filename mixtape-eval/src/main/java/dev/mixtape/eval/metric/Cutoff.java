package dev.mixtape.eval.metric;

/** Cutoff checks shared by the metrics. */
final class Cutoff {
    private Cutoff() {}

    static int check(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("cutoff k must be positive, got " + k);
        }
        return k;
    }

    /** How many items of {@code ranking} the cutoff looks at. */
    static int length(int k, int[] ranking) {
        return Math.min(k, ranking.length);
    }
}
