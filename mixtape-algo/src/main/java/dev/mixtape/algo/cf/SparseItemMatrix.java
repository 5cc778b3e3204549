package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A sparse items × items weight matrix in CSR form (row {@code i}: columns
 * {@code columns()[rowStart(i) .. rowEnd(i))}, strictly ascending, with their {@code values()}):
 * the item-item similarities of {@link ItemKnnModel} and the transition weights of
 * {@link Rp3betaModel}.
 *
 * <p>Immutable and thread-safe. Arrays returned are shared: do not modify them.
 */
public final class SparseItemMatrix {
    private final int items;
    private final int[] ptr;
    private final int[] cols;
    private final float[] vals;

    private SparseItemMatrix(int items, int[] ptr, int[] cols, float[] vals) {
        this.items = items;
        this.ptr = ptr;
        this.cols = cols;
        this.vals = vals;
    }

    /**
     * Takes over CSR arrays (not copied).
     *
     * @throws IllegalArgumentException naming the first inconsistency
     */
    public static SparseItemMatrix ofCsr(int items, int[] ptr, int[] cols, float[] vals) {
        if (items < 0) {
            throw new IllegalArgumentException("items must not be negative, got " + items);
        }
        if (ptr.length != items + 1) {
            throw new IllegalArgumentException("ptr has length " + ptr.length + ", expected items + 1 = " + (items + 1));
        }
        if (cols.length != vals.length) {
            throw new IllegalArgumentException("cols and vals differ in length: " + cols.length + ", " + vals.length);
        }
        if (ptr[0] != 0 || ptr[items] != cols.length) {
            throw new IllegalArgumentException("ptr must run from 0 to " + cols.length + ", got " + ptr[0] + " to " + ptr[items]);
        }
        for (int i = 0; i < items; i++) {
            if (ptr[i + 1] < ptr[i]) {
                throw new IllegalArgumentException("ptr decreases at row " + i);
            }
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                if (cols[k] < 0 || cols[k] >= items) {
                    throw new IllegalArgumentException("column " + cols[k] + " of row " + i + " out of range [0, " + items + ")");
                }
                if (k > ptr[i] && cols[k] <= cols[k - 1]) {
                    throw new IllegalArgumentException("columns of row " + i + " are not strictly ascending at " + cols[k]);
                }
                if (!Float.isFinite(vals[k])) {
                    throw new IllegalArgumentException("value " + vals[k] + " at (" + i + ", " + cols[k] + ") is not finite");
                }
            }
        }
        return new SparseItemMatrix(items, ptr, cols, vals);
    }

    /**
     * Assembles a matrix from one (columns, values) pair per row; each row's columns need not be
     * sorted (they are sorted here, values alongside) but must be distinct.
     */
    static SparseItemMatrix ofRows(int items, int[][] rowCols, float[][] rowVals) {
        int[] ptr = new int[items + 1];
        for (int i = 0; i < items; i++) {
            ptr[i + 1] = ptr[i] + (rowCols[i] == null ? 0 : rowCols[i].length);
        }
        int[] cols = new int[ptr[items]];
        float[] vals = new float[ptr[items]];
        for (int i = 0; i < items; i++) {
            if (rowCols[i] == null) {
                continue;
            }
            int n = rowCols[i].length;
            long[] packed = new long[n];
            for (int k = 0; k < n; k++) {
                packed[k] = ((long) rowCols[i][k] << 32) | (k & 0xffffffffL);
            }
            Arrays.sort(packed);
            for (int k = 0; k < n; k++) {
                cols[ptr[i] + k] = (int) (packed[k] >>> 32);
                vals[ptr[i] + k] = rowVals[i][(int) packed[k]];
            }
        }
        return ofCsr(items, ptr, cols, vals);
    }

    public int items() {
        return items;
    }

    /** Number of stored entries. */
    public int nnz() {
        return cols.length;
    }

    public int rowStart(int row) {
        return ptr[row];
    }

    public int rowEnd(int row) {
        return ptr[row + 1];
    }

    public int[] columns() {
        return cols;
    }

    public float[] values() {
        return vals;
    }

    /** The weight at ({@code row}, {@code col}), 0 when not stored. */
    public float get(int row, int col) {
        int k = Arrays.binarySearch(cols, ptr[row], ptr[row + 1], col);
        return k >= 0 ? vals[k] : 0f;
    }

    /** The transpose (row {@code j} lists the rows {@code i} with a weight at ({@code i}, {@code j})). */
    public SparseItemMatrix transpose() {
        int[] tptr = new int[items + 1];
        for (int c : cols) {
            tptr[c + 1]++;
        }
        for (int i = 0; i < items; i++) {
            tptr[i + 1] += tptr[i];
        }
        int[] tcols = new int[cols.length];
        float[] tvals = new float[cols.length];
        int[] fill = Arrays.copyOf(tptr, items);
        for (int i = 0; i < items; i++) {
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                int p = fill[cols[k]]++;
                tcols[p] = i;
                tvals[p] = vals[k];
            }
        }
        return new SparseItemMatrix(items, tptr, tcols, tvals);
    }

    /** {@code out[j] += weight × this[row][j]} for the stored entries of {@code row}. */
    void addRow(int row, float weight, float[] out) {
        for (int k = ptr[row], end = ptr[row + 1]; k < end; k++) {
            out[cols[k]] += weight * vals[k];
        }
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(items);
        ModelIo.writeInts(out, ptr);
        ModelIo.writeInts(out, cols);
        ModelIo.writeFloats(out, vals);
    }

    static SparseItemMatrix readFrom(DataInputStream in) throws IOException {
        int items = ModelIo.readLength(in, "items");
        int[] ptr = ModelIo.readInts(in, "ptr");
        int[] cols = ModelIo.readInts(in, "cols");
        float[] vals = ModelIo.readFloats(in, "vals");
        try {
            return ofCsr(items, ptr, cols, vals);
        } catch (IllegalArgumentException e) {
            throw new IOException("damaged item matrix: " + e.getMessage(), e);
        }
    }
}
