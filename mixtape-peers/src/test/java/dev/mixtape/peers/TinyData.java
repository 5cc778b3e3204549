package dev.mixtape.peers;

import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.split.HoldoutConfig;
import dev.mixtape.eval.split.HoldoutSplitter;
import dev.mixtape.eval.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A small seeded dataset with two taste groups, so that collaborative models have something to find. */
final class TinyData {
    /** RankSys logs every ALS iteration at INFO (java.util.logging). */
    private static final java.util.logging.Logger RANKSYS_LOG = java.util.logging.Logger.getLogger("es.uam.eps.ir.ranksys");

    static {
        RANKSYS_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private TinyData() {}

    static InteractionData data(int users, int items, int perUser, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> u = new ArrayList<>();
        List<String> i = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            u.add("u" + k);
        }
        for (int k = 0; k < items; k++) {
            i.add("a" + k);
        }
        List<int[]> rows = new ArrayList<>();
        for (int k = 0; k < users; k++) {
            int base = k % 2 == 0 ? 0 : items / 2; // two groups: the first or the second half of the items, mostly
            java.util.Set<Integer> mine = new java.util.TreeSet<>();
            while (mine.size() < perUser) {
                int item = rnd.nextInt(20) < 19 ? base + rnd.nextInt(items / 2) : rnd.nextInt(items);
                mine.add(item);
            }
            for (int item : mine) {
                rows.add(new int[] {k, item, 1 + rnd.nextInt(50)});
            }
        }
        int[] user = new int[rows.size()];
        int[] item = new int[rows.size()];
        float[] weight = new float[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            user[k] = rows.get(k)[0];
            item[k] = rows.get(k)[1];
            weight[k] = rows.get(k)[2];
        }
        return new InteractionData("tiny", IdIndex.of(u), IdIndex.of(i), user, item, weight, null, null);
    }

    static Split split() {
        return new HoldoutSplitter(HoldoutConfig.of(7)).split(data(40, 60, 12, 3));
    }
}
