package dev.mixtape.algo.cf;

/**
 * Inverts a symmetric positive-definite matrix in place, by tiles: a right-looking blocked
 * Cholesky factorisation {@code A = L Lᵀ}, then {@code Y = L⁻¹} and {@code A⁻¹ = Yᵀ Y} (LAPACK's
 * potrf, trtri and lauum, tile by tile). About n³/2 multiply-adds in all, nearly all of them in one
 * b × b multiply-add kernel whose inner loop runs over contiguous rows (so the JIT vectorises it);
 * each step's independent tiles are spread over the {@link Parallel} workers, so results do not
 * depend on the thread count. Extra memory: two columns of tiles.
 *
 * <p>Stateless and thread-safe; the matrix passed in is not.
 */
final class CholeskyInverse {
    private CholeskyInverse() {}

    /**
     * Replaces {@code a} (lower triangle of a symmetric positive-definite matrix) by its inverse.
     *
     * @throws ArithmeticException when {@code a} is not (numerically) positive definite, naming the pivot
     */
    static void invert(SymmetricTiles a, Parallel par) {
        factor(a, par);
        invertFactor(a, par);
        multiplyTransposed(a, par);
    }

    /** In place: the lower triangle becomes L with A = L Lᵀ; the upper parts of diagonal tiles become 0. */
    static void factor(SymmetricTiles a, Parallel par) {
        int b = a.b;
        int nt = a.nt;
        double[][] panelT = new double[nt][];
        for (int k = 0; k < nt; k++) {
            double[] akk = a.tile(k, k);
            potrf(akk, b, k * b);
            int kk = k;
            par.forRange(nt - k - 1, 1, (w, from, to) -> {
                for (int t = from; t < to; t++) {
                    int bi = kk + 1 + t;
                    double[] aik = a.tile(bi, kk);
                    trsm(aik, akk, b);
                    double[] tr = panelT[bi] == null ? new double[b * b] : panelT[bi];
                    transpose(aik, tr, b);
                    panelT[bi] = tr;
                }
            });
            int m = nt - k - 1;
            par.forRange(m * (m + 1) / 2, 1, (w, from, to) -> {
                for (int t = from; t < to; t++) {
                    int ti = (int) ((Math.sqrt(8.0 * t + 1) - 1) / 2);
                    while (ti * (ti + 1) / 2 > t) {
                        ti--;
                    }
                    while ((ti + 1) * (ti + 2) / 2 <= t) {
                        ti++;
                    }
                    int tj = t - ti * (ti + 1) / 2;
                    int bi = kk + 1 + ti;
                    int bj = kk + 1 + tj;
                    mulAdd(a.tile(bi, bj), a.tile(bi, kk), b, 1, panelT[bj], -1, b);
                }
            });
        }
    }

    /** In place: the lower-triangular factor L becomes Y = L⁻¹. */
    static void invertFactor(SymmetricTiles a, Parallel par) {
        int b = a.b;
        int nt = a.nt;
        par.forRange(nt, 1, (w, from, to) -> {
            double[] scratch = new double[b * b];
            for (int k = from; k < to; k++) {
                invertLowerTile(a.tile(k, k), scratch, b);
            }
        });
        double[][] spare = new double[nt][];
        double[][] sums = new double[par.threads()][];
        for (int j = nt - 2; j >= 0; j--) {
            int bj = j;
            par.forRange(nt - j - 1, 1, (w, from, to) -> {
                if (sums[w] == null) {
                    sums[w] = new double[b * b];
                }
                double[] x = sums[w];
                for (int t = from; t < to; t++) {
                    int bi = bj + 1 + t;
                    java.util.Arrays.fill(x, 0);
                    // Y_IJ = -(Σ_{K=J+1..I} Y_IK L_KJ) Y_JJ
                    for (int bk = bj + 1; bk <= bi; bk++) {
                        mulAdd(x, a.tile(bi, bk), b, 1, a.tile(bk, bj), 1, b);
                    }
                    double[] out = spare[bi] == null ? new double[b * b] : spare[bi];
                    java.util.Arrays.fill(out, 0);
                    mulAdd(out, x, b, 1, a.tile(bj, bj), -1, b);
                    spare[bi] = out;
                }
            });
            for (int bi = j + 1; bi < nt; bi++) {
                int idx = SymmetricTiles.index(bi, j);
                double[] old = a.tiles[idx];
                a.tiles[idx] = spare[bi];
                spare[bi] = old;
            }
        }
    }

    /** In place: the lower-triangular Y becomes the lower triangle of Yᵀ Y (diagonal tiles in full). */
    static void multiplyTransposed(SymmetricTiles a, Parallel par) {
        int b = a.b;
        int nt = a.nt;
        double[][] spare = new double[nt][];
        for (int i = 0; i < nt; i++) {
            int bi = i;
            // P_IJ = Σ_{K ≥ I} Y_KIᵀ Y_KJ: reads rows ≥ I only, so row I can be replaced once done
            par.forRange(i + 1, 1, (w, from, to) -> {
                for (int bj = from; bj < to; bj++) {
                    double[] out = spare[bj] == null ? new double[b * b] : spare[bj];
                    java.util.Arrays.fill(out, 0);
                    for (int bk = bi; bk < nt; bk++) {
                        mulAdd(out, a.tile(bk, bi), 1, b, a.tile(bk, bj), 1, b);
                    }
                    spare[bj] = out;
                }
            });
            for (int bj = 0; bj <= i; bj++) {
                int idx = SymmetricTiles.index(i, bj);
                double[] old = a.tiles[idx];
                a.tiles[idx] = spare[bj];
                spare[bj] = old;
            }
        }
    }

    /**
     * {@code C += sign · A · B} on b × b tiles, where {@code A(i, k) = a[i·rs + k·cs]} (rs = b, cs = 1
     * for A itself; rs = 1, cs = b for its transpose) and B is row-major. The hot kernel: two rows of C
     * against four rows of B per pass, over a contiguous inner loop the JIT vectorises (about 5 G
     * multiply-adds per second per core here, against about 3.5 for one row of C at a time).
     */
    static void mulAdd(double[] c, double[] a, int rs, int cs, double[] bm, double sign, int b) {
        for (int i = 0; i < b; i += 2) {
            int ci = i * b;
            int cj = ci + b;
            int ai = i * rs;
            int aj = ai + rs;
            for (int k = 0; k < b; k += 4) {
                int k0 = k * cs;
                int k1 = k0 + cs;
                int k2 = k1 + cs;
                int k3 = k2 + cs;
                double a0 = sign * a[ai + k0];
                double a1 = sign * a[ai + k1];
                double a2 = sign * a[ai + k2];
                double a3 = sign * a[ai + k3];
                double e0 = sign * a[aj + k0];
                double e1 = sign * a[aj + k1];
                double e2 = sign * a[aj + k2];
                double e3 = sign * a[aj + k3];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0 && e0 == 0 && e1 == 0 && e2 == 0 && e3 == 0) {
                    continue; // triangular tiles: a quarter of the work is zeros
                }
                int b0 = k * b;
                int b1 = b0 + b;
                int b2 = b1 + b;
                int b3 = b2 + b;
                for (int j = 0; j < b; j++) {
                    double x0 = bm[b0 + j];
                    double x1 = bm[b1 + j];
                    double x2 = bm[b2 + j];
                    double x3 = bm[b3 + j];
                    c[ci + j] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
                    c[cj + j] += e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
                }
            }
        }
    }

    /** Unblocked Cholesky of one diagonal tile (lower triangle in, L out, upper part zeroed). */
    static void potrf(double[] a, int b, int base) {
        for (int j = 0; j < b; j++) {
            int rj = j * b;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite: pivot " + (base + j) + " is " + d);
            }
            double l = Math.sqrt(d);
            a[rj + j] = l;
            for (int i = j + 1; i < b; i++) {
                int ri = i * b;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s / l;
            }
        }
        for (int i = 0; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                a[i * b + j] = 0;
            }
        }
    }

    /** Solves {@code X Lᵀ = A} in place (A becomes X) for a lower-triangular tile L. */
    static void trsm(double[] a, double[] l, int b) {
        for (int i = 0; i < b; i++) {
            int ri = i * b;
            for (int j = 0; j < b; j++) {
                int rj = j * b;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * l[rj + k];
                }
                a[ri + j] = s / l[rj + j];
            }
        }
    }

    /** Replaces a lower-triangular tile by its inverse (upper part stays 0). */
    static void invertLowerTile(double[] l, double[] scratch, int b) {
        java.util.Arrays.fill(scratch, 0);
        for (int j = 0; j < b; j++) {
            scratch[j * b + j] = 1 / l[j * b + j];
            for (int i = j + 1; i < b; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s += l[i * b + k] * scratch[k * b + j];
                }
                scratch[i * b + j] = -s / l[i * b + i];
            }
        }
        System.arraycopy(scratch, 0, l, 0, b * b);
    }

    static void transpose(double[] src, double[] dst, int b) {
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                dst[j * b + i] = src[i * b + j];
            }
        }
    }
}
