package dev.mixtape.eval.split;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.InteractionData;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Builds small datasets for split tests and reads splits back as external-id pairs. */
final class SplitTestData {
    private SplitTestData() {}

    /** Rows "user item weight [time]". */
    static InteractionData of(String name, List<String> rows) {
        IdIndex.Builder users = new IdIndex.Builder();
        IdIndex.Builder items = new IdIndex.Builder();
        int n = rows.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = new float[n];
        long[] t = new long[n];
        boolean timed = false;
        for (int k = 0; k < n; k++) {
            String[] f = rows.get(k).split(" ");
            u[k] = users.add(f[0]);
            i[k] = items.add(f[1]);
            w[k] = Float.parseFloat(f[2]);
            if (f.length > 3) {
                t[k] = Long.parseLong(f[3]);
                timed = true;
            }
        }
        return new InteractionData(name, users.build(), items.build(), u, i, w, timed ? t : null, null);
    }

    /** {@code users} users with 1..maxItems random items of {@code items}, random positive weights. */
    static InteractionData random(long seed, int users, int items, int maxItems) {
        Random r = new Random(seed);
        List<String> rows = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            int n = 1 + r.nextInt(maxItems);
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < Math.min(n, items)) {
                chosen.add(r.nextInt(items));
            }
            for (int i : chosen) {
                rows.add("u" + u + " i" + i + " " + (1 + r.nextInt(50)) + " " + r.nextInt(1000));
            }
        }
        return of("random", rows);
    }

    /** The stored pairs of {@code m} as "user item" strings of external ids. */
    static Set<String> pairs(InteractionMatrix m, IdIndex users, IdIndex items) {
        Set<String> out = new HashSet<>();
        int[] ptr = m.userPtr();
        for (int u = 0; u < m.users(); u++) {
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                out.add(users.id(u) + " " + items.id(m.userItems()[k]));
            }
        }
        return out;
    }
}
