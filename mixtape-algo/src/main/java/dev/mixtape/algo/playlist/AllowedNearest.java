package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.Nearest;
import java.util.Arrays;

/** Exact k-nearest tracks over a whole-catalog distance array, skipping tracks a target excludes. Stateless. */
final class AllowedNearest {
    private AllowedNearest() {}

    /**
     * The {@code k} tracks of smallest {@code dist[t]} that {@code p} allows, other than {@code exclude},
     * nearest first (ties to the lower index). Reads twice as many neighbours as wanted, four times more
     * while exclusions leave too few.
     */
    static int[] of(float[] dist, int n, int exclude, int k, TargetProfile p) {
        int want = Math.min(2 * k, n);
        while (true) {
            int[] near = Nearest.of(dist, n, exclude, Math.max(1, want));
            int[] out = new int[Math.min(k, near.length)];
            int taken = 0;
            for (int j = 0; j < near.length && taken < out.length; j++) {
                if (!p.excluded(near[j])) {
                    out[taken++] = near[j];
                }
            }
            if (taken == k || want >= n) {
                return taken == out.length ? out : Arrays.copyOf(out, taken);
            }
            want = (int) Math.min(n, 4L * want);
        }
    }
}
