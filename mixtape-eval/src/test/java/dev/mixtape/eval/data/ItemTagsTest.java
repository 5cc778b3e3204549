package dev.mixtape.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemTagsTest {
    @Test
    void jaccardDistanceByHand() {
        ItemTags t = new ItemTags(new int[][] {{1, 2, 3}, {3, 2, 2, 4}, null, {9}});
        assertThat(t.tags(1)).containsExactly(2, 3, 4);
        // {1,2,3} vs {2,3,4}: 2 common of 4 → distance 0.5
        assertThat(t.jaccardDistance(0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(t.jaccardDistance(0, 0)).isZero();
        assertThat(t.jaccardDistance(0, 3)).isEqualTo(1.0);
        assertThat(t.jaccardDistance(0, 2)).isNaN();
        assertThat(t.taggedItems()).isEqualTo(3);
    }

    @Test
    void realignsToAnotherItemTable() {
        IdIndex from = IdIndex.of(List.of("a", "b"));
        IdIndex to = IdIndex.of(List.of("b", "c", "a"));
        ItemTags t = new ItemTags(new int[][] {{1}, {2}}).realign(from, to);
        assertThat(t.tags(0)).containsExactly(2);
        assertThat(t.tags(1)).isEmpty();
        assertThat(t.tags(2)).containsExactly(1);
    }
}
