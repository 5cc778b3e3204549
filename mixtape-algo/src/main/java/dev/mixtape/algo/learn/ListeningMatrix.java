package dev.mixtape.algo.learn;

import dev.mixtape.algo.cf.InteractionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The listener × artist training matrix: imported listeners (Last.fm, value 1 per artist) and mixtape's own
 * listeners ({@link ListenerArtists}), rows in the order added. Items are the catalog artists anyone has, in
 * ascending artist order. Build with {@link Builder}; immutable.
 *
 * @param matrix       rows: listeners; columns: model items
 * @param itemArtist   the catalog artist of each item
 * @param lastEvent    per stored entry (in the matrix's by-user order), the epoch ms of its last event (0: unknown)
 * @param imported     rows from imported listening (the first rows)
 * @param listenerIds  the ids of the own listeners' rows, in order (after the imported ones)
 */
public record ListeningMatrix(InteractionMatrix matrix, int[] itemArtist, long[] lastEvent, int imported, List<String> listenerIds) {

    public int ownListeners() {
        return listenerIds.size();
    }

    /** Collects rows; not thread-safe. */
    public static final class Builder {
        private final int catalogArtists;
        private final List<ListenerArtists> rows = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private int imported;

        public Builder(int catalogArtists) {
            this.catalogArtists = catalogArtists;
        }

        /** An imported listener; must come before every own listener. */
        public Builder addImported(ListenerArtists row) {
            if (!ids.isEmpty()) {
                throw new IllegalStateException("imported listeners must be added before own listeners");
            }
            check(row);
            if (row.size() > 0) {
                rows.add(row);
                imported++;
            }
            return this;
        }

        /** One of our listeners (a listener with no positive artist adds no row). */
        public Builder addListener(String id, ListenerArtists row) {
            check(row);
            if (row.size() > 0) {
                rows.add(row);
                ids.add(id);
            }
            return this;
        }

        private void check(ListenerArtists row) {
            for (int a : row.artists()) {
                if (a < 0 || a >= catalogArtists) {
                    throw new IllegalArgumentException("artist index " + a + " outside the catalog's " + catalogArtists);
                }
            }
        }

        public int rows() {
            return rows.size();
        }

        public ListeningMatrix build() {
            boolean[] used = new boolean[catalogArtists];
            long nnz = 0;
            for (ListenerArtists r : rows) {
                nnz += r.size();
                for (int a : r.artists()) {
                    used[a] = true;
                }
            }
            int[] item = new int[catalogArtists];
            Arrays.fill(item, -1);
            int items = 0;
            for (int a = 0; a < catalogArtists; a++) {
                if (used[a]) {
                    item[a] = items++;
                }
            }
            int[] itemArtist = new int[items];
            for (int a = 0; a < catalogArtists; a++) {
                if (item[a] >= 0) {
                    itemArtist[item[a]] = a;
                }
            }
            int n = Math.toIntExact(nnz);
            int[] ptr = new int[rows.size() + 1];
            int[] cols = new int[n];
            float[] vals = new float[n];
            long[] last = new long[n];
            int k = 0;
            for (int u = 0; u < rows.size(); u++) {
                ListenerArtists r = rows.get(u);
                for (int e = 0; e < r.size(); e++) { // artists ascending, so items ascending
                    cols[k] = item[r.artists()[e]];
                    vals[k] = r.values()[e];
                    last[k++] = r.lastEvent()[e];
                }
                ptr[u + 1] = k;
            }
            InteractionMatrix m = InteractionMatrix.ofCsr(rows.size(), items, ptr, cols, vals);
            return new ListeningMatrix(m, itemArtist, last, imported, List.copyOf(ids));
        }
    }
}
