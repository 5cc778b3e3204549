package dev.mixtape.eval.metric;

import dev.mixtape.algo.cf.InteractionMatrix;
import java.util.ArrayList;
import java.util.List;

/** Small binary matrices for metric tests: row u lists user u's items. */
final class Matrices {
    private Matrices() {}

    static InteractionMatrix of(int items, int[]... rows) {
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < rows.length; u++) {
            for (int i : rows[u]) {
                pairs.add(new int[] {u, i});
            }
        }
        int[] us = new int[pairs.size()];
        int[] is = new int[pairs.size()];
        float[] vs = new float[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            us[k] = pairs.get(k)[0];
            is[k] = pairs.get(k)[1];
            vs[k] = 1;
        }
        return InteractionMatrix.of(rows.length, items, us, is, vs);
    }
}
