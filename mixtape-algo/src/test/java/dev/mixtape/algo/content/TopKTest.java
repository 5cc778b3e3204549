package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TopK} against a full sort (score descending, ties to the smaller id) on seeded random inputs. */
class TopKTest {

    record Item(int id, float score) {}

    private static final Comparator<Item> BEST_FIRST =
            Comparator.comparingDouble((Item i) -> -i.score()).thenComparingInt(Item::id);

    @Test
    void matchesFullSortOnRandomInputs() {
        long seed = new Random().nextLong();
        System.out.println("TopKTest seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            int n = rnd.nextInt(200);
            int k = 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 250);
            // few distinct scores in some rounds, so that ties are common
            int distinct = rnd.nextBoolean() ? 1 + rnd.nextInt(4) : 1_000_000;
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(rnd.nextInt(5) == 0 ? i * 7 : i); // not necessarily dense
            }
            ids = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
            Collections.shuffle(ids, rnd);
            List<Item> items = new ArrayList<>();
            TopK top = new TopK(k);
            for (int id : ids) {
                float score = distinct <= 4 ? rnd.nextInt(distinct) : (rnd.nextFloat() - 0.5f) * 10f;
                items.add(new Item(id, score));
                top.offer(id, score);
            }
            items.sort(BEST_FIRST);
            int[] expected = items.stream().limit(k).mapToInt(Item::id).toArray();
            String ctx = "round " + round + " n=" + ids.size() + " k=" + k + " seed=" + seed;
            assertThat(top.size()).as(ctx).isEqualTo(Math.min(k, ids.size()));
            assertThat(top.sortedIds()).as(ctx).containsExactly(expected);
            // sortedIds does not consume the heap
            assertThat(top.sortedIds()).as("again, " + ctx).containsExactly(expected);
            assertThat(top.size()).as(ctx).isEqualTo(Math.min(k, ids.size()));
        }
    }

    @Test
    void keepsWorkingAfterSortedIds() {
        TopK top = new TopK(2);
        top.offer(1, 0.5f);
        top.offer(2, 0.1f);
        assertThat(top.sortedIds()).containsExactly(1, 2);
        top.offer(3, 0.9f);
        top.offer(4, 0.2f);
        assertThat(top.sortedIds()).containsExactly(3, 1);
    }

    @Test
    void tiesGoToTheSmallerIdWhateverTheOrder() {
        TopK top = new TopK(3);
        for (int id : new int[] {9, 4, 7, 1, 8, 3}) {
            top.offer(id, 1f);
        }
        assertThat(top.sortedIds()).containsExactly(1, 3, 4);
    }

    @Test
    void emptyAndInvalid() {
        assertThat(new TopK(5).sortedIds()).isEmpty();
        assertThatThrownBy(() -> new TopK(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> new TopK(-3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
    }
}
