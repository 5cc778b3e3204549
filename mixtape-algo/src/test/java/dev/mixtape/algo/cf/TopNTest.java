package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TopN} against a full sort that drops the user's training items. */
class TopNTest {

    /** Scores every item by a fixed random vector per user. */
    record FixedScorer(float[][] scores) implements UserScorer {
        @Override
        public int items() {
            return scores[0].length;
        }

        @Override
        public void score(int user, float[] out) {
            System.arraycopy(scores[user], 0, out, 0, scores[user].length);
        }
    }

    @Test
    void excludesSeenItemsAndMatchesFullSort() {
        long seed = RandomData.seed("TopNTest.excludesSeenItems");
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int users = 1 + rnd.nextInt(8);
            int items = 1 + rnd.nextInt(60);
            InteractionMatrix seen = RandomData.matrix(rnd, users, items, rnd.nextDouble() * 0.5);
            float[][] scores = new float[users][items];
            for (float[] row : scores) {
                for (int i = 0; i < items; i++) {
                    row[i] = rnd.nextInt(5) == 0 ? rnd.nextInt(3) : rnd.nextFloat(); // ties now and then
                }
            }
            FixedScorer model = new FixedScorer(scores);
            int n = rnd.nextInt(items + 5);
            for (int u = 0; u < users; u++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < items; i++) {
                    expected.add(i);
                }
                for (int k = seen.userPtr()[u]; k < seen.userPtr()[u + 1]; k++) {
                    expected.remove(Integer.valueOf(seen.userItems()[k]));
                }
                int user = u;
                expected.sort((a, b) -> scores[user][a] != scores[user][b]
                        ? Float.compare(scores[user][b], scores[user][a]) : Integer.compare(a, b));
                int[] want = expected.stream().limit(n).mapToInt(Integer::intValue).toArray();
                assertThat(TopN.recommend(model, seen, u, n)).as("round " + round + " user " + u + " seed=" + seed)
                        .containsExactly(want);
            }
        }
    }

    @Test
    void zeroItemsForNZeroAndRejectsNegativeN() {
        FixedScorer model = new FixedScorer(new float[][] {{1, 2, 3}});
        InteractionMatrix none = InteractionMatrix.of(1, 3, new int[0], new int[0], new float[0]);
        assertThat(TopN.recommend(model, none, 0, 0)).isEmpty();
        assertThat(TopN.recommend(model, none, 0, 10)).containsExactly(2, 1, 0);
        assertThatThrownBy(() -> TopN.recommend(model, none, 0, -1)).hasMessageContaining("-1");
    }

    @Test
    void neverReturnsUnscorableItems() {
        FixedScorer model = new FixedScorer(new float[][] {{Float.NEGATIVE_INFINITY, Float.NaN, 0.5f, -1f}});
        InteractionMatrix none = InteractionMatrix.of(1, 4, new int[0], new int[0], new float[0]);
        assertThat(TopN.recommend(model, none, 0, 4)).containsExactly(2, 3);
    }
}
