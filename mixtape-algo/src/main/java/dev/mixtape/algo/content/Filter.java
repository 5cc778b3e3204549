package dev.mixtape.algo.content;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;

/**
 * The {@code min_}/{@code max_} hard filters and {@code target_} closeness of one {@link SeedQuery},
 * compiled to the active attributes' columns. Bounds are compared in {@code float}, the precision of
 * the catalog's columns, so a bound equal to a stored value admits it. Not shared between requests.
 */
final class Filter {
    private final float[][] boundCols;
    private final float[] lo;
    private final float[] hi;
    private final float[][] targetCols;
    private final float[] targets;
    /** 1 / scale of each targeted attribute. */
    private final float[] scales;

    Filter(SeedQuery q, Catalog catalog) {
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
        boundCols = new float[nb][];
        lo = new float[nb];
        hi = new float[nb];
        targetCols = new float[nt][];
        targets = new float[nt];
        scales = new float[nt];
        nb = 0;
        nt = 0;
        for (Attribute a : Attribute.values()) {
            int i = a.ordinal();
            if (q.min()[i] != Double.NEGATIVE_INFINITY || q.max()[i] != Double.POSITIVE_INFINITY) {
                boundCols[nb] = catalog.column(a);
                lo[nb] = (float) q.min()[i];
                hi[nb++] = (float) q.max()[i];
            }
            if (!Double.isNaN(q.target()[i])) {
                targetCols[nt] = catalog.column(a);
                targets[nt] = (float) q.target()[i];
                scales[nt++] = (float) (1.0 / a.scale());
            }
        }
    }

    boolean accepts(int t) {
        for (int k = 0; k < boundCols.length; k++) {
            float v = boundCols[k][t];
            if (v < lo[k] || v > hi[k]) {
                return false;
            }
        }
        return true;
    }

    /** 1 − mean capped distance to the targets; 1 when there are none. */
    float closeness(int t) {
        if (targets.length == 0) {
            return 1f;
        }
        float sum = 0f;
        for (int k = 0; k < targets.length; k++) {
            sum += Math.min(1f, Math.abs(targetCols[k][t] - targets[k]) * scales[k]);
        }
        return 1f - sum / targets.length;
    }
}
