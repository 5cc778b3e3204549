package dev.mixtape.eval.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.Trainer;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.split.HoldoutConfig;
import dev.mixtape.eval.split.HoldoutSplitter;
import dev.mixtape.eval.split.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TuningTest {
    @Test
    void paramSpacePointsAndGrid() {
        ParamSpace space = ParamSpace.builder().add("a", 1, 2).add("b", "x", "y", "z").build();
        assertThat(space.size()).isEqualTo(6);
        assertThat(space.point(0)).containsExactly(Map.entry("a", 1), Map.entry("b", "x"));
        assertThat(space.point(4)).containsExactly(Map.entry("a", 2), Map.entry("b", "y"));
        assertThat(new GridSearch().candidates(space)).hasSize(6).doesNotHaveDuplicates();
        assertThatThrownBy(() -> ParamSpace.builder().add("a").build()).hasMessageContaining("'a' has no values");
    }

    @Test
    void randomSearchIsSeededAndDistinct() {
        ParamSpace space = ParamSpace.builder().add("a", 1, 2, 3, 4, 5).add("b", 1, 2, 3, 4, 5).build();
        List<Map<String, Object>> x = new RandomSearch(7, 42).candidates(space);
        assertThat(x).hasSize(7).doesNotHaveDuplicates().isEqualTo(new RandomSearch(7, 42).candidates(space));
        assertThat(x).isNotEqualTo(new RandomSearch(7, 43).candidates(space));
        assertThat(new RandomSearch(100, 1).candidates(space)).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void tunerPicksTheBestPointOnTheValidationSplit() {
        Split outer = new HoldoutSplitter(HoldoutConfig.of(42)).split(randomData(7));
        Split validation = new HoldoutSplitter(HoldoutConfig.of(43)).validation(outer);
        Tuner tuner = new Tuner(validation, "ndcg@10", 1);
        ParamSpace space = ParamSpace.builder().add("direction", "popular", "unpopular", "broken").build();
        List<Trial> heard = new ArrayList<>();
        TuningResult r = tuner.tune("pop", space, new GridSearch(), params -> popularity((String) params.get("direction")), heard::add);
        assertThat(r.metric()).isEqualTo("ndcg@10");
        assertThat(r.bestParams()).containsEntry("direction", "popular");
        assertThat(r.trials()).hasSize(3).isEqualTo(heard);
        assertThat(r.trials().get(2).failed()).isTrue();
        assertThat(r.trials().get(2).error()).contains("broken");
        assertThat(r.bestValue()).isGreaterThan(r.trials().get(1).value());
        // training saw the validation split's training side only
        assertThat(r.trials().get(0).result().users()).isEqualTo(validation.testUsers().length);
    }

    @Test
    void tunerNeedsAUsableTrial() {
        Split s = new HoldoutSplitter(HoldoutConfig.of(1)).split(randomData(8));
        Tuner tuner = new Tuner(s, "recall@5", 0);
        ParamSpace space = ParamSpace.builder().add("direction", "broken").build();
        assertThatThrownBy(() -> tuner.tune("x", space, new GridSearch(), p -> popularity("broken"), t -> {}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown direction");
    }

    static Trainer<UserScorer> popularity(String direction) {
        if (!direction.equals("popular") && !direction.equals("unpopular")) {
            throw new IllegalArgumentException("unknown direction '" + direction + "'");
        }
        float sign = direction.equals("popular") ? 1 : -1;
        return (InteractionMatrix train) -> new UserScorer() {
            @Override
            public int items() {
                return train.items();
            }

            @Override
            public void score(int user, float[] out) {
                for (int i = 0; i < train.items(); i++) {
                    out[i] = sign * train.itemCount(i);
                }
            }
        };
    }

    /** Skewed random data: low item indices are far more popular. */
    static InteractionData randomData(long seed) {
        Random r = new Random(seed);
        int users = 120;
        int items = 80;
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Set<Integer> chosen = new HashSet<>();
            int n = 5 + r.nextInt(15);
            while (chosen.size() < n) {
                chosen.add((int) (items * Math.pow(r.nextDouble(), 3)));
            }
            chosen.forEach(i -> pairs.add(new int[] {pairs.size(), i}));
            for (int k = pairs.size() - n; k < pairs.size(); k++) {
                pairs.get(k)[0] = u;
            }
        }
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add("u" + u);
        }
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        int[] us = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] is = pairs.stream().mapToInt(p -> p[1]).toArray();
        float[] ws = new float[us.length];
        java.util.Arrays.fill(ws, 1f);
        return new InteractionData("skewed", IdIndex.of(userIds), IdIndex.of(itemIds), us, is, ws, null, null);
    }
}
