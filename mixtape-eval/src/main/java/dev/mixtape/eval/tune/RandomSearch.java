package dev.mixtape.eval.tune;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code trials} distinct points drawn uniformly from the space with a seeded generator (all
 * points, in a seeded random order, when the space is smaller); the same seed gives the same
 * points in the same order.
 */
public final class RandomSearch implements SearchStrategy {
    private final int trials;
    private final long seed;

    public RandomSearch(int trials, long seed) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be positive, got " + trials);
        }
        this.trials = trials;
        this.seed = seed;
    }

    @Override
    public List<Map<String, Object>> candidates(ParamSpace space) {
        long size = space.size();
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Long> chosen = new LinkedHashSet<>();
        if (size <= trials) {
            long[] all = new long[(int) size];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            for (int i = all.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                long t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            for (long i : all) {
                chosen.add(i);
            }
        } else {
            while (chosen.size() < trials) {
                chosen.add(rnd.nextLong(size));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(chosen.size());
        for (long i : chosen) {
            out.add(space.point(i));
        }
        return out;
    }
}
