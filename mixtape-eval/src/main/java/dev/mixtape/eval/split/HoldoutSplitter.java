package dev.mixtape.eval.split;

import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.InteractionData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The DESIGN protocol: binarise (weight &gt; 0 ⇒ positive), then for each user with at least
 * {@link HoldoutConfig#minItems()} positives hold out a seeded random {@link HoldoutConfig#testFraction()}
 * of them for test; users with fewer stay entirely in training.
 *
 * <p>Each user's draw depends only on the seed, the user's external id and the external ids of the
 * user's items (sorted, then shuffled by a generator seeded from the seed and the user id), so it
 * does not change with row order, index assignment or other users.
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldoutSplitter implements Splitter {
    public static final String PROTOCOL = "per-user-holdout";

    private final HoldoutConfig config;

    public HoldoutSplitter(HoldoutConfig config) {
        this.config = config;
    }

    public HoldoutConfig config() {
        return config;
    }

    @Override
    public Split split(InteractionData data) {
        Positives pos = Positives.of(data);
        int[] itemRank = ranksByExternalId(data.items());
        SplitAssembler out = new SplitAssembler(data, pos);
        for (int u = 0; u < data.users().size(); u++) {
            int n = pos.count(u);
            int from = pos.ptr[u];
            if (n < config.minItems()) {
                for (int k = from; k < from + n; k++) {
                    out.toTrain(u, k);
                }
                continue;
            }
            int testSize = (int) Math.max(1, Math.min(n - 1, Math.round(n * config.testFraction())));
            long[] order = new long[n];
            for (int j = 0; j < n; j++) {
                order[j] = ((long) itemRank[pos.items[from + j]] << 32) | j;
            }
            Arrays.sort(order);
            SplittableRandom rnd = new SplittableRandom(userSeed(config.seed(), data.users().id(u)));
            for (int j = 0; j < testSize; j++) { // partial Fisher–Yates: the first testSize are the test draw
                int r = j + rnd.nextInt(n - j);
                long t = order[j];
                order[j] = order[r];
                order[r] = t;
            }
            boolean[] isTest = new boolean[n];
            for (int j = 0; j < testSize; j++) {
                isTest[(int) order[j]] = true;
            }
            for (int j = 0; j < n; j++) {
                if (isTest[j]) {
                    out.toTest(u, from + j);
                } else {
                    out.toTrain(u, from + j);
                }
            }
        }
        return out.build(PROTOCOL, config.seed(), Map.of("test_fraction", config.testFraction(), "min_items", config.minItems()));
    }

    /** Each item's position when items are sorted by external id. */
    static int[] ranksByExternalId(IdIndex items) {
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(items::id));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** The seed for one user's shuffle: the split seed mixed with a 64-bit FNV-1a hash of the user id. */
    static long userSeed(long seed, String userId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : userId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = seed * 0x9E3779B97F4A7C15L + h;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
