package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ImplicitAlsTrainer}'s conjugate-gradient solves against exact Cholesky solves ({@link ImplicitAlsReference}). */
class ImplicitAlsTest {

    private static ImplicitAlsConfig small(int k, long seed) {
        return ImplicitAlsConfig.defaults().withFactors(k).withIterations(8).withRegularization(0.5).withAlpha(10)
                .withInitScale(0.1).withThreads(2).withSeed(seed);
    }

    @Test
    void conjugateGradientConvergesToTheCholeskySolution() {
        long seed = RandomData.seed("ImplicitAlsTest.cgSolve");
        Random rnd = new Random(seed);
        for (int round = 0; round < 40; round++) {
            int k = 1 + rnd.nextInt(16);
            int items = 5 + rnd.nextInt(60);
            // binarised input with LINEAR confidence, raw play-count-like values with LOG: the two real uses
            boolean linear = rnd.nextBoolean();
            InteractionMatrix raw = RandomData.matrix(rnd, 10, items, 0.2);
            InteractionMatrix m = linear ? raw.binarised() : raw;
            ImplicitAlsConfig config = small(k, seed).withAlpha(rnd.nextDouble() * 40).withConfidence(
                    linear ? ImplicitAlsConfig.Confidence.LINEAR : ImplicitAlsConfig.Confidence.LOG);
            float[] y = new float[items * k];
            for (int t = 0; t < y.length; t++) {
                y[t] = (float) rnd.nextGaussian();
            }
            float[] gram;
            try (Parallel par = new Parallel(1)) {
                gram = ImplicitAlsTrainer.gram(y, items, k, config.regularization(), par);
            }
            float[] c1 = ImplicitAlsTrainer.confidenceMinusOne(m.userValues(), config);
            for (int u = 0; u < m.users(); u++) {
                float[] x = new float[k];
                for (int a = 0; a < k; a++) {
                    x[a] = (float) rnd.nextGaussian(); // any start
                }
                // k steps would be exact in exact arithmetic; float CG loses conjugacy, so allow 3k
                ImplicitAlsTrainer.conjugateGradient(x, 0, gram, y, m.userItems(), c1, m.userPtr()[u], m.userPtr()[u + 1],
                        k, 3 * k, new float[3 * k]);
                double[] exact = ImplicitAlsReference.exact(u, y, items, m.userPtr(), m.userItems(), m.userValues(), config);
                double norm = 0;
                for (double v : exact) {
                    norm = Math.max(norm, Math.abs(v));
                }
                for (int a = 0; a < k; a++) {
                    assertThat((double) x[a]).as("round " + round + " user " + u + " k=" + k + " seed=" + seed)
                            .isCloseTo(exact[a], within(2e-3 * Math.max(1, norm)));
                }
            }
        }
    }

    @Test
    void threeStepsReachNearlyTheExactLossAndMoreStepsTheExactFactors() {
        long seed = RandomData.seed("ImplicitAlsTest.training");
        Random rnd = new Random(seed);
        InteractionMatrix m = RandomData.matrix(rnd, 80, 120, 0.06).binarised();
        ImplicitAlsConfig config = small(8, seed);
        ImplicitAlsModel exact = ImplicitAlsReference.train(m, config);
        ImplicitAlsModel fast = new ImplicitAlsTrainer(config).train(m);
        ImplicitAlsModel initial = new ImplicitAlsTrainer(config.withIterations(0)).train(m);
        double le = exact.loss(m);
        double lf = fast.loss(m);
        System.out.printf("ImplicitAlsTest loss: initial %.3f, exact %.3f, 3 CG steps %.3f%n", initial.loss(m), le, lf);
        assertThat(lf).as("seed=" + seed).isLessThan(initial.loss(m) / 2).isCloseTo(le, within(0.01 * le));

        ImplicitAlsModel full = new ImplicitAlsTrainer(config.withCgSteps(16).withIterations(3)).train(m);
        ImplicitAlsModel exact3 = ImplicitAlsReference.train(m, config.withIterations(3));
        for (int u = 0; u < m.users(); u++) {
            float[] a = full.userFactors(u);
            float[] b = exact3.userFactors(u);
            for (int f = 0; f < 8; f++) {
                assertThat(a[f]).as("user " + u + " factor " + f + " seed=" + seed).isCloseTo(b[f], within(2e-3f));
            }
        }
        for (int i = 0; i < m.items(); i++) {
            float[] a = full.itemFactors(i);
            float[] b = exact3.itemFactors(i);
            for (int f = 0; f < 8; f++) {
                assertThat(a[f]).as("item " + i + " factor " + f + " seed=" + seed).isCloseTo(b[f], within(2e-3f));
            }
        }
    }

    @Test
    void lossMatchesTheDenseDefinition() {
        long seed = RandomData.seed("ImplicitAlsTest.loss");
        InteractionMatrix m = RandomData.matrix(new Random(seed), 20, 30, 0.2);
        ImplicitAlsConfig config = small(4, seed).withConfidence(ImplicitAlsConfig.Confidence.LOG).withIterations(2);
        ImplicitAlsModel model = new ImplicitAlsTrainer(config).train(m);
        double[][] x = Dense.of(m, false);
        double loss = 0;
        for (int u = 0; u < 20; u++) {
            for (int i = 0; i < 30; i++) {
                double s = 0;
                for (int f = 0; f < 4; f++) {
                    s += model.userFactors(u)[f] * model.itemFactors(i)[f];
                }
                double p = x[u][i] > 0 ? 1 : 0;
                double c = x[u][i] > 0 ? 1 + config.confidenceMinusOne(x[u][i]) : 1;
                loss += c * (p - s) * (p - s);
            }
        }
        for (int u = 0; u < 20; u++) {
            for (float v : model.userFactors(u)) {
                loss += config.regularization() * v * v;
            }
        }
        for (int i = 0; i < 30; i++) {
            for (float v : model.itemFactors(i)) {
                loss += config.regularization() * v * v;
            }
        }
        assertThat(model.loss(m)).as("seed=" + seed).isCloseTo(loss, within(1e-6 * loss));
    }

    @Test
    void deterministicForASeedWhateverTheThreadCount() {
        long seed = RandomData.seed("ImplicitAlsTest.determinism");
        InteractionMatrix m = RandomData.matrix(new Random(seed), 300, 2500, 0.01); // > one Gram block of items
        ImplicitAlsConfig config = small(16, 7).withIterations(3);
        ImplicitAlsModel a = new ImplicitAlsTrainer(config.withThreads(1)).train(m);
        ImplicitAlsModel b = new ImplicitAlsTrainer(config.withThreads(3)).train(m);
        ImplicitAlsModel c = new ImplicitAlsTrainer(config.withSeed(8)).train(m);
        float[] sa = new float[m.items()];
        float[] sb = new float[m.items()];
        float[] sc = new float[m.items()];
        for (int u = 0; u < m.users(); u += 7) {
            a.score(u, sa);
            b.score(u, sb);
            c.score(u, sc);
            assertThat(sb).as("user " + u).containsExactly(sa);
            assertThat(sc).as("another seed, user " + u).isNotEqualTo(sa);
        }
    }

    @Test
    void scoresAreDotProductsAndFoldInMatchesTheExactSolve() {
        long seed = RandomData.seed("ImplicitAlsTest.scores");
        InteractionMatrix m = RandomData.matrix(new Random(seed), 30, 50, 0.2).binarised();
        ImplicitAlsConfig config = small(6, seed);
        ImplicitAlsModel model = new ImplicitAlsTrainer(config).train(m);
        float[] out = new float[50];
        for (int u = 0; u < 30; u++) {
            model.score(u, out);
            for (int i = 0; i < 50; i++) {
                double s = 0;
                for (int f = 0; f < 6; f++) {
                    s += model.userFactors(u)[f] * model.itemFactors(i)[f];
                }
                assertThat((double) out[i]).isCloseTo(s, within(1e-5));
            }
            int from = m.userPtr()[u];
            int to = m.userPtr()[u + 1];
            float[] v = model.foldIn(java.util.Arrays.copyOfRange(m.userItems(), from, to),
                    java.util.Arrays.copyOfRange(m.userValues(), from, to));
            float[] items = new float[50 * 6];
            for (int i = 0; i < 50; i++) {
                System.arraycopy(model.itemFactors(i), 0, items, i * 6, 6);
            }
            double[] exact = ImplicitAlsReference.exact(u, items, 50, m.userPtr(), m.userItems(), m.userValues(), config);
            for (int f = 0; f < 6; f++) {
                assertThat((double) v[f]).as("fold-in user " + u + " seed=" + seed).isCloseTo(exact[f], within(1e-3));
            }
        }
    }

    @Test
    void configValidationNamesTheBadValue() {
        ImplicitAlsConfig d = ImplicitAlsConfig.defaults();
        assertThatThrownBy(() -> d.withFactors(0)).hasMessageContaining("factors").hasMessageContaining("0");
        assertThatThrownBy(() -> d.withIterations(-1)).hasMessageContaining("iterations").hasMessageContaining("-1");
        assertThatThrownBy(() -> d.withRegularization(Double.NaN)).hasMessageContaining("regularization").hasMessageContaining("NaN");
        assertThatThrownBy(() -> d.withAlpha(-40)).hasMessageContaining("alpha").hasMessageContaining("-40");
        assertThatThrownBy(() -> d.withConfidence(null)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> d.withEpsilon(0)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> d.withCgSteps(0)).hasMessageContaining("cgSteps");
        assertThatThrownBy(() -> d.withInitScale(0)).hasMessageContaining("initScale");
        assertThatThrownBy(() -> d.withThreads(-2)).hasMessageContaining("threads").hasMessageContaining("-2");
    }

    @Test
    void rejectsNegativeValues() {
        InteractionMatrix m = InteractionMatrix.of(1, 2, new int[] {0}, new int[] {1}, new float[] {-3});
        assertThatThrownBy(() -> new ImplicitAlsTrainer(ImplicitAlsConfig.defaults()).train(m))
                .hasMessageContaining("item 1").hasMessageContaining("-3");
    }
}
