package dev.mixtape.peers.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Full ranking from factor vectors with mixtape's rule (dev.mixtape.algo.cf.TopN): every item is
 * scored, the user's training items are left out, ties go to the lower item index, items without
 * a factor (null: never seen in training) are never ranked; and the lists file mixtape's
 * RecommendationLists reads ({@code user \t item \t rank}, external ids, 1-based ranks, header).
 */
public final class TopLists {
    private TopLists() {}

    /** The best {@code n} items for {@code user}; {@code itemFactors[i]} may be null. */
    public static int[] topN(float[] userFactor, float[][] itemFactors, int[] trainItemsSorted, int n) {
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(Double.longBitsToDouble(a[0]), Double.longBitsToDouble(b[0]));
            return c != 0 ? c : Long.compare(b[1], a[1]); // worst first: lower score, then higher index
        });
        for (int i = 0; i < itemFactors.length; i++) {
            float[] q = itemFactors[i];
            if (q == null || Arrays.binarySearch(trainItemsSorted, i) >= 0) {
                continue;
            }
            float s = 0;
            for (int k = 0; k < q.length; k++) {
                s += userFactor[k] * q[k];
            }
            if (Float.isNaN(s)) {
                continue;
            }
            long[] e = {Double.doubleToLongBits(s), i};
            if (heap.size() < n) {
                heap.add(e);
            } else if (heap.comparator().compare(e, heap.peek()) > 0) {
                heap.poll();
                heap.add(e);
            }
        }
        int[] out = new int[heap.size()];
        for (int k = out.length - 1; k >= 0; k--) {
            out[k] = (int) heap.poll()[1];
        }
        return out;
    }

    /** Writes {@code lists[u]} (dense item indices, best first; null = no list) with external ids. */
    public static void write(Path file, int[][] lists, List<String> users, List<String> items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user\titem\trank\n");
            for (int u = 0; u < lists.length; u++) {
                if (lists[u] == null) {
                    continue;
                }
                for (int r = 0; r < lists[u].length; r++) {
                    w.write(users.get(u) + "\t" + items.get(lists[u][r]) + "\t" + (r + 1) + "\n");
                }
            }
        }
    }
}
