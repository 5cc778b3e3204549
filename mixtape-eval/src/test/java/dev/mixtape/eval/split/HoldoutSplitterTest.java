package dev.mixtape.eval.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.eval.data.InteractionData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldoutSplitterTest {
    private static final long SEED = 20260101L;

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        InteractionData d = SplitTestData.random(SEED, 200, 300, 40);
        Split a = new HoldoutSplitter(HoldoutConfig.of(42)).split(d);
        Split b = new HoldoutSplitter(HoldoutConfig.of(42)).split(d);
        Split c = new HoldoutSplitter(HoldoutConfig.of(43)).split(d);
        assertThat(SplitTestData.pairs(a.test(), a.users(), a.items())).isEqualTo(SplitTestData.pairs(b.test(), b.users(), b.items()));
        assertThat(SplitTestData.pairs(a.test(), a.users(), a.items())).isNotEqualTo(SplitTestData.pairs(c.test(), c.users(), c.items()));
        assertThat(a.seed()).isEqualTo(42);
        assertThat(a.protocol()).isEqualTo(HoldoutSplitter.PROTOCOL);
        assertThat(a.params()).containsEntry("test_fraction", 0.2).containsEntry("min_items", 5);
    }

    @Test
    void splitDoesNotDependOnRowOrder() {
        InteractionData d = SplitTestData.random(SEED + 1, 100, 200, 30);
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < d.size(); k++) {
            rows.add(d.users().id(d.user()[k]) + " " + d.items().id(d.item()[k]) + " " + (int) d.weight()[k]);
        }
        Collections.shuffle(rows, new Random(SEED));
        InteractionData shuffled = SplitTestData.of("random", rows);
        Split a = new HoldoutSplitter(HoldoutConfig.of(7)).split(d);
        Split b = new HoldoutSplitter(HoldoutConfig.of(7)).split(shuffled);
        assertThat(SplitTestData.pairs(b.test(), b.users(), b.items())).isEqualTo(SplitTestData.pairs(a.test(), a.users(), a.items()));
    }

    @Test
    void eachUserHoldsOutTwentyPercentAndSmallUsersStayInTraining() {
        InteractionData d = SplitTestData.random(SEED + 2, 300, 400, 60);
        Split s = new HoldoutSplitter(HoldoutConfig.of(1)).split(d);
        int smallUsers = 0;
        for (int u = 0; u < d.users().size(); u++) {
            int n = s.train().userCount(u) + s.test().userCount(u);
            int expected = n < 5 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(n * 0.2)));
            assertThat(s.test().userCount(u)).as("user %s with %d items", d.users().id(u), n).isEqualTo(expected);
            if (n < 5) {
                smallUsers++;
            }
        }
        assertThat(smallUsers).isPositive();
        // train and test are disjoint and together are every positive pair
        Set<String> train = SplitTestData.pairs(s.train(), s.users(), s.items());
        Set<String> test = SplitTestData.pairs(s.test(), s.users(), s.items());
        assertThat(Collections.disjoint(train, test)).isTrue();
        Set<String> all = new HashSet<>(train);
        all.addAll(test);
        Set<String> data = new HashSet<>();
        for (int k = 0; k < d.size(); k++) {
            data.add(d.users().id(d.user()[k]) + " " + d.items().id(d.item()[k]));
        }
        assertThat(all).isEqualTo(data);
        assertThat(s.testUsers()).hasSize((int) java.util.stream.IntStream.range(0, d.users().size())
                .filter(u -> s.test().userCount(u) > 0).count());
    }

    @Test
    void binarisesMergesRepeatsAndKeepsTheCatalog() {
        InteractionData d = SplitTestData.of("tiny", List.of(
                "a x 2", "a x 3", "a y 0", "a z -1", "a v 1", "a w 1", "a q 1", "a p 1",
                "b y 1", "b x 1", "b z 1", "b v 1"));
        Split s = new HoldoutSplitter(HoldoutConfig.of(5)).split(d);
        assertThat(s.items().size()).isEqualTo(7);            // y and z stay in the catalog
        assertThat(s.train().nnz() + s.test().nnz()).isEqualTo(9);
        int a = s.users().index("a");
        int b = s.users().index("b");
        assertThat(s.train().userCount(a) + s.test().userCount(a)).isEqualTo(5); // x (merged), v, w, q, p
        assertThat(s.test().userCount(a)).isEqualTo(1);        // round(5 × 0.2) = 1
        assertThat(s.test().userCount(b)).isZero();           // 4 < 5 positives
        float xWeight = weightOf(s, a, s.items().index("x"));
        assertThat(xWeight).isEqualTo(5f);
    }

    @Test
    void validationSplitIsCarvedFromTrainingOnly() {
        InteractionData d = SplitTestData.random(SEED + 3, 150, 200, 40);
        HoldoutSplitter splitter = new HoldoutSplitter(HoldoutConfig.of(42));
        Split outer = splitter.split(d);
        Split v = new HoldoutSplitter(HoldoutConfig.of(43)).validation(outer);
        assertThat(v.dataset()).isEqualTo("random/validation");
        assertThat(v.users().ids()).isEqualTo(outer.users().ids());
        assertThat(v.items().ids()).isEqualTo(outer.items().ids());
        Set<String> vAll = SplitTestData.pairs(v.train(), v.users(), v.items());
        vAll.addAll(SplitTestData.pairs(v.test(), v.users(), v.items()));
        assertThat(vAll).isEqualTo(SplitTestData.pairs(outer.train(), outer.users(), outer.items()));
        assertThat(Collections.disjoint(vAll, SplitTestData.pairs(outer.test(), outer.users(), outer.items()))).isTrue();
        assertThat(v.test().nnz()).isPositive();
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> new HoldoutConfig(1.0, 5, 1)).hasMessageContaining("testFraction").hasMessageContaining("1.0");
        assertThatThrownBy(() -> new HoldoutConfig(0.2, 1, 1)).hasMessageContaining("minItems").hasMessageContaining("1");
    }

    static float weightOf(Split s, int user, int item) {
        int[] ptr = s.train().userPtr();
        for (int k = ptr[user]; k < ptr[user + 1]; k++) {
            if (s.train().userItems()[k] == item) {
                return s.train().userValues()[k];
            }
        }
        ptr = s.test().userPtr();
        for (int k = ptr[user]; k < ptr[user + 1]; k++) {
            if (s.test().userItems()[k] == item) {
                return s.test().userValues()[k];
            }
        }
        return Float.NaN;
    }
}
