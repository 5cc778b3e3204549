package dev.mixtape.algo.content;

import java.util.Arrays;

/**
 * Exact k-nearest selection over a whole-catalog distance array, in two cheap passes instead of a
 * heap offer per track: an even sample of the distances gives a threshold that about {@code 2k}
 * entries fall under, one branch-predictable pass collects those, and a {@link TopK} ranks only them. When
 * fewer than {@code k} fall under the threshold it ranks everything, so the answer is always the
 * exact k nearest (ties to the lower index). Stateless; thread-safe.
 */
public final class Nearest {
    private static final int SAMPLE = 2048;

    private Nearest() {}

    /** The {@code k} indices of smallest {@code dist[0..n)} other than {@code exclude}, nearest first. */
    public static int[] of(float[] dist, int n, int exclude, int k) {
        return of(dist, n, exclude, k, null);
    }

    /**
     * Like {@link #of(float[], int, int, int)} for entries named {@code ids[i]} (ties go to the lower
     * id, and the ids are returned); {@code ids == null} names each entry by its position.
     */
    public static int[] of(float[] dist, int n, int exclude, int k, int[] ids) {
        if (n > 4 * k) {
            int m = Math.min(SAMPLE, Math.max(64, n / 8));
            float[] sample = new float[m];
            for (int i = 0; i < m; i++) {
                sample[i] = dist[(int) ((long) i * n / m)];
            }
            Arrays.sort(sample);
            // about 2k entries are expected under the threshold
            float threshold = sample[Math.min(m - 1, (int) ((long) 2 * k * m / n) + 1)];
            int[] under = new int[4 * k];
            int count = 0;
            for (int t = 0; t < n; t++) {
                if (dist[t] <= threshold) {
                    if (count == under.length) {
                        under = Arrays.copyOf(under, under.length * 2);
                    }
                    under[count++] = t;
                }
            }
            int usable = count - (exclude >= 0 && exclude < n && dist[exclude] <= threshold ? 1 : 0);
            if (usable >= k) {
                TopK top = new TopK(k);
                for (int i = 0; i < count; i++) {
                    int t = under[i];
                    if (t != exclude) {
                        top.offer(ids == null ? t : ids[t], -dist[t]);
                    }
                }
                return top.sortedIds();
            }
        }
        TopK top = new TopK(Math.max(1, Math.min(k, n)));
        for (int t = 0; t < n; t++) {
            if (t != exclude) {
                top.offer(ids == null ? t : ids[t], -dist[t]);
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }
}
