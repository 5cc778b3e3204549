package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ItemKnnTrainer} against a naive double loop over dense columns. */
class ItemKnnTest {

    @Test
    void similaritiesAndScoresMatchNaiveDoubleLoop() {
        long seed = RandomData.seed("ItemKnnTest.matchesNaive");
        Random rnd = new Random(seed);
        for (int round = 0; round < 30; round++) {
            int users = 5 + rnd.nextInt(40);
            int items = 2 + rnd.nextInt(50);
            InteractionMatrix m = RandomData.matrix(rnd, users, items, 0.05 + rnd.nextDouble() * 0.3);
            boolean binarise = rnd.nextBoolean();
            ItemKnnConfig config = new ItemKnnConfig(1 + rnd.nextInt(items + 2), rnd.nextInt(3) * 5.0, binarise, 1 + rnd.nextInt(3));
            ItemKnnModel model = new ItemKnnTrainer(config).train(m);
            String ctx = "round " + round + " " + config + " seed=" + seed;

            double[][] x = Dense.of(m, binarise);
            double[][] sim = new double[items][items];
            for (int i = 0; i < items; i++) {
                for (int j = 0; j < items; j++) {
                    double dot = 0;
                    double ni = 0;
                    double nj = 0;
                    for (int u = 0; u < users; u++) {
                        dot += x[u][i] * x[u][j];
                        ni += x[u][i] * x[u][i];
                        nj += x[u][j] * x[u][j];
                    }
                    sim[i][j] = i == j ? 0 : dot / (Math.sqrt(ni) * Math.sqrt(nj) + config.shrink());
                }
            }
            // neighbours of i: the k largest positive similarities, ties to the lower index
            double[][] kept = new double[items][items];
            for (int i = 0; i < items; i++) {
                List<Integer> cand = new ArrayList<>();
                for (int j = 0; j < items; j++) {
                    if (sim[i][j] > 0) {
                        cand.add(j);
                    }
                }
                int row = i;
                cand.sort((a, b) -> Float.compare((float) sim[row][a], (float) sim[row][b]) != 0
                        ? Float.compare((float) sim[row][b], (float) sim[row][a]) : Integer.compare(a, b));
                for (int t = 0; t < Math.min(config.neighbours(), cand.size()); t++) {
                    kept[i][cand.get(t)] = sim[i][cand.get(t)];
                }
                for (int j = 0; j < items; j++) {
                    assertThat((double) model.similarity(i, j)).as(ctx + " sim(" + i + "," + j + ")")
                            .isCloseTo(kept[i][j], within(1e-5 * Math.max(1, Math.abs(kept[i][j]))));
                }
            }
            float[] out = new float[items];
            for (int u = 0; u < users; u++) {
                model.score(u, out);
                for (int i = 0; i < items; i++) {
                    double s = 0;
                    for (int j = 0; j < items; j++) {
                        s += kept[i][j] * x[u][j];
                    }
                    assertThat((double) out[i]).as(ctx + " score(" + u + "," + i + ")")
                            .isCloseTo(s, within(1e-4 * Math.max(1, Math.abs(s))));
                }
            }
        }
    }

    @Test
    void sameResultForAnyThreadCount() {
        long seed = RandomData.seed("ItemKnnTest.threads");
        InteractionMatrix m = RandomData.matrix(new Random(seed), 200, 300, 0.05);
        ItemKnnModel one = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(10).withThreads(1)).train(m);
        ItemKnnModel three = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(10).withThreads(3)).train(m);
        assertThat(three.neighbours().columns()).containsExactly(one.neighbours().columns());
        assertThat(three.neighbours().values()).containsExactly(one.neighbours().values());
    }

    @Test
    void scoreHistoryMatchesScoreOfTheSameUser() {
        long seed = RandomData.seed("ItemKnnTest.history");
        InteractionMatrix m = RandomData.matrix(new Random(seed), 30, 40, 0.2);
        ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults()).train(m);
        float[] a = new float[40];
        float[] b = new float[40];
        for (int u = 0; u < 30; u++) {
            model.score(u, a);
            int from = m.userPtr()[u];
            int to = m.userPtr()[u + 1];
            model.scoreHistory(java.util.Arrays.copyOfRange(m.userItems(), from, to),
                    java.util.Arrays.copyOfRange(m.userValues(), from, to), b);
            assertThat(b).as("user " + u + " seed=" + seed).containsExactly(a);
        }
    }

    @Test
    void configValidationNamesTheBadValue() {
        assertThatThrownBy(() -> new ItemKnnConfig(0, 10, true, 1)).hasMessageContaining("neighbours").hasMessageContaining("0");
        assertThatThrownBy(() -> new ItemKnnConfig(5, -1, true, 1)).hasMessageContaining("shrink").hasMessageContaining("-1");
        assertThatThrownBy(() -> new ItemKnnConfig(5, Double.NaN, true, 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ItemKnnConfig(5, 1, true, 0)).hasMessageContaining("threads");
    }
}
