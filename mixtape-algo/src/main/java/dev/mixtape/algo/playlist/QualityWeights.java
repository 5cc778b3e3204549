package dev.mixtape.algo.playlist;

/**
 * Weights of the components of {@link PlaylistQuality}'s overall score. Each must be ≥ 0 and they must
 * not all be 0; the overall score divides by their sum, so they need not add up to 1.
 *
 * @param targetFit   how well tracks match the requested attribute targets and ranges (default 0.35)
 * @param cohesion    how close tracks sound to the playlist's centroid (default 0.25)
 * @param diversity   distinct artists, and none over the per-artist cap (default 0.15)
 * @param genreFit    share of tracks in a wanted genre (default 0.15)
 * @param transitions smoothness of consecutive tempo, key and energy (default 0.10)
 */
public record QualityWeights(double targetFit, double cohesion, double diversity, double genreFit, double transitions) {
    public static final QualityWeights DEFAULT = new QualityWeights(0.35, 0.25, 0.15, 0.15, 0.10);

    public QualityWeights {
        check("targetFit", targetFit);
        check("cohesion", cohesion);
        check("diversity", diversity);
        check("genreFit", genreFit);
        check("transitions", transitions);
        if (targetFit + cohesion + diversity + genreFit + transitions <= 0) {
            throw new IllegalArgumentException("quality weights must not all be 0");
        }
    }

    /** The sum of the weights (the overall score's divisor). */
    public double sum() {
        return targetFit + cohesion + diversity + genreFit + transitions;
    }

    private static void check(String name, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("quality weight " + name + " must be a finite number >= 0, got " + w);
        }
    }
}
