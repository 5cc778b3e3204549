package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.mood.Arc;

/**
 * Phase 6, ordering: puts a playlist's tracks in an order that follows the requested energy {@link Arc}
 * with smooth tempo and key transitions.
 *
 * <p>Each position gets a level in [0, 1] from the arc ({@link #level}): rising for BUILD_UP, falling
 * for WIND_DOWN, rising to a peak at {@value #PEAK_AT} of the way and falling after it for PEAK, flat for
 * STEADY. The <em>arc order</em> gives the tracks, sorted by energy, to the positions sorted by level: the
 * energy curve follows the arc exactly, and each position's energy there is its desired energy. The
 * final order minimises
 * <pre>  Σ positions  w × |energy − desired energy| / {@value #ENERGY_SCALE}  +  Σ consecutive pairs  (1 − {@link Transitions#smoothness})</pre>
 * with w = 1 (0 for STEADY, whose order is about transitions only), by local search from the arc order
 * (for STEADY, from a nearest-neighbour chain of smooth transitions starting at the median energy):
 * swaps of two tracks at most {@value #WINDOW} positions apart, taken when they lower the cost, in passes
 * until none helps (at most {@value #MAX_PASSES}). Deterministic; thread-safe.
 */
public final class ArcOrderer {
    static final float PEAK_AT = 0.6f;
    static final float ENERGY_SCALE = 0.3f;
    static final int WINDOW = 12;
    static final int MAX_PASSES = 8;
    private static final int W = Attribute.count();
    private static final int ENERGY = Attribute.ENERGY.ordinal();

    private final float[] rows;

    public ArcOrderer(FeatureSpace space) {
        this.rows = space.attributeRows();
    }

    /** The arc's level at position {@code i} of {@code n}, in [0, 1]. */
    public static float level(Arc arc, int i, int n) {
        float x = n <= 1 ? 0f : (float) i / (n - 1);
        return switch (arc) {
            case STEADY -> 0.5f;
            case BUILD_UP -> x;
            case WIND_DOWN -> 1f - x;
            case PEAK -> x <= PEAK_AT ? x / PEAK_AT : (1f - x) / (1f - PEAK_AT);
        };
    }

    /** The first {@code n} tracks in arc order: lowest energies at the lowest levels (see the class comment). */
    public int[] arcOrder(int[] tracks, int n, Arc arc) {
        int[] byEnergy = sortedBy(n, i -> energy(tracks[i]));
        int[] positions = sortedBy(n, i -> level(arc, i, n));
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            out[positions[r]] = tracks[byEnergy[r]];
        }
        return out;
    }

    /** The first {@code n} tracks ordered for the arc with smooth transitions. */
    public int[] order(int[] tracks, int n, Arc arc) {
        if (n < 3) {
            return arcOrder(tracks, n, arc);
        }
        int[] start = arcOrder(tracks, n, arc);
        float[] desired = new float[n];
        for (int i = 0; i < n; i++) {
            desired[i] = energy(start[i]);
        }
        float arcWeight = arc == Arc.STEADY ? 0f : 1f;
        if (arc == Arc.STEADY) {
            start = smoothChain(start, n, desired[n / 2]);
        }
        float[][] edge = new float[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                edge[a][b] = a == b ? 0f : 1f - Transitions.smoothness(rows, start[a], start[b]);
            }
        }
        float[] e = new float[n];
        for (int a = 0; a < n; a++) {
            e[a] = energy(start[a]);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = false;
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < Math.min(n, i + WINDOW + 1); j++) {
                    float before = local(perm, i, j, e, desired, edge, arcWeight);
                    swap(perm, i, j);
                    float after = local(perm, i, j, e, desired, edge, arcWeight);
                    if (after < before - 1e-6f) {
                        improved = true;
                    } else {
                        swap(perm, i, j);
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = start[perm[i]];
        }
        return out;
    }

    /** The cost (see the class comment) of a whole order, for tests and diagnostics. */
    public double cost(int[] ordered, int n, Arc arc) {
        int[] desiredOrder = arcOrder(ordered, n, arc);
        float w = arc == Arc.STEADY ? 0f : 1f;
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += w * Math.abs(energy(ordered[i]) - energy(desiredOrder[i])) / ENERGY_SCALE;
            if (i + 1 < n) {
                c += 1 - Transitions.smoothness(rows, ordered[i], ordered[i + 1]);
            }
        }
        return c;
    }

    /** Cost terms touched by swapping positions i &lt; j: their arc terms and the edges around them. */
    private static float local(int[] perm, int i, int j, float[] e, float[] desired, float[][] edge, float w) {
        float c = w * (Math.abs(e[perm[i]] - desired[i]) + Math.abs(e[perm[j]] - desired[j])) / ENERGY_SCALE;
        int last = perm.length - 1;
        if (i > 0) {
            c += edge[perm[i - 1]][perm[i]];
        }
        c += edge[perm[i]][perm[i + 1]];
        if (j > i + 1) {
            c += edge[perm[j - 1]][perm[j]];
        }
        if (j < last) {
            c += edge[perm[j]][perm[j + 1]];
        }
        return c;
    }

    /** Greedy chain: start at the track nearest {@code median} energy, always go on to the smoothest next. */
    private int[] smoothChain(int[] tracks, int n, float median) {
        boolean[] used = new boolean[n];
        int[] out = new int[n];
        int cur = 0;
        for (int a = 1; a < n; a++) {
            if (Math.abs(energy(tracks[a]) - median) < Math.abs(energy(tracks[cur]) - median)) {
                cur = a;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = tracks[cur];
            used[cur] = true;
            int next = -1;
            float best = -1f;
            for (int b = 0; b < n; b++) {
                if (!used[b]) {
                    float s = Transitions.smoothness(rows, tracks[cur], tracks[b]);
                    if (s > best) {
                        best = s;
                        next = b;
                    }
                }
            }
            cur = next;
        }
        return out;
    }

    private float energy(int track) {
        return rows[track * W + ENERGY];
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Indices 0..n-1 sorted by key ascending, ties to the lower index; primitive sort of (key, index) pairs. */
    private static int[] sortedBy(int n, IntToFloat key) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int b = Float.floatToIntBits(key.at(i));
            b ^= (b >> 31) & 0x7fffffff; // order-preserving as a signed int
            packed[i] = ((long) b << 32) | i;
        }
        java.util.Arrays.sort(packed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) packed[i];
        }
        return out;
    }

    @FunctionalInterface
    private interface IntToFloat {
        float at(int i);
    }
}
