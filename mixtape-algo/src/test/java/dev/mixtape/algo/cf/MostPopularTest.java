package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MostPopularTest {

    @Test
    void ranksByNumberOfUsersThenLowerIndex() {
        // item 2: 3 users; items 0 and 3: 2 users each; item 1: 1 user (but the largest value)
        InteractionMatrix m = InteractionMatrix.of(4, 5,
                new int[] {0, 1, 2, 0, 1, 3, 2, 3},
                new int[] {2, 2, 2, 0, 3, 0, 3, 1},
                new float[] {1, 1, 1, 1, 1, 1, 1, 500});
        MostPopularModel model = new MostPopularTrainer(MostPopularConfig.defaults()).train(m);
        InteractionMatrix none = InteractionMatrix.of(4, 5, new int[0], new int[0], new float[0]);
        assertThat(TopN.recommend(model, none, 0, 5)).containsExactly(2, 0, 3, 1, 4);
        // seen items excluded, unknown users still served
        assertThat(TopN.recommend(model, m, 0, 5)).containsExactly(3, 1, 4);
        assertThat(TopN.recommend(model, m, 99, 2)).containsExactly(2, 0);
        assertThat(model.popularity(2)).isEqualTo(3f);
    }

    @Test
    void weightedSumsValues() {
        InteractionMatrix m = InteractionMatrix.of(2, 3, new int[] {0, 1, 1}, new int[] {0, 0, 2}, new float[] {1, 2, 10});
        MostPopularModel model = new MostPopularTrainer(MostPopularConfig.defaults().withWeighted(true)).train(m);
        float[] out = new float[3];
        model.score(0, out);
        assertThat(out).containsExactly(3f, 0f, 10f);
    }
}
