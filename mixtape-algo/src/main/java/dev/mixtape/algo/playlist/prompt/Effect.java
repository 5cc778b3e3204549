package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.MoodFeatures.COUNT;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * What one phrase does to the eight features ({@link MoodFeatures} order): a change from neutral per
 * feature, the spread it prefers around the result, which features are its point (conflicts are
 * judged on those only), and optional bounds. Immutable; built from calibrated moods
 * ({@link #mood}) plus direct changes ({@link #plus}).
 */
final class Effect {
    /** Spread of a direct change, per feature, when no mood says otherwise. */
    private static final double[] DIRECT_SPREAD = {0.2, 0.2, 0.15, 0.25, 0.25, 0.05, 15, 3};
    static final Effect NONE = new Effect(new double[COUNT], new double[COUNT], 0, false, nan(), nan());

    final double[] delta;
    /** Preferred half-width per feature, weighted by |delta| when effects combine; 0 where delta is 0. */
    final double[] spread;
    final int primary;
    /** A softening ("not too", "no"): lowers a wish without counting as one side of a contradiction. */
    final boolean limiting;
    final double[] min;
    final double[] max;

    private Effect(double[] delta, double[] spread, int primary, boolean limiting, double[] min, double[] max) {
        this.delta = delta;
        this.spread = spread;
        this.primary = primary;
        this.limiting = limiting;
        this.min = min;
        this.max = max;
    }

    private static double[] nan() {
        double[] a = new double[COUNT];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** A calibrated mood at weight {@code w}: every feature moves {@code w} of the way from neutral to the mood's centroid. */
    static Effect mood(Mood m, double w) {
        double[] d = new double[COUNT];
        double[] s = new double[COUNT];
        for (int f = 0; f < COUNT; f++) {
            d[f] = w * (MoodConstants.centroid(m, f) - MoodConstants.neutral(f));
            s[f] = MoodConstants.spread(m, f);
        }
        return new Effect(d, s, w >= 0.5 ? 1 << m.definingAxis() : 0, false, nan(), nan());
    }

    static Effect happy(double w) {
        return mood(Mood.HAPPY, w);
    }

    static Effect sad(double w) {
        return mood(Mood.SAD, w);
    }

    static Effect energetic(double w) {
        return mood(Mood.ENERGETIC, w);
    }

    static Effect calm(double w) {
        return mood(Mood.CALM, w);
    }

    /** Only a direct change of one feature. */
    static Effect of(int feature, double change) {
        return NONE.plus(feature, change);
    }

    /** This plus another effect: changes add; spreads average weighted by the size of each change. */
    Effect and(Effect o) {
        double[] d = new double[COUNT];
        double[] s = new double[COUNT];
        for (int f = 0; f < COUNT; f++) {
            d[f] = delta[f] + o.delta[f];
            double w = Math.abs(delta[f]) + Math.abs(o.delta[f]);
            s[f] = w == 0 ? 0 : (Math.abs(delta[f]) * spread[f] + Math.abs(o.delta[f]) * o.spread[f]) / w;
        }
        return new Effect(d, s, primary | o.primary, limiting || o.limiting, min, max);
    }

    /**
     * This plus a direct change of one feature, which becomes one of its points when large enough to
     * count in a contradiction ("loud" is about loudness; its small energy nudge is not its point).
     */
    Effect plus(int feature, double change) {
        double[] d = new double[COUNT];
        double[] s = new double[COUNT];
        d[feature] = change;
        s[feature] = DIRECT_SPREAD[feature];
        int point = Math.abs(change) >= MoodFeatures.conflictThreshold(feature) ? 1 << feature : 0;
        return and(new Effect(d, s, point, false, nan(), nan()));
    }

    /** Every change times {@code k} (an intensity modifier). */
    Effect scaled(double k) {
        double[] d = delta.clone();
        for (int f = 0; f < COUNT; f++) {
            d[f] *= k;
        }
        return new Effect(d, spread, primary, limiting, min, max);
    }

    /**
     * The softened opposite, for "no X" ({@code boundAt} 0.25, {@code k} -0.5) and "not too X"
     * ({@code boundAt} 0.5, {@code k} -0.25): a small opposite change and, on each point of X, a
     * bound at {@code boundAt} of X's change from neutral that the range may not cross.
     */
    Effect softOpposite(double k, double boundAt) {
        double[] lo = nan();
        double[] hi = nan();
        for (int f = 0; f < COUNT; f++) {
            if ((primary & (1 << f)) != 0 && delta[f] != 0) {
                double b = MoodFeatures.clamp(f, MoodConstants.neutral(f) + boundAt * delta[f]);
                if (delta[f] < 0) {
                    lo[f] = b;
                } else {
                    hi[f] = b;
                }
            }
        }
        return new Effect(scaled(k).delta, spread, 0, true, lo, hi);
    }

    boolean isPrimary(int f) {
        return (primary & (1 << f)) != 0;
    }

    boolean isEmpty() {
        for (int f = 0; f < COUNT; f++) {
            if (Math.abs(delta[f]) >= MoodFeatures.shown(f) || !Double.isNaN(min[f]) || !Double.isNaN(max[f])) {
                return false;
            }
        }
        return true;
    }

    /** For people: {@code "valence +0.16, energy +0.18, tempo +2 BPM"}, then any bounds. */
    String describe() {
        StringJoiner j = new StringJoiner(", ");
        for (int f = 0; f < COUNT; f++) {
            if (Math.abs(delta[f]) >= MoodFeatures.shown(f)) {
                j.add(MoodFeatures.name(f) + " " + MoodFeatures.formatDelta(f, delta[f]));
            }
        }
        for (int f = 0; f < COUNT; f++) {
            if (!Double.isNaN(min[f])) {
                j.add(MoodFeatures.name(f) + " at least " + MoodFeatures.formatValue(f, min[f]));
            }
            if (!Double.isNaN(max[f])) {
                j.add(MoodFeatures.name(f) + " at most " + MoodFeatures.formatValue(f, max[f]));
            }
        }
        return j.length() == 0 ? "no change" : j.toString();
    }
}
