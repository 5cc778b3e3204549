package dev.mixtape.algo.cf;

import java.util.SplittableRandom;

/**
 * Implicit-feedback ALS (Hu, Koren, Volinsky 2008): minimises
 * {@code Σ_{u,i} c_ui (p_ui − x_u·y_i)² + λ (Σ|x_u|² + Σ|y_i|²)} over all user × item pairs, with
 * {@code p_ui = 1} and {@code c_ui} from the config for stored pairs, {@code p = 0} and {@code c = 1}
 * for the rest. Each sweep solves every user vector with the item factors fixed, then every item
 * vector with the user factors fixed. A solve uses the precomputed Gram matrix {@code YᵀY + λI}, so
 * only the row's own entries cost extra ({@code A x = (YᵀY + λI) x + Σ_i (c_i − 1)(y_i·x) y_i}), and
 * runs {@code cgSteps} conjugate-gradient steps from the previous vector (Takács et al. 2011) instead
 * of a k³ Cholesky factorisation.
 *
 * <p>Per sweep: about (users + items)·(cgSteps + 1)·k² + nnz·(cgSteps + 1)·4k multiply-adds, spread
 * over the configured threads with per-thread scratch vectors. Deterministic for a given seed:
 * initial factors come from one {@link SplittableRandom}, each vector's solve reads only fixed data,
 * and Gram matrices are summed over fixed blocks in a fixed order, so the thread count does not
 * change the result. Thread-safe: {@link #train} keeps no state between calls.
 */
public final class ImplicitAlsTrainer implements Trainer<ImplicitAlsModel> {
    private static final int GRAM_BLOCK = 1024;

    private final ImplicitAlsConfig config;

    public ImplicitAlsTrainer(ImplicitAlsConfig config) {
        this.config = config;
    }

    @Override
    public ImplicitAlsModel train(InteractionMatrix train) {
        Checks.nonNegative(train, "iALS");
        int users = train.users();
        int items = train.items();
        int k = config.factors();
        float[][] init = initialFactors(users, items, config);
        float[] x = init[0];
        float[] y = init[1];
        float[] userC1 = confidenceMinusOne(train.userValues(), config);
        float[] itemC1 = confidenceMinusOne(train.itemValues(), config);
        try (Parallel par = new Parallel(config.threads())) {
            float[][] scratch = new float[par.threads()][];
            for (int it = 0; it < config.iterations(); it++) {
                float[] gy = gram(y, items, k, config.regularization(), par);
                sweep(x, users, gy, y, train.userPtr(), train.userItems(), userC1, par, scratch);
                float[] gx = gram(x, users, k, config.regularization(), par);
                sweep(y, items, gx, x, train.itemPtr(), train.itemUsers(), itemC1, par, scratch);
            }
        }
        return new ImplicitAlsModel(config, users, items, x, y);
    }

    private void sweep(float[] target, int rows, float[] gram, float[] fixed, int[] ptr, int[] idx, float[] c1,
            Parallel par, float[][] scratch) {
        int k = config.factors();
        int steps = config.cgSteps();
        par.forRange(rows, 16, (w, from, to) -> {
            if (scratch[w] == null) {
                scratch[w] = new float[3 * k];
            }
            float[] s = scratch[w];
            for (int row = from; row < to; row++) {
                conjugateGradient(target, row * k, gram, fixed, idx, c1, ptr[row], ptr[row + 1], k, steps, s);
            }
        });
    }

    /** Gaussian initial factors {users × k, items × k}, users first, from one generator seeded by the config. */
    static float[][] initialFactors(int users, int items, ImplicitAlsConfig config) {
        SplittableRandom rnd = new SplittableRandom(config.seed());
        int k = config.factors();
        float[] x = new float[Math.multiplyExact(users, k)];
        float[] y = new float[Math.multiplyExact(items, k)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * config.initScale());
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rnd.nextGaussian() * config.initScale());
        }
        return new float[][] {x, y};
    }

    static float[] confidenceMinusOne(float[] values, ImplicitAlsConfig config) {
        float[] c1 = new float[values.length];
        for (int e = 0; e < values.length; e++) {
            c1[e] = (float) config.confidenceMinusOne(values[e]);
        }
        return c1;
    }

    /** {@code FᵀF + λI} (k × k, row-major) of a rows × k factor matrix, summed in fixed blocks of rows. */
    static float[] gram(float[] f, int rows, int k, double lambda, Parallel par) {
        int blocks = (rows + GRAM_BLOCK - 1) / GRAM_BLOCK;
        double[][] partial = new double[blocks][];
        par.forRange(blocks, 1, (w, from, to) -> {
            for (int bl = from; bl < to; bl++) {
                double[] g = new double[k * k];
                int end = Math.min(rows, (bl + 1) * GRAM_BLOCK);
                for (int r = bl * GRAM_BLOCK; r < end; r++) {
                    int o = r * k;
                    for (int a = 0; a < k; a++) {
                        double fa = f[o + a];
                        if (fa == 0) {
                            continue;
                        }
                        int ga = a * k;
                        for (int b = 0; b < k; b++) {
                            g[ga + b] += fa * f[o + b];
                        }
                    }
                }
                partial[bl] = g;
            }
        });
        double[] sum = new double[k * k];
        for (double[] g : partial) {
            for (int t = 0; t < sum.length; t++) {
                sum[t] += g[t];
            }
        }
        float[] out = new float[k * k];
        for (int t = 0; t < out.length; t++) {
            out[t] = (float) sum[t];
        }
        for (int a = 0; a < k; a++) {
            out[a * k + a] += (float) lambda;
        }
        return out;
    }

    /**
     * Improves {@code x[xo .. xo + k)} towards the solution of
     * {@code (G + Σ_e c1_e y_e y_eᵀ) x = Σ_e (1 + c1_e) y_e} over the entries {@code e} in
     * {@code [from, to)} (their rows of {@code y} given by {@code idx}), by {@code steps} conjugate-gradient
     * steps from the current value. {@code scratch} holds 3k floats.
     */
    static void conjugateGradient(float[] x, int xo, float[] gram, float[] y, int[] idx, float[] c1, int from, int to,
            int k, int steps, float[] scratch) {
        // scratch: r = [0, k), p = [k, 2k), ap = [2k, 3k)
        int r = 0;
        int p = k;
        int ap = 2 * k;
        // r = b − A x
        matvec(gram, x, xo, scratch, r, k);
        for (int a = 0; a < k; a++) {
            scratch[r + a] = -scratch[r + a];
        }
        for (int e = from; e < to; e++) {
            int yo = idx[e] * k;
            float c = c1[e];
            float yx = dot(y, yo, x, xo, k);
            axpy((1 + c) - c * yx, y, yo, scratch, r, k);
        }
        System.arraycopy(scratch, r, scratch, p, k);
        float rs = dot(scratch, r, scratch, r, k);
        for (int step = 0; step < steps && rs > 1e-20f; step++) {
            matvec(gram, scratch, p, scratch, ap, k);
            for (int e = from; e < to; e++) {
                int yo = idx[e] * k;
                axpy(c1[e] * dot(y, yo, scratch, p, k), y, yo, scratch, ap, k);
            }
            float pap = dot(scratch, p, scratch, ap, k);
            if (!(pap > 0)) {
                break;
            }
            float alpha = rs / pap;
            axpy(alpha, scratch, p, x, xo, k);
            axpy(-alpha, scratch, ap, scratch, r, k);
            float rsNew = dot(scratch, r, scratch, r, k);
            float beta = rsNew / rs;
            for (int a = 0; a < k; a++) {
                scratch[p + a] = scratch[r + a] + beta * scratch[p + a];
            }
            rs = rsNew;
        }
    }

    /**
     * {@code out[oo ..] = G · v[vo ..]} for symmetric G, as a sum of G's rows, four per pass over
     * {@code out} (a contiguous inner loop the JIT vectorises; about 1.5× one row per pass at k = 64).
     */
    static void matvec(float[] g, float[] v, int vo, float[] out, int oo, int k) {
        for (int a = 0; a < k; a++) {
            out[oo + a] = 0;
        }
        int c = 0;
        for (; c + 3 < k; c += 4) {
            float v0 = v[vo + c];
            float v1 = v[vo + c + 1];
            float v2 = v[vo + c + 2];
            float v3 = v[vo + c + 3];
            int g0 = c * k;
            int g1 = g0 + k;
            int g2 = g1 + k;
            int g3 = g2 + k;
            for (int a = 0; a < k; a++) {
                out[oo + a] += v0 * g[g0 + a] + v1 * g[g1 + a] + v2 * g[g2 + a] + v3 * g[g3 + a];
            }
        }
        for (; c < k; c++) {
            float vc = v[vo + c];
            int gc = c * k;
            for (int a = 0; a < k; a++) {
                out[oo + a] += vc * g[gc + a];
            }
        }
    }

    /** Dot product of two length-k slices, in four independent float partial sums. */
    static float dot(float[] a, int ao, float[] b, int bo, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int t = 0;
        for (; t + 3 < k; t += 4) {
            s0 += a[ao + t] * b[bo + t];
            s1 += a[ao + t + 1] * b[bo + t + 1];
            s2 += a[ao + t + 2] * b[bo + t + 2];
            s3 += a[ao + t + 3] * b[bo + t + 3];
        }
        for (; t < k; t++) {
            s0 += a[ao + t] * b[bo + t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yo ..] += s · x[xo ..]} over k elements. */
    static void axpy(float s, float[] x, int xo, float[] y, int yo, int k) {
        for (int t = 0; t < k; t++) {
            y[yo + t] += s * x[xo + t];
        }
    }
}
