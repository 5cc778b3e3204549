package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArcOrdererTest {
    private static final long SEED = 99L;
    private final Catalog catalog = Fixtures.catalog(SEED, 2000, 120, 6);
    private final ArcOrderer orderer = new ArcOrderer(new FeatureSpace(catalog));

    /** n distinct random tracks. */
    private int[] sample(Random rnd, int n) {
        int[] all = java.util.stream.IntStream.range(0, catalog.size()).toArray();
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, n);
    }

    private double[] energies(int[] order) {
        return Arrays.stream(order).mapToDouble(t -> catalog.value(Attribute.ENERGY, t)).toArray();
    }

    @Test
    void ordersArePermutationsOfTheInput() {
        Random rnd = new Random(SEED);
        for (Arc arc : Arc.values()) {
            for (int n : new int[] {0, 1, 2, 3, 7, 30, 120}) {
                int[] tracks = sample(rnd, n);
                int[] out = orderer.order(tracks, n, arc);
                int[] a = tracks.clone();
                int[] b = out.clone();
                Arrays.sort(a);
                Arrays.sort(b);
                assertThat(b).as("%s n=%d", arc, n).isEqualTo(a);
            }
        }
    }

    @Test
    void levelsFollowTheArc() {
        assertThat(ArcOrderer.level(Arc.BUILD_UP, 0, 11)).isEqualTo(0f);
        assertThat(ArcOrderer.level(Arc.BUILD_UP, 10, 11)).isEqualTo(1f);
        assertThat(ArcOrderer.level(Arc.WIND_DOWN, 0, 11)).isEqualTo(1f);
        assertThat(ArcOrderer.level(Arc.PEAK, 6, 11)).isEqualTo(1f);
        assertThat(ArcOrderer.level(Arc.PEAK, 0, 11)).isEqualTo(0f);
        assertThat(ArcOrderer.level(Arc.PEAK, 10, 11)).isEqualTo(0f);
        assertThat(ArcOrderer.level(Arc.STEADY, 3, 11)).isEqualTo(0.5f);
    }

    @Test
    void buildUpRisesAndWindDownFalls() {
        Random rnd = new Random(SEED + 1);
        for (int round = 0; round < 20; round++) {
            int[] tracks = sample(rnd, 30);
            assertThat(spearman(energies(orderer.order(tracks, 30, Arc.BUILD_UP)))).as("round %d", round).isGreaterThan(0.85);
            assertThat(spearman(energies(orderer.order(tracks, 30, Arc.WIND_DOWN)))).as("round %d", round).isLessThan(-0.85);
        }
    }

    @Test
    void peakIsHighestInTheMiddle() {
        Random rnd = new Random(SEED + 2);
        for (int round = 0; round < 20; round++) {
            int n = 30;
            double[] e = energies(orderer.order(sample(rnd, n), n, Arc.PEAK));
            int best = 0;
            double bestAvg = -1;
            for (int i = 0; i + 5 <= n; i++) {
                double avg = Arrays.stream(e, i, i + 5).average().orElseThrow();
                if (avg > bestAvg) {
                    bestAvg = avg;
                    best = i + 2;
                }
            }
            assertThat(best).as("round %d: peak window centre", round).isBetween(n / 3, 4 * n / 5);
            double start = Arrays.stream(e, 0, 6).average().orElseThrow();
            double end = Arrays.stream(e, n - 6, n).average().orElseThrow();
            assertThat(start).isLessThan(bestAvg);
            assertThat(end).isLessThan(bestAvg);
        }
    }

    @Test
    void transitionsPreferCompatibleKeysOverARandomOrder() {
        Random rnd = new Random(SEED + 3);
        for (Arc arc : new Arc[] {Arc.STEADY, Arc.PEAK}) {
            double ours = 0;
            double random = 0;
            for (int round = 0; round < 20; round++) {
                int[] tracks = sample(rnd, 30);
                ours += meanKeyCompatibility(orderer.order(tracks, 30, arc));
                for (int r = 0; r < 10; r++) {
                    random += meanKeyCompatibility(sample(rnd, 30)) / 10; // same distribution as a shuffle
                }
            }
            assertThat(ours / 20).as("%s", arc).isGreaterThan(random / 20 + 0.1);
        }
    }

    @Test
    void localSearchNeverEndsWorseThanItsStartAndIsNearTheBruteForceOptimum() {
        Random rnd = new Random(SEED + 4);
        for (Arc arc : Arc.values()) {
            double ours = 0;
            double best = 0;
            for (int round = 0; round < 15; round++) {
                int n = 7;
                int[] tracks = sample(rnd, n);
                int[] out = orderer.order(tracks, n, arc);
                double cost = orderer.cost(out, n, arc);
                if (arc != Arc.STEADY) {
                    assertThat(cost).isLessThanOrEqualTo(orderer.cost(orderer.arcOrder(tracks, n, arc), n, arc) + 1e-6);
                }
                double optimum = bruteForce(tracks, arc);
                assertThat(cost).as("%s round %d", arc, round).isGreaterThanOrEqualTo(optimum - 1e-6)
                        .isLessThanOrEqualTo(optimum * 1.35 + 0.05);
                ours += cost;
                best += optimum;
            }
            assertThat(ours).as("%s: total over rounds", arc).isLessThanOrEqualTo(best * 1.15);
        }
    }

    private double bruteForce(int[] tracks, Arc arc) {
        double[] best = {Double.MAX_VALUE};
        permute(tracks.clone(), 0, arc, best);
        return best[0];
    }

    private void permute(int[] a, int k, Arc arc, double[] best) {
        if (k == a.length) {
            best[0] = Math.min(best[0], orderer.cost(a, a.length, arc));
            return;
        }
        for (int i = k; i < a.length; i++) {
            swap(a, k, i);
            permute(a, k + 1, arc, best);
            swap(a, k, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private double meanKeyCompatibility(int[] order) {
        double s = 0;
        for (int i = 0; i + 1 < order.length; i++) {
            s += Transitions.keyCompatibility((int) catalog.value(Attribute.KEY, order[i]), (int) catalog.value(Attribute.MODE, order[i]),
                    (int) catalog.value(Attribute.KEY, order[i + 1]), (int) catalog.value(Attribute.MODE, order[i + 1]));
        }
        return s / (order.length - 1);
    }

    /** Spearman rank correlation of the values with their positions (no ties expected). */
    private static double spearman(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double d2 = 0;
        for (int rank = 0; rank < n; rank++) {
            double d = rank - idx[rank];
            d2 += d * d;
        }
        return 1 - 6 * d2 / ((double) n * (n * (double) n - 1));
    }
}
