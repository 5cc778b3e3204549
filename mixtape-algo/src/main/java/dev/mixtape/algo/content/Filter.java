package dev.mixtape.algo.content;

import dev.mixtape.core.Attribute;

/**
 * The {@code min_}/{@code max_} hard filters and {@code target_} closeness of one {@link SeedQuery},
 * compiled to the active attributes' offsets in {@link FeatureSpace#attributeRows() row-major attribute
 * values} (one or two cache lines per track, however many attributes are filtered or targeted).
 * Bounds are compared in {@code float}, the precision of the catalog's columns, so a bound equal to
 * a stored value admits it. Not shared between requests.
 */
final class Filter {
    private static final int W = Attribute.count();
    private final float[] rows;
    private final int[] boundAttrs;
    private final float[] lo;
    private final float[] hi;
    private final int[] targetAttrs;
    private final float[] targets;
    /** 1 / scale of each targeted attribute. */
    private final float[] scales;

    /** Scenes a candidate's artist may come from ({@link Scenes#allowsTrack}); null: any. */
    private final Scenes scenes;
    private final int allowedScenes;

    Filter(SeedQuery q, FeatureSpace space) {
        this(q, space, null, 0);
    }

    /** @param scenes null to accept any scene, else candidates must be {@link Scenes#allowsTrack allowed} for {@code allowedScenes} */
    Filter(SeedQuery q, FeatureSpace space, Scenes scenes, int allowedScenes) {
        this.scenes = scenes;
        this.allowedScenes = allowedScenes;
        this.rows = space.attributeRows();
        int nb = 0;
        int nt = 0;
        for (Attribute a : Attribute.values()) {
            int i = a.ordinal();
            if (q.min()[i] != Double.NEGATIVE_INFINITY || q.max()[i] != Double.POSITIVE_INFINITY) {
                nb++;
            }
            if (!Double.isNaN(q.target()[i])) {
                nt++;
            }
        }
        boundAttrs = new int[nb];
        lo = new float[nb];
        hi = new float[nb];
        targetAttrs = new int[nt];
        targets = new float[nt];
        scales = new float[nt];
        nb = 0;
        nt = 0;
        for (Attribute a : Attribute.values()) {
            int i = a.ordinal();
            if (q.min()[i] != Double.NEGATIVE_INFINITY || q.max()[i] != Double.POSITIVE_INFINITY) {
                boundAttrs[nb] = i;
                lo[nb] = (float) q.min()[i];
                hi[nb++] = (float) q.max()[i];
            }
            if (!Double.isNaN(q.target()[i])) {
                targetAttrs[nt] = i;
                targets[nt] = (float) q.target()[i];
                scales[nt++] = (float) (1.0 / a.scale());
            }
        }
    }

    boolean accepts(int t) {
        if (scenes != null && !scenes.allowsTrack(allowedScenes, t)) {
            return false;
        }
        int o = t * W;
        for (int k = 0; k < boundAttrs.length; k++) {
            float v = rows[o + boundAttrs[k]];
            if (v < lo[k] || v > hi[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The part of a candidate's score that does not depend on the seeds: 0.55 × closeness + 0.10 ×
     * popularity with targets, 0.15 × popularity without (see {@link SeedRecommender}).
     */
    float base(int t) {
        float p = rows[t * W + Attribute.POPULARITY.ordinal()] / 100f;
        return targets.length > 0 ? 0.55f * closeness(t) + 0.10f * p : 0.15f * p;
    }

    /** Whether the query sets any {@code target_} attribute. */
    boolean targeted() {
        return targets.length > 0;
    }

    /** Weight of the seed affinity in the score: 0.35 with targets, 0.85 without. */
    float affinityWeight() {
        return targets.length > 0 ? 0.35f : 0.85f;
    }

    /** 1 − mean capped distance to the targets; 1 when there are none. */
    float closeness(int t) {
        if (targets.length == 0) {
            return 1f;
        }
        float sum = 0f;
        int o = t * W;
        for (int k = 0; k < targets.length; k++) {
            sum += Math.min(1f, Math.abs(rows[o + targetAttrs[k]] - targets[k]) * scales[k]);
        }
        return 1f - sum / targets.length;
    }
}
