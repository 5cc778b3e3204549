package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EaseTrainer} against the closed form computed with a naive Gauss-Jordan inverse. */
class EaseTest {

    @Test
    void matchesNaiveClosedForm() {
        long seed = RandomData.seed("EaseTest.matchesNaive");
        Random rnd = new Random(seed);
        for (int round = 0; round < 8; round++) {
            int users = 20 + rnd.nextInt(80);
            int items = 30 + rnd.nextInt(40); // spans one to two 64-tiles
            InteractionMatrix m = RandomData.matrix(rnd, users, items, 0.05 + rnd.nextDouble() * 0.2);
            EaseConfig config = new EaseConfig(1 + rnd.nextDouble() * 50, 1, 10_000, 1 + rnd.nextInt(3));
            check(m, config, "round " + round + " seed=" + seed);
        }
    }

    @Test
    void restrictedItemSetMatchesNaiveOnTheSubset() {
        long seed = RandomData.seed("EaseTest.restricted");
        Random rnd = new Random(seed);
        for (int round = 0; round < 6; round++) {
            InteractionMatrix m = RandomData.matrix(rnd, 60, 80, 0.08);
            EaseConfig config = new EaseConfig(5, 1 + rnd.nextInt(6), 10 + rnd.nextInt(80), 2);
            check(m, config, "round " + round + " " + config + " seed=" + seed);
        }
    }

    private static void check(InteractionMatrix m, EaseConfig config, String ctx) {
        EaseModel model = new EaseTrainer(config).train(m);
        int[] kept = EaseTrainer.modelledItems(m, config);
        // the guard: at least minUsers users, at most maxItems items, the most popular ones
        assertThat(kept.length).as(ctx).isLessThanOrEqualTo(config.maxItems());
        int minKeptCount = Integer.MAX_VALUE;
        for (int i : kept) {
            assertThat(m.itemCount(i)).as(ctx).isGreaterThanOrEqualTo(config.minUsers());
            minKeptCount = Math.min(minKeptCount, m.itemCount(i));
        }
        boolean[] isKept = new boolean[m.items()];
        for (int i : kept) {
            isKept[i] = true;
        }
        for (int i = 0; i < m.items(); i++) {
            if (!isKept[i] && m.itemCount(i) >= config.minUsers()) {
                assertThat(m.itemCount(i)).as(ctx + " dropped item " + i).isLessThanOrEqualTo(minKeptCount);
            }
        }
        int n = kept.length;
        double[][] x = Dense.of(m, true);
        double[][] g = new double[n][n];
        for (double[] row : x) {
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    g[a][c] += row[kept[a]] * row[kept[c]];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            g[a][a] += config.lambda();
        }
        double[][] p = Dense.inverse(g);
        double[][] b = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                b[a][c] = a == c ? 0 : -p[a][c] / p[c][c];
                assertThat((double) model.weight(kept[a], kept[c])).as(ctx + " B(" + a + "," + c + ")")
                        .isCloseTo(b[a][c], within(1e-5));
            }
        }
        float[] out = new float[m.items()];
        for (int u = 0; u < m.users(); u++) {
            model.score(u, out);
            for (int i = 0; i < m.items(); i++) {
                if (!isKept[i]) {
                    assertThat(out[i]).as(ctx).isEqualTo(Float.NEGATIVE_INFINITY);
                }
            }
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int a = 0; a < n; a++) {
                    s += x[u][kept[a]] * b[a][c];
                }
                assertThat((double) out[kept[c]]).as(ctx + " score(" + u + "," + c + ")").isCloseTo(s, within(1e-4));
            }
        }
    }

    @Test
    void configValidationNamesTheBadValue() {
        assertThatThrownBy(() -> EaseConfig.defaults().withLambda(0)).hasMessageContaining("lambda").hasMessageContaining("0");
        assertThatThrownBy(() -> EaseConfig.defaults().withLambda(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> EaseConfig.defaults().withMinUsers(0)).hasMessageContaining("minUsers").hasMessageContaining("0");
        assertThatThrownBy(() -> EaseConfig.defaults().withMaxItems(-7)).hasMessageContaining("maxItems").hasMessageContaining("-7");
        assertThatThrownBy(() -> EaseConfig.defaults().withThreads(0)).hasMessageContaining("threads");
    }

    @Test
    void memoryEstimateCoversTheDenseParts() {
        // 17,632 items: 1.24 GB of double lower-triangle tiles plus 1.24 GB of float B
        assertThat(EaseTrainer.trainingBytes(17_632)).isBetween(2_400_000_000L, 2_600_000_000L);
    }
}
