package dev.mixtape.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Precision, recall, NDCG, AP, RR and hit rate against values worked out by hand. */
class AccuracyMetricsTest {
    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_6 = Math.log(6) / Math.log(2);

    // user 0: relevant {1, 3, 5}; user 1: relevant {0}; user 2: none; user 3: relevant {0..5}
    private final BinaryRelevance rel = new BinaryRelevance(Matrices.of(10,
            new int[] {1, 3, 5}, new int[] {0}, new int[] {}, new int[] {0, 1, 2, 3, 4, 5}));
    private final int[] list0 = {3, 2, 1, 7, 5}; // hits at ranks 1, 3, 5

    @Test
    void precision() {
        assertThat(new Precision(3, rel).evaluate(0, list0)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(new Precision(5, rel).evaluate(0, list0)).isCloseTo(3.0 / 5, within(EPS));
        assertThat(new Precision(10, rel).evaluate(0, list0)).isCloseTo(3.0 / 10, within(EPS)); // short list: still / k
        assertThat(new Precision(3, rel).evaluate(0, new int[0])).isZero();
        assertThat(new Precision(3, rel).name()).isEqualTo("precision@3");
    }

    @Test
    void recallIsNormalisedByMinOfKAndRelevant() {
        assertThat(new Recall(3, rel).evaluate(0, list0)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(new Recall(5, rel).evaluate(0, list0)).isCloseTo(1.0, within(EPS));
        // 6 relevant, k = 2, one hit in the first two: 1 / min(2, 6)
        assertThat(new Recall(2, rel).evaluate(3, new int[] {0, 9, 1})).isCloseTo(0.5, within(EPS));
        assertThat(new Recall(2, rel).evaluate(3, new int[] {0, 1})).isCloseTo(1.0, within(EPS));
        assertThat(new Recall(3, rel).evaluate(2, list0)).isNaN();
    }

    @Test
    void ndcgWithBinaryGains() {
        double idcg3 = 1 + 1 / LOG2_3 + 0.5;
        assertThat(new Ndcg(3, rel).evaluate(0, list0)).isCloseTo((1 + 0.5) / idcg3, within(EPS));
        assertThat(new Ndcg(5, rel).evaluate(0, list0)).isCloseTo((1 + 0.5 + 1 / LOG2_6) / idcg3, within(EPS));
        // one relevant item at rank 2: ideal is one item at rank 1
        assertThat(new Ndcg(3, rel).evaluate(1, new int[] {4, 0})).isCloseTo(1 / LOG2_3, within(EPS));
        assertThat(new Ndcg(2, rel).evaluate(3, new int[] {5, 4})).isCloseTo(1.0, within(EPS));
        assertThat(new Ndcg(3, rel).evaluate(2, list0)).isNaN();
    }

    @Test
    void averagePrecision() {
        assertThat(new AveragePrecision(3, rel).evaluate(0, list0)).isCloseTo((1 + 2.0 / 3) / 3, within(EPS));
        assertThat(new AveragePrecision(5, rel).evaluate(0, list0)).isCloseTo((1 + 2.0 / 3 + 3.0 / 5) / 3, within(EPS));
        assertThat(new AveragePrecision(3, rel).evaluate(1, new int[] {4, 0})).isCloseTo(0.5, within(EPS));
        assertThat(new AveragePrecision(3, rel).name()).isEqualTo("map@3");
    }

    @Test
    void reciprocalRankAndHitRate() {
        assertThat(new ReciprocalRank(3, rel).evaluate(1, new int[] {4, 0})).isCloseTo(0.5, within(EPS));
        assertThat(new ReciprocalRank(1, rel).evaluate(1, new int[] {4, 0})).isZero();
        assertThat(new ReciprocalRank(5, rel).evaluate(0, list0)).isEqualTo(1.0);
        assertThat(new HitRate(1, rel).evaluate(1, new int[] {4, 0})).isZero();
        assertThat(new HitRate(2, rel).evaluate(1, new int[] {4, 0})).isEqualTo(1.0);
        assertThat(new ReciprocalRank(3, rel).name()).isEqualTo("mrr@3");
        assertThat(new HitRate(3, rel).name()).isEqualTo("hitrate@3");
    }

    @Test
    void meanSkipsUndefinedUsersAndCombines() {
        MeanMetric a = new MeanMetric(new Recall(3, rel));
        a.add(0, list0);            // 2/3
        a.add(2, list0);            // NaN: no relevant items, left out
        MeanMetric b = a.fresh();
        b.add(1, new int[] {0});    // 1
        a.combine(b);
        assertThat(a.value()).isCloseTo((2.0 / 3 + 1) / 2, within(EPS));
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.fresh().value()).isNaN();
    }

    @Test
    void cutoffMustBePositive() {
        assertThatThrownBy(() -> new Ndcg(0, rel)).hasMessageContaining("got 0");
    }
}
