package dev.mixtape.algo.cf;

/**
 * The naive iALS solver, for tests only: every user and item vector is the exact solution of its
 * dense normal equations {@code (YᵀC_uY + λI) x_u = YᵀC_u p_u}, built from scratch and solved by
 * Cholesky in double precision. Starts from the same initial factors as {@link ImplicitAlsTrainer}.
 */
final class ImplicitAlsReference {
    private ImplicitAlsReference() {}

    static ImplicitAlsModel train(InteractionMatrix m, ImplicitAlsConfig config) {
        float[][] init = ImplicitAlsTrainer.initialFactors(m.users(), m.items(), config);
        float[] x = init[0];
        float[] y = init[1];
        for (int it = 0; it < config.iterations(); it++) {
            for (int u = 0; u < m.users(); u++) {
                solveExact(x, u, y, m.items(), m.userPtr(), m.userItems(), m.userValues(), config);
            }
            for (int i = 0; i < m.items(); i++) {
                solveExact(y, i, x, m.users(), m.itemPtr(), m.itemUsers(), m.itemValues(), config);
            }
        }
        return new ImplicitAlsModel(config, m.users(), m.items(), x, y);
    }

    /** Replaces row {@code row} of {@code target} by its exact least-squares solution. */
    static void solveExact(float[] target, int row, float[] fixed, int fixedRows, int[] ptr, int[] idx, float[] values,
            ImplicitAlsConfig config) {
        double[] sol = exact(row, fixed, fixedRows, ptr, idx, values, config);
        int k = config.factors();
        for (int a = 0; a < k; a++) {
            target[row * k + a] = (float) sol[a];
        }
    }

    static double[] exact(int row, float[] fixed, int fixedRows, int[] ptr, int[] idx, float[] values, ImplicitAlsConfig config) {
        int k = config.factors();
        double[][] a = new double[k][k];
        // YᵀY over every fixed row (confidence 1), then the stored entries' extra confidence
        for (int j = 0; j < fixedRows; j++) {
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    a[p][q] += (double) fixed[j * k + p] * fixed[j * k + q];
                }
            }
        }
        double[] b = new double[k];
        for (int e = ptr[row]; e < ptr[row + 1]; e++) {
            int j = idx[e];
            double c = 1 + config.confidenceMinusOne(values[e]);
            for (int p = 0; p < k; p++) {
                b[p] += c * fixed[j * k + p];
                for (int q = 0; q < k; q++) {
                    a[p][q] += (c - 1) * fixed[j * k + p] * fixed[j * k + q];
                }
            }
        }
        for (int p = 0; p < k; p++) {
            a[p][p] += config.regularization();
        }
        return Dense.choleskySolve(a, b);
    }
}
