package dev.mixtape.algo.cf;

import java.util.Random;

/** Seeded random interaction matrices for oracle tests. */
final class RandomData {
    private RandomData() {}

    /**
     * A users × items matrix where each user has each item with probability {@code density}, item
     * {@code i} favoured by a popularity skew, and values drawn from 1..100 (play-count-like).
     */
    static InteractionMatrix matrix(Random rnd, int users, int items, double density) {
        int cap = users * items;
        int[] u = new int[cap];
        int[] it = new int[cap];
        float[] v = new float[cap];
        int n = 0;
        for (int a = 0; a < users; a++) {
            for (int i = 0; i < items; i++) {
                double skew = 2.0 * (items - i) / items; // lower indices more popular
                if (rnd.nextDouble() < density * skew) {
                    u[n] = a;
                    it[n] = i;
                    v[n] = 1 + rnd.nextInt(100);
                    n++;
                }
            }
        }
        return InteractionMatrix.of(users, items, java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(it, n),
                java.util.Arrays.copyOf(v, n));
    }

    static long seed(String test) {
        long seed = new Random().nextLong();
        System.out.println(test + " seed=" + seed);
        return seed;
    }
}
