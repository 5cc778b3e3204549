package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tiled Cholesky inverse against a naive Gauss-Jordan inverse on random SPD matrices. */
class CholeskyInverseTest {

    @Test
    void matchesGaussJordanOnRandomSpdMatrices() {
        long seed = RandomData.seed("CholeskyInverseTest.matchesGaussJordan");
        Random rnd = new Random(seed);
        int[][] shapes = {{1, 4}, {3, 4}, {8, 4}, {9, 4}, {50, 8}, {50, 12}, {61, 16}, {40, 64}, {130, 32}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int b = shape[1];
            double[][] m = randomSpd(rnd, n);
            SymmetricTiles tiles = new SymmetricTiles(n, b);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    tiles.addLower(i, j, m[i][j]);
                }
            }
            for (int threads : new int[] {1, 2, 3}) {
                SymmetricTiles copy = copy(tiles);
                try (Parallel par = new Parallel(threads)) {
                    CholeskyInverse.invert(copy, par);
                }
                double[][] expected = Dense.inverse(m);
                String ctx = "n=" + n + " b=" + b + " threads=" + threads + " seed=" + seed;
                double scale = maxAbs(expected);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertThat(Math.abs(copy.get(i, j) - expected[i][j])).as(ctx + " at " + i + "," + j)
                                .isLessThan(1e-9 * scale);
                    }
                }
            }
        }
    }

    @Test
    void rejectsMatrixThatIsNotPositiveDefinite() {
        SymmetricTiles t = new SymmetricTiles(5, 4);
        for (int i = 0; i < 5; i++) {
            t.addLower(i, i, 1);
        }
        t.addLower(4, 4, -3); // pivot 4 becomes -2
        try (Parallel par = new Parallel(2)) {
            assertThatThrownBy(() -> CholeskyInverse.invert(t, par))
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("pivot 4");
        }
    }

    static double[][] randomSpd(Random rnd, int n) {
        // Xᵀ X + λ I over a sparse 0/1 X: the shape EASE inverts
        int rows = 2 * n + 3;
        double[][] x = new double[rows][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextDouble() < 0.2 ? 1 : 0;
            }
        }
        double[][] g = Dense.multiply(Dense.transpose(x), x);
        double lambda = 0.5 + rnd.nextDouble() * 5;
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        return g;
    }

    private static SymmetricTiles copy(SymmetricTiles t) {
        SymmetricTiles c = new SymmetricTiles(t.n, t.b);
        for (int k = 0; k < t.tiles.length; k++) {
            System.arraycopy(t.tiles[k], 0, c.tiles[k], 0, t.tiles[k].length);
        }
        return c;
    }

    private static double maxAbs(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s = Math.max(s, Math.abs(v));
            }
        }
        return s;
    }
}
