package dev.mixtape.algo.content;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;

/**
 * Audio features as points in a weighted 9-dimensional space, for similarity. Each track becomes
 * {@code DIMS} floats in one row-major array (cache-friendly scans): danceability, energy, valence,
 * acousticness, instrumentalness, speechiness and liveness as they are (0–1), tempo mapped from
 * 40–200 BPM and loudness from -40–0 dB onto 0–1 (clipped), each multiplied by its weight. Plain
 * Euclidean distance in this space is the weighted distance between tracks. Artist and genre
 * centroids (means of their tracks' points) live in the same space. The points are kept twice: row-major
 * for one-to-one distances, column-major for {@link #distancesTo whole-catalog scans}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureSpace {
    public static final int DIMS = 9;
    /** Distance at which similarity falls to 1/e. */
    static final float SIGMA = 0.3f;

    private static final Attribute[] DIRECT = {
        Attribute.DANCEABILITY, Attribute.ENERGY, Attribute.VALENCE, Attribute.ACOUSTICNESS,
        Attribute.INSTRUMENTALNESS, Attribute.SPEECHINESS, Attribute.LIVENESS
    };
    private static final float[] WEIGHTS = {1.0f, 1.2f, 1.0f, 1.0f, 0.8f, 0.8f, 0.3f, 0.6f, 0.6f};

    private final Catalog catalog;
    private final float[] points;
    private final float[][] dims;
    private final float[] attributeRows;
    private final float[] artistCentroids;
    private final float[] genreCentroids;

    public FeatureSpace(Catalog catalog) {
        this.catalog = catalog;
        int n = catalog.size();
        points = new float[n * DIMS];
        float[][] cols = new float[DIRECT.length][];
        for (int k = 0; k < DIRECT.length; k++) {
            cols[k] = catalog.column(DIRECT[k]);
        }
        float[] tempo = catalog.column(Attribute.TEMPO);
        float[] loudness = catalog.column(Attribute.LOUDNESS);
        for (int t = 0; t < n; t++) {
            int o = t * DIMS;
            for (int k = 0; k < DIRECT.length; k++) {
                points[o + k] = cols[k][t] * WEIGHTS[k];
            }
            points[o + 7] = clip((tempo[t] - 40f) / 160f) * WEIGHTS[7];
            points[o + 8] = clip((loudness[t] + 40f) / 40f) * WEIGHTS[8];
        }
        dims = new float[DIMS][n];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < DIMS; k++) {
                dims[k][t] = points[t * DIMS + k];
            }
        }
        int w = Attribute.count();
        attributeRows = new float[n * w];
        for (Attribute a : Attribute.values()) {
            float[] col = catalog.column(a);
            for (int t = 0; t < n; t++) {
                attributeRows[t * w + a.ordinal()] = col[t];
            }
        }
        artistCentroids = new float[catalog.artistCount() * DIMS];
        for (int a = 0; a < catalog.artistCount(); a++) {
            centroid(catalog.artistTracks(a), artistCentroids, a * DIMS);
        }
        genreCentroids = new float[catalog.genreCount() * DIMS];
        for (int g = 0; g < catalog.genreCount(); g++) {
            centroid(catalog.genreTracks(g), genreCentroids, g * DIMS);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The row-major point array ({@code DIMS} floats per track). Shared: do not modify. */
    public float[] points() {
        return points;
    }

    /** Every track's {@link Attribute} values, row-major ({@code Attribute.count()} per track). Shared: do not modify. */
    public float[] attributeRows() {
        return attributeRows;
    }

    public float[] artistCentroids() {
        return artistCentroids;
    }

    public float[] genreCentroids() {
        return genreCentroids;
    }

    /**
     * Writes the squared distance from the point at {@code from[fo..]} to every track into
     * {@code out} (length ≥ catalog size). Dimension by dimension over column arrays, so the JIT
     * vectorises the loops: a whole-catalog scan costs about as much as a few thousand row-wise distances.
     */
    public void distancesTo(float[] from, int fo, float[] out) {
        int n = catalog.size();
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int k = 0; k < DIMS; k++) {
            float[] col = dims[k];
            float c = from[fo + k];
            for (int t = 0; t < n; t++) {
                float d = col[t] - c;
                out[t] += d * d;
            }
        }
    }

    /**
     * Like {@link #distancesTo(float[], int, float[])} with a weight per dimension: writes
     * {@code sum_k (dimWeights[k] * (x_k - from_k))^2} for every track into {@code out}. Dimensions
     * weighted 0 are skipped, so a query on a few attributes scans only their columns.
     */
    public void distancesTo(float[] from, int fo, float[] dimWeights, float[] out) {
        int n = catalog.size();
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int k = 0; k < DIMS; k++) {
            float w = dimWeights[k];
            if (w == 0f) {
                continue;
            }
            float w2 = w * w;
            float[] col = dims[k];
            float c = from[fo + k];
            for (int t = 0; t < n; t++) {
                float d = col[t] - c;
                out[t] += w2 * d * d;
            }
        }
    }

    /** The dimension an attribute maps to, or -1 for attributes outside the space (key, mode, popularity, ...). */
    public static int dimension(Attribute a) {
        for (int k = 0; k < DIRECT.length; k++) {
            if (DIRECT[k] == a) {
                return k;
            }
        }
        return a == Attribute.TEMPO ? 7 : a == Attribute.LOUDNESS ? 8 : -1;
    }

    /** The coordinate of an attribute value in this space (mapped and weighted like a track's); NaN outside the space. */
    public static float coordinate(Attribute a, double value) {
        int k = dimension(a);
        if (k < 0) {
            return Float.NaN;
        }
        float v = (float) value;
        if (k == 7) {
            v = clip((v - 40f) / 160f);
        } else if (k == 8) {
            v = clip((v + 40f) / 40f);
        }
        return v * WEIGHTS[k];
    }

    /** Squared distance between the point at {@code a[ao..]} and the one at {@code b[bo..]}. */
    public static float distance2(float[] a, int ao, float[] b, int bo) {
        float s = 0f;
        for (int k = 0; k < DIMS; k++) {
            float d = a[ao + k] - b[bo + k];
            s += d * d;
        }
        return s;
    }

    /** The squared distance (2σ)² beyond which {@link #similarity} is below e^-4 ≈ 0.018. */
    public static float similarityFloor() {
        return 4 * SIGMA * SIGMA;
    }

    /** Similarity in (0, 1] from a squared distance: exp(-d²/σ²). */
    public static float similarity(float distance2) {
        return (float) Math.exp(-distance2 / (SIGMA * SIGMA));
    }

    private void centroid(int[] tracks, float[] out, int o) {
        if (tracks.length == 0) {
            return;
        }
        for (int t : tracks) {
            for (int k = 0; k < DIMS; k++) {
                out[o + k] += points[t * DIMS + k];
            }
        }
        for (int k = 0; k < DIMS; k++) {
            out[o + k] /= tracks.length;
        }
    }

    private static float clip(float v) {
        return v < 0f ? 0f : Math.min(v, 1f);
    }
}
