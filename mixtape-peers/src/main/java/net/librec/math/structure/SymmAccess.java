package net.librec.math.structure;

import com.google.common.collect.Table;

/**
 * Reads the cells LibRec's {@link SymmMatrix} stores (its table is package-private, hence this
 * class in LibRec's package). {@code SymmMatrix.row(i)} probes every column twice, which over all
 * items of Last.fm 2k means about 600 million hash look-ups; the stored cells are about a thousand
 * times fewer.
 */
public final class SymmAccess {
    private SymmAccess() {}

    /** The stored cells: each unordered pair once, as (larger index, smaller index) → value. */
    public static Table<Integer, Integer, Double> cells(SymmMatrix m) {
        return m.data;
    }
}
