package dev.mixtape.eval.split;

import dev.mixtape.eval.data.InteractionData;
import java.util.Arrays;

/**
 * The binarised view of a dataset that splits start from: rows with weight &gt; 0 are positives,
 * repeated (user, item) pairs merge into one (weights summed, latest time kept); rows with weight
 * ≤ 0 are dropped. Stored by user (CSR), items ascending by index.
 *
 * <p>Immutable; arrays are shared, do not modify them.
 */
final class Positives {
    final int[] ptr;
    final int[] items;
    final float[] weight;
    final long[] time;

    private Positives(int[] ptr, int[] items, float[] weight, long[] time) {
        this.ptr = ptr;
        this.items = items;
        this.weight = weight;
        this.time = time;
    }

    static Positives of(InteractionData d) {
        int users = d.users().size();
        int[] count = new int[users + 1];
        for (int k = 0; k < d.size(); k++) {
            if (d.weight()[k] > 0) {
                count[d.user()[k] + 1]++;
            }
        }
        for (int u = 0; u < users; u++) {
            count[u + 1] += count[u];
        }
        long[] packed = new long[count[users]];
        int[] fill = Arrays.copyOf(count, users);
        for (int k = 0; k < d.size(); k++) {
            if (d.weight()[k] > 0) {
                packed[fill[d.user()[k]]++] = ((long) d.item()[k] << 32) | k;
            }
        }
        int[] ptr = new int[users + 1];
        int[] items = new int[packed.length];
        float[] weight = new float[packed.length];
        long[] time = d.hasTimestamps() ? new long[packed.length] : null;
        int m = 0;
        for (int u = 0; u < users; u++) {
            Arrays.sort(packed, count[u], count[u + 1]);
            int rowStart = m;
            for (int p = count[u]; p < count[u + 1]; p++) {
                int item = (int) (packed[p] >>> 32);
                int row = (int) packed[p];
                if (m > rowStart && items[m - 1] == item) {
                    weight[m - 1] += d.weight()[row];
                    if (time != null) {
                        time[m - 1] = Math.max(time[m - 1], d.time()[row]);
                    }
                    continue;
                }
                items[m] = item;
                weight[m] = d.weight()[row];
                if (time != null) {
                    time[m] = d.time()[row];
                }
                m++;
            }
            ptr[u + 1] = m;
        }
        return new Positives(ptr, Arrays.copyOf(items, m), Arrays.copyOf(weight, m),
                time == null ? null : Arrays.copyOf(time, m));
    }

    int count(int user) {
        return ptr[user + 1] - ptr[user];
    }

    int total() {
        return items.length;
    }
}
