package dev.mixtape.algo.cf;

/**
 * A dense symmetric n × n matrix of doubles, stored as its lower triangle of b × b tiles: tile
 * (I, J), J ≤ I, is a row-major {@code double[b * b]}. The last tile row and column are padded to a
 * whole tile with the identity (1 on the diagonal, 0 elsewhere), which keeps factorisations of the
 * padded matrix valid and leaves the logical part unchanged. Tiles are separate arrays, so an
 * n = 17,632 matrix (about 1.25 GB) needs no single huge array, and kernels work on cache-sized blocks.
 *
 * <p>Only the lower triangle of a diagonal tile is meaningful on input. Not thread-safe.
 */
final class SymmetricTiles {
    final int n;
    final int b;
    final int nt;
    final double[][] tiles;

    SymmetricTiles(int n, int b) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        if (b <= 0 || b % 4 != 0) {
            throw new IllegalArgumentException("tile size must be a positive multiple of 4, got " + b);
        }
        this.n = n;
        this.b = b;
        this.nt = (n + b - 1) / b;
        this.tiles = new double[nt * (nt + 1) / 2][];
        for (int t = 0; t < tiles.length; t++) {
            tiles[t] = new double[b * b];
        }
        for (int i = n; i < nt * b; i++) {
            tile(i / b, i / b)[(i % b) * b + i % b] = 1;
        }
    }

    /** Heap bytes for a matrix of size n in tiles of b (for memory estimates). */
    static long bytes(long n, int b) {
        long nt = (n + b - 1) / b;
        return nt * (nt + 1) / 2 * (long) b * b * Double.BYTES;
    }

    static int index(int bi, int bj) {
        return bi * (bi + 1) / 2 + bj;
    }

    double[] tile(int bi, int bj) {
        return tiles[index(bi, bj)];
    }

    /** The entry (i, j) of the symmetric matrix, read from the lower triangle. */
    double get(int i, int j) {
        if (i < j) {
            int t = i;
            i = j;
            j = t;
        }
        return tile(i / b, j / b)[(i % b) * b + j % b];
    }

    /** Adds {@code v} at (i, j) of the lower triangle; requires {@code i ≥ j}. */
    void addLower(int i, int j, double v) {
        tile(i / b, j / b)[(i % b) * b + j % b] += v;
    }
}
