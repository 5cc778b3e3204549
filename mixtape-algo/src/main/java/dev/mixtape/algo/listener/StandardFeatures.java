package dev.mixtape.algo.listener;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;

/**
 * Audio features standardised over the catalog (z-scores), for cosine similarity between tracks and
 * listener profiles: danceability, energy, valence, acousticness, instrumentalness, speechiness,
 * liveness, tempo and loudness, each centred on its catalog mean and divided by its standard deviation,
 * so that no feature dominates by its unit. Row-major, {@link #DIMS} floats per track, with each row's
 * norm kept. Immutable and thread-safe.
 */
public final class StandardFeatures {
    public static final Attribute[] ATTRIBUTES = {
        Attribute.DANCEABILITY, Attribute.ENERGY, Attribute.VALENCE, Attribute.ACOUSTICNESS, Attribute.INSTRUMENTALNESS,
        Attribute.SPEECHINESS, Attribute.LIVENESS, Attribute.TEMPO, Attribute.LOUDNESS
    };
    public static final int DIMS = ATTRIBUTES.length;

    private final int size;
    private final float[] z;
    private final float[] norms;

    public StandardFeatures(Catalog catalog) {
        size = catalog.size();
        z = new float[size * DIMS];
        norms = new float[size];
        for (int k = 0; k < DIMS; k++) {
            float[] col = catalog.column(ATTRIBUTES[k]);
            double sum = 0, sq = 0;
            for (float v : col) {
                sum += v;
                sq += (double) v * v;
            }
            double mean = size == 0 ? 0 : sum / size;
            double sd = size == 0 ? 1 : Math.sqrt(Math.max(1e-12, sq / size - mean * mean));
            for (int t = 0; t < size; t++) {
                z[t * DIMS + k] = (float) ((col[t] - mean) / sd);
            }
        }
        for (int t = 0; t < size; t++) {
            double s = 0;
            for (int k = 0; k < DIMS; k++) {
                float v = z[t * DIMS + k];
                s += v * v;
            }
            norms[t] = (float) Math.sqrt(s);
        }
    }

    public int size() {
        return size;
    }

    /** Adds {@code w} times track {@code t}'s standardised row to {@code acc}. */
    public void accumulate(int t, double w, double[] acc) {
        int o = t * DIMS;
        for (int k = 0; k < DIMS; k++) {
            acc[k] += w * z[o + k];
        }
    }

    /** Cosine between track {@code t} and the vector {@code v} (of norm {@code vNorm} > 0); 0 for a zero row. */
    public double cosine(int t, double[] v, double vNorm) {
        float n = norms[t];
        if (n == 0f || vNorm == 0) {
            return 0;
        }
        int o = t * DIMS;
        double dot = 0;
        for (int k = 0; k < DIMS; k++) {
            dot += z[o + k] * v[k];
        }
        return dot / (n * vNorm);
    }

    /** The cosine of every track with {@code v} (of norm {@code vNorm} > 0) into {@code out}; 0 for zero rows. */
    public void cosines(double[] v, double vNorm, float[] out) {
        float[] w = new float[DIMS];
        for (int k = 0; k < DIMS; k++) {
            w[k] = (float) (v[k] / vNorm);
        }
        for (int t = 0; t < size; t++) {
            int o = t * DIMS;
            float dot = 0;
            for (int k = 0; k < DIMS; k++) {
                dot += z[o + k] * w[k];
            }
            float n = norms[t];
            out[t] = n == 0f ? 0f : dot / n;
        }
    }

    /** Cosine between two tracks. */
    public double cosine(int a, int b) {
        float na = norms[a], nb = norms[b];
        if (na == 0f || nb == 0f) {
            return 0;
        }
        int oa = a * DIMS, ob = b * DIMS;
        double dot = 0;
        for (int k = 0; k < DIMS; k++) {
            dot += z[oa + k] * z[ob + k];
        }
        return dot / (na * nb);
    }

    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
