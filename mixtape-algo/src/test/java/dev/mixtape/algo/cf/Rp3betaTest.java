package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Rp3betaTrainer} against dense matrix algebra: W = P_iu^α · P_ui^α / pop^β, top-k per row. */
class Rp3betaTest {

    @Test
    void matchesDenseMatrixMath() {
        long seed = RandomData.seed("Rp3betaTest.matchesDense");
        Random rnd = new Random(seed);
        for (int round = 0; round < 30; round++) {
            int users = 5 + rnd.nextInt(40);
            int items = 2 + rnd.nextInt(50);
            InteractionMatrix m = RandomData.matrix(rnd, users, items, 0.05 + rnd.nextDouble() * 0.3);
            boolean binarise = rnd.nextBoolean();
            Rp3betaConfig config = new Rp3betaConfig(0.5 + rnd.nextDouble(), rnd.nextDouble(), 1 + rnd.nextInt(items + 2),
                    binarise, 1 + rnd.nextInt(3));
            Rp3betaModel model = new Rp3betaTrainer(config).train(m);
            String ctx = "round " + round + " " + config + " seed=" + seed;

            double[][] x = Dense.of(m, binarise);
            double[][] pui = new double[users][items];
            for (int u = 0; u < users; u++) {
                double sum = 0;
                for (double v : x[u]) {
                    sum += v;
                }
                for (int i = 0; i < items; i++) {
                    pui[u][i] = sum == 0 ? 0 : Math.pow(x[u][i] / sum, config.alpha());
                }
            }
            double[][] xt = Dense.transpose(x);
            double[][] piu = new double[items][users];
            double[] pop = new double[items];
            for (int i = 0; i < items; i++) {
                double sum = 0;
                for (double v : xt[i]) {
                    sum += v;
                    pop[i] += v != 0 ? 1 : 0;
                }
                for (int u = 0; u < users; u++) {
                    piu[i][u] = sum == 0 ? 0 : Math.pow(xt[i][u] / sum, config.alpha());
                }
            }
            double[][] w = Dense.multiply(piu, pui);
            double[][] kept = new double[items][items];
            for (int i = 0; i < items; i++) {
                for (int j = 0; j < items; j++) {
                    w[i][j] = i == j || pop[j] == 0 ? 0 : w[i][j] / Math.pow(pop[j], config.beta());
                }
                List<Integer> cand = new ArrayList<>();
                for (int j = 0; j < items; j++) {
                    if (w[i][j] > 0) {
                        cand.add(j);
                    }
                }
                double[] row = w[i];
                cand.sort((a, b) -> Float.compare((float) row[a], (float) row[b]) != 0
                        ? Float.compare((float) row[b], (float) row[a]) : Integer.compare(a, b));
                for (int t = 0; t < Math.min(config.neighbours(), cand.size()); t++) {
                    kept[i][cand.get(t)] = row[cand.get(t)];
                }
                for (int j = 0; j < items; j++) {
                    assertThat((double) model.weights().get(i, j)).as(ctx + " W(" + i + "," + j + ")")
                            .isCloseTo(kept[i][j], within(1e-5 * Math.max(1e-3, kept[i][j])));
                }
            }
            float[] out = new float[items];
            for (int u = 0; u < users; u++) {
                model.score(u, out);
                for (int j = 0; j < items; j++) {
                    double s = 0;
                    for (int i = 0; i < items; i++) {
                        s += x[u][i] * kept[i][j];
                    }
                    assertThat((double) out[j]).as(ctx + " score(" + u + "," + j + ")")
                            .isCloseTo(s, within(1e-4 * Math.max(1e-3, Math.abs(s))));
                }
            }
        }
    }

    @Test
    void rejectsNegativeValuesUnlessBinarised() {
        InteractionMatrix m = InteractionMatrix.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, -2});
        assertThatThrownBy(() -> new Rp3betaTrainer(Rp3betaConfig.defaults().withBinarise(false)).train(m))
                .hasMessageContaining("user 1").hasMessageContaining("-2");
        assertThat(new Rp3betaTrainer(Rp3betaConfig.defaults()).train(m).items()).isEqualTo(2);
    }

    @Test
    void configValidationNamesTheBadValue() {
        assertThatThrownBy(() -> Rp3betaConfig.defaults().withAlpha(0)).hasMessageContaining("alpha").hasMessageContaining("0");
        assertThatThrownBy(() -> Rp3betaConfig.defaults().withBeta(-0.5)).hasMessageContaining("beta").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> Rp3betaConfig.defaults().withNeighbours(-3)).hasMessageContaining("neighbours").hasMessageContaining("-3");
        assertThatThrownBy(() -> Rp3betaConfig.defaults().withThreads(0)).hasMessageContaining("threads");
    }
}
