package dev.mixtape.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.ItemKnnConfig;
import dev.mixtape.algo.cf.ItemKnnTrainer;
import dev.mixtape.algo.cf.MostPopularConfig;
import dev.mixtape.algo.cf.MostPopularTrainer;
import dev.mixtape.algo.cf.Trainer;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import dev.mixtape.eval.split.HoldoutConfig;
import dev.mixtape.eval.split.HoldoutSplitter;
import dev.mixtape.eval.split.Split;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy regression (LensKit style): our models' NDCG@20 and Recall@20 on the fixed seed-42 split of
 * Last.fm 2k stay within a tolerance of the values recorded in docs/EVALUATION.md.
 */
class CfAccuracyRegressionIT {
    static Split split;
    static Evaluator evaluator;

    @BeforeAll
    static void load() throws Exception {
        LastFmDataset data = new LastFmReader().read(EvalTestData.lastFmDir());
        split = new HoldoutSplitter(HoldoutConfig.of(42)).split(data.interactions());
        evaluator = Evaluator.standard(split, null, List.of(20));
    }

    static ModelResult run(String name, Trainer<?> trainer) {
        ModelResult r = evaluator.trainAndEvaluate(name, Map.of(), trainer, ProgressListener.NONE);
        System.out.printf("%s: ndcg@20 %.4f recall@20 %.4f train %d ms%n", name, r.metric("ndcg@20"),
                r.metric("recall@20"), r.trainMs());
        return r;
    }

    @Test
    void mostPopular() {
        ModelResult r = run("pop", new MostPopularTrainer(MostPopularConfig.defaults()));
        assertThat(r.metric("ndcg@20")).isCloseTo(0.0973, within(0.005));
        assertThat(r.metric("recall@20")).isCloseTo(0.1018, within(0.005));
    }

    @Test
    void itemKnn() {
        ModelResult r = run("itemknn", new ItemKnnTrainer(ItemKnnConfig.defaults()));
        assertThat(r.metric("ndcg@20")).isCloseTo(0.2570, within(0.01));
        assertThat(r.metric("recall@20")).isCloseTo(0.2503, within(0.01));
    }

    @Test
    void implicitAlsOnBinarisedPlays() {
        ImplicitAlsTrainer als = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults());
        ModelResult r = run("ials", m -> als.train(m.binarised()));
        assertThat(r.metric("ndcg@20")).isCloseTo(0.2785, within(0.015));
        assertThat(r.metric("recall@20")).isCloseTo(0.2820, within(0.015));
    }
}
