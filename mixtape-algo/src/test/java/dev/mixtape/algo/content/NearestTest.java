package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Oracle test: the sampled-threshold selection against sorting everything. */
class NearestTest {

    static int[] oracle(float[] dist, int n, int exclude, int k) {
        return IntStream.range(0, n).filter(t -> t != exclude).boxed()
                .sorted(Comparator.<Integer>comparingDouble(t -> dist[t]).thenComparingInt(t -> t))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void matchesAFullSortOnRandomInputs() {
        long seed = new Random().nextLong();
        System.out.println("NearestTest seed " + seed);
        Random r = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(round < 100 ? 500 : 30_000);
            int k = 1 + r.nextInt(300);
            float[] dist = new float[n];
            int distinct = 1 + r.nextInt(round % 3 == 0 ? 5 : 100_000);
            for (int t = 0; t < n; t++) {
                dist[t] = r.nextInt(distinct) / 7f;
            }
            int exclude = r.nextInt(n + 1) - 1;
            assertThat(Nearest.of(dist, n, exclude, k)).as("seed %d round %d n %d k %d", seed, round, n, k)
                    .containsExactly(oracle(dist, n, exclude, k));
        }
    }

    @Test
    void skewedDistancesThatDefeatTheSampleStillGiveTheExactAnswer() {
        int n = 50_000;
        float[] dist = new float[n];
        for (int t = 0; t < n; t++) {
            dist[t] = t % 25 == 0 ? 1f : 0.5f; // every sampled position is far, the rest near
        }
        assertThat(Nearest.of(dist, n, 3, 250)).containsExactly(oracle(dist, n, 3, 250));
    }
}
