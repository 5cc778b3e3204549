package dev.mixtape.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.MalformedLine;
import dev.mixtape.eval.metric.SystemMetric;
import dev.mixtape.eval.split.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @TempDir
    Path dir;

    /** 3 users × 5 items; u0 trains on i0 and is tested on i1, i3; u1 trains on i1, tested on i0; u2 only trains. */
    static Split tinySplit() {
        IdIndex users = IdIndex.of(List.of("u0", "u1", "u2"));
        IdIndex items = IdIndex.of(List.of("i0", "i1", "i2", "i3", "i4"));
        InteractionMatrix train = InteractionMatrix.of(3, 5, new int[] {0, 1, 2}, new int[] {0, 1, 4}, new float[] {1, 1, 1});
        InteractionMatrix test = InteractionMatrix.of(3, 5, new int[] {0, 0, 1}, new int[] {1, 3, 0}, new float[] {1, 1, 1});
        return new Split("tiny", "manual", 0, Map.of(), users, items, train, null, test, null);
    }

    /** Prefers lower item indices: i0 > i1 > … */
    static final UserScorer LOW_FIRST = new UserScorer() {
        @Override
        public int items() {
            return 5;
        }

        @Override
        public void score(int user, float[] out) {
            for (int i = 0; i < 5; i++) {
                out[i] = 5 - i;
            }
        }
    };

    @Test
    void scoresAFixedScorerByHand() {
        Evaluator ev = Evaluator.standard(tinySplit(), null, List.of(2));
        ModelResult r = ev.evaluate("low-first", Map.of("p", 1), LOW_FIRST, 12, ProgressListener.NONE);
        // u0 gets [i1, i2] (i0 is training): one hit of 2 relevant; u1 gets [i0, i2]: its one relevant item first
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.trainMs()).isEqualTo(12);
        assertThat(r.evalMs()).isNotNegative();
        assertThat(r.params()).containsEntry("p", 1);
        assertThat(r.metric("precision@2")).isCloseTo(0.5, within(EPS));
        assertThat(r.metric("recall@2")).isCloseTo((0.5 + 1) / 2, within(EPS));
        assertThat(r.metric("ndcg@2")).isCloseTo((1 / (1 + 1 / LOG2_3) + 1) / 2, within(EPS));
        assertThat(r.metric("hitrate@2")).isCloseTo(1, within(EPS));
        assertThat(r.metric("mrr@2")).isCloseTo(1, within(EPS));
        assertThat(r.metric("coverage@2")).isCloseTo(3 / 5.0, within(EPS));
        assertThat(r.metrics()).doesNotContainKey("ild@2");
        assertThatThrownBy(() -> r.metric("ndcg@3")).hasMessageContaining("no metric 'ndcg@3'");
    }

    @Test
    void fullRankingLeavesOutTrainingItemsOnWorkerThreads() {
        Split split = tinySplit();
        Map<Integer, int[]> seen = new ConcurrentHashMap<>();
        Evaluator ev = new Evaluator(split, List.of(new Recorder(seen)), 4, 2);
        ModelResult r = ev.evaluate("low-first", Map.of(), LOW_FIRST, 0, null);
        assertThat(r.metrics()).containsKey("recorder");
        assertThat(seen).containsOnlyKeys(0, 1);     // only users with test items
        assertThat(seen.get(0)).containsExactly(1, 2, 3, 4);
        assertThat(seen.get(1)).containsExactly(0, 2, 3, 4);
    }

    @Test
    void reportsProgressUpToTheTotal() {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        Evaluator.standard(tinySplit(), null, List.of(1)).withThreads(1)
                .evaluate("x", Map.of(), LOW_FIRST, 0, (done, total) -> calls.add(new int[] {done, total}));
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(2, 2);
        assertThat(calls).allSatisfy(c -> assertThat(c[0]).isBetween(1, c[1]));
    }

    @Test
    void trainsTimedThenEvaluates() {
        Evaluator ev = Evaluator.standard(tinySplit(), null, List.of(2));
        ModelResult r = ev.trainAndEvaluate("trained", Map.of(), train -> {
            assertThat(train.nnz()).isEqualTo(3);
            return LOW_FIRST;
        }, ProgressListener.NONE);
        assertThat(r.trainMs()).isNotNegative();
        assertThat(r.metric("recall@2")).isCloseTo(0.75, within(EPS));
    }

    @Test
    void rejectsAScorerOfAnotherWidth() {
        UserScorer narrow = new UserScorer() {
            @Override
            public int items() {
                return 4;
            }

            @Override
            public void score(int user, float[] out) {}
        };
        assertThatThrownBy(() -> Evaluator.standard(tinySplit(), null, List.of(2)).evaluate("n", Map.of(), narrow, 0, null))
                .hasMessageContaining("scores 4 items, the split has 5");
    }

    @Test
    void precomputedListsScoreLikeTheScorer() throws IOException {
        Split split = tinySplit();
        Path file = Files.writeString(dir.resolve("recs.tsv"), String.join("\n",
                "user\titem\trank",
                "u0\ti0\t1",          // a training item: dropped before scoring
                "u0\ti2\t3",
                "u0\ti1\t2",
                "u1\ti0\t1",
                "u1\ti2\t2",
                "u1\ti2\t5",          // line 7: repeated item
                "u9\ti1\t1",          // line 8: unknown user
                "u1\ti3\tfirst",      // line 9: bad rank
                "u1\ti7\t3",          // line 10: unknown item
                "u2\ti0\t1") + "\n");
        RecommendationLists lists = RecommendationLists.read(file, split.users(), split.items());
        assertThat(lists.problems().lines()).extracting(MalformedLine::line).containsExactlyInAnyOrder(7L, 8L, 9L, 10L);
        assertThat(lists.list(0)).containsExactly(0, 1, 2);
        Evaluator ev = Evaluator.standard(split, null, List.of(2));
        ModelResult fromLists = ev.evaluate("peer", Map.of(), lists, 99, ProgressListener.NONE);
        ModelResult fromScorer = ev.evaluate("peer", Map.of(), LOW_FIRST, 99, ProgressListener.NONE);
        assertThat(fromLists.metrics()).isEqualTo(fromScorer.metrics());
        assertThat(fromLists.trainMs()).isEqualTo(99);

        Path out = dir.resolve("out.tsv");
        lists.write(out, split.users(), split.items());
        assertThat(Files.readAllLines(out)).startsWith("user\titem\trank", "u0\ti0\t1", "u0\ti1\t2", "u0\ti2\t3");
        assertThat(RecommendationLists.read(out, split.users(), split.items()).list(1)).containsExactly(lists.list(1));
    }

    /** Records each user's ranking; its value is the number of users. */
    private static final class Recorder implements SystemMetric {
        private final Map<Integer, int[]> seen;
        private int users;

        Recorder(Map<Integer, int[]> seen) {
            this.seen = seen;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void add(int user, int[] ranking) {
            seen.put(user, ranking.clone());
            users++;
        }

        @Override
        public void combine(SystemMetric other) {
            users += ((Recorder) other).users;
        }

        @Override
        public double value() {
            return users;
        }

        @Override
        public SystemMetric fresh() {
            return new Recorder(seen);
        }
    }
}
