package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.MoodFeatures.COUNT;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.TEMPO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Combines the effects of a prompt's phrases into a target and a soft range per feature. Per
 * feature, changes in the same direction add with diminishing weight (the largest fully, the next
 * half, then a quarter...), so "happy upbeat cheerful" is not three times as happy. When two phrases
 * pull one of their main features ({@link Effect#primary}) opposite ways by at least
 * {@link MoodFeatures#conflictThreshold} each, that is a contradiction: the target meets in between,
 * the range widens to cover both wishes, and the weaker side (or both, when within 20%) is reported
 * as relaxed. Bounds from "no"/"not too" then narrow the range; a target outside is moved inside.
 * The range is the target ± a spread that moves from the neutral spread (nothing said) to the
 * spread of the phrases that moved it. One per prompt; not thread-safe.
 */
final class TargetBuilder {
    record Part(String phrase, Effect effect) {}

    record Built(double[] target, double[] min, double[] max) {}

    private final List<Part> parts = new ArrayList<>();
    private String pinPhrase;
    private double pinBpm = Double.NaN;

    void add(String phrase, Effect effect) {
        parts.add(new Part(phrase, effect));
    }

    void pinTempo(String phrase, double bpm) {
        pinPhrase = phrase;
        pinBpm = MoodFeatures.clamp(TEMPO, bpm);
    }

    Built build(List<String> relaxed) {
        double[] target = new double[COUNT];
        double[] lo = new double[COUNT];
        double[] hi = new double[COUNT];
        for (int f = 0; f < COUNT; f++) {
            feature(f, target, lo, hi, relaxed);
        }
        return new Built(target, lo, hi);
    }

    private void feature(int f, double[] target, double[] lo, double[] hi, List<String> relaxed) {
        double neutral = MoodConstants.neutral(f);
        double threshold = MoodFeatures.conflictThreshold(f);
        List<Double> up = new ArrayList<>();
        List<Double> down = new ArrayList<>();
        double softened = 0;
        double weight = 0;
        double spreadSum = 0;
        Part strongestUp = null;
        Part strongestDown = null;
        for (Part p : parts) {
            double d = p.effect().delta[f];
            if (d == 0) {
                continue;
            }
            weight += Math.abs(d);
            spreadSum += Math.abs(d) * p.effect().spread[f];
            if (p.effect().limiting) {
                softened += d;
                continue;
            }
            (d > 0 ? up : down).add(Math.abs(d));
            if (p.effect().isPrimary(f)) {
                if (d > 0 && (strongestUp == null || d > strongestUp.effect().delta[f])) {
                    strongestUp = p;
                } else if (d < 0 && (strongestDown == null || d < strongestDown.effect().delta[f])) {
                    strongestDown = p;
                }
            }
        }
        double pos = diminishing(up);
        double neg = -diminishing(down);
        double t = MoodFeatures.clamp(f, neutral + pos + neg + softened);
        double touched = Math.min(1, Math.abs(t - neutral) / (2 * threshold));
        double spread = touched * (weight == 0 ? 0 : spreadSum / weight) + (1 - touched) * MoodConstants.neutralSpread(f);
        double l = t - spread;
        double h = t + spread;
        if (strongestUp != null && strongestDown != null && strongestUp.effect().delta[f] >= threshold
                && strongestDown.effect().delta[f] <= -threshold) {
            l = Math.min(l, neutral + neg);
            h = Math.max(h, neutral + pos);
            l = MoodFeatures.clamp(f, l);
            h = MoodFeatures.clamp(f, h);
            relaxed.add(conflict(f, strongestUp, strongestDown, t, l, h));
        }
        l = MoodFeatures.clamp(f, l);
        h = MoodFeatures.clamp(f, h);
        double[] bounded = bound(f, t, l, h, spread, relaxed);
        t = bounded[0];
        l = bounded[1];
        h = bounded[2];
        if (f == TEMPO && !Double.isNaN(pinBpm)) {
            for (Part p : parts) {
                if (Math.abs(p.effect().delta[f]) >= threshold) {
                    relaxed.add("tempo: '" + pinPhrase + "' is exact, so it overrides '" + p.phrase() + "' ("
                            + MoodFeatures.formatDelta(f, p.effect().delta[f]) + ")");
                }
            }
            t = pinBpm;
            l = MoodFeatures.clamp(f, pinBpm - 8);
            h = MoodFeatures.clamp(f, pinBpm + 8);
        }
        target[f] = t;
        lo[f] = Math.min(l, t);
        hi[f] = Math.max(h, t);
    }

    /** {target, low, high} after the bounds of "no X" / "not too X". */
    private double[] bound(int f, double t, double l, double h, double spread, List<String> relaxed) {
        double bmin = Double.NEGATIVE_INFINITY;
        double bmax = Double.POSITIVE_INFINITY;
        Part minBy = null;
        Part maxBy = null;
        for (Part p : parts) {
            if (!Double.isNaN(p.effect().min[f]) && p.effect().min[f] > bmin) {
                bmin = p.effect().min[f];
                minBy = p;
            }
            if (!Double.isNaN(p.effect().max[f]) && p.effect().max[f] < bmax) {
                bmax = p.effect().max[f];
                maxBy = p;
            }
        }
        if (minBy == null && maxBy == null) {
            return new double[] {t, l, h};
        }
        if (bmin > bmax) {
            relaxed.add(MoodFeatures.name(f) + ": '" + minBy.phrase() + "' and '" + maxBy.phrase()
                    + "' leave no room between them; relaxed both bounds");
            return new double[] {t, l, h};
        }
        double nl = Math.max(l, bmin);
        double nh = Math.min(h, bmax);
        if (nl > nh) {
            nl = minBy != null && l < bmin ? bmin : Math.max(bmin, nh - spread);
            nh = maxBy != null && h > bmax ? bmax : Math.min(bmax, nl + spread);
        }
        double nt = Math.max(nl, Math.min(nh, t));
        if (Math.abs(nt - t) >= MoodFeatures.shown(f) && pushedAgainst(f, nt - t)) {
            Part by = nt > t ? minBy : maxBy;
            relaxed.add(MoodFeatures.name(f) + ": '" + by.phrase() + "' (" + (nt > t ? "at least " : "at most ")
                    + MoodFeatures.formatValue(f, nt) + ") overrides the rest of the prompt, which asks for "
                    + MoodFeatures.formatValue(f, t) + "; target moved to " + MoodFeatures.formatValue(f, nt));
        }
        return new double[] {nt, nl, nh};
    }

    /** True when a phrase that is not a softening moves feature f against {@code move}. */
    private boolean pushedAgainst(int f, double move) {
        for (Part p : parts) {
            if (!p.effect().limiting && p.effect().isPrimary(f) && p.effect().delta[f] * move < 0) {
                return true;
            }
        }
        return false;
    }

    private static double diminishing(List<Double> sizes) {
        sizes.sort(Comparator.reverseOrder());
        double sum = 0;
        double w = 1;
        for (double s : sizes) {
            sum += w * s;
            w /= 2;
        }
        return sum;
    }

    private static String conflict(int f, Part up, Part down, double t, double l, double h) {
        double u = up.effect().delta[f];
        double d = -down.effect().delta[f];
        String which = Math.min(u, d) >= 0.8 * Math.max(u, d) ? "both"
                : "'" + (u < d ? up.phrase() : down.phrase()) + "' (the weaker)";
        return MoodFeatures.name(f) + ": '" + down.phrase() + "' asks for lower ("
                + MoodFeatures.formatDelta(f, -d) + "), '" + up.phrase() + "' for higher ("
                + MoodFeatures.formatDelta(f, u) + "); relaxed " + which + ": the target meets in between at "
                + MoodFeatures.formatValue(f, t) + " and the range widens to " + MoodFeatures.formatValue(f, l)
                + "–" + MoodFeatures.formatValue(f, h);
    }
}
