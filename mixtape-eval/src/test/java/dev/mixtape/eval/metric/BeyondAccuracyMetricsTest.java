package dev.mixtape.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.ItemTags;
import org.junit.jupiter.api.Test;

/** Coverage, Gini, EPC, ILD, unexpectedness and serendipity against values worked out by hand. */
class BeyondAccuracyMetricsTest {
    private static final double EPS = 1e-12;

    // training popularity over 6 items: item 0 by 4 users, item 1 by 2, item 2 by 1; user 4 has nothing
    private final InteractionMatrix train = Matrices.of(6,
            new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 1}, new int[] {0}, new int[] {});

    @Test
    void catalogCoverage() {
        CatalogCoverage c = new CatalogCoverage(3, 10);
        c.add(0, new int[] {3, 2, 1, 7, 5});
        CatalogCoverage d = c.fresh();
        d.add(1, new int[] {4, 0});
        d.add(2, new int[] {3});
        c.combine(d);
        assertThat(c.value()).isCloseTo(5.0 / 10, within(EPS)); // {3, 2, 1} ∪ {4, 0}
        assertThat(c.name()).isEqualTo("coverage@3");
    }

    @Test
    void giniIndex() {
        GiniIndex g = new GiniIndex(2, 4);
        g.add(0, new int[] {0, 1, 3});  // 3 is past the cutoff
        g.add(1, new int[] {0, 2});
        // counts [2, 1, 1, 0] → sorted [0, 1, 1, 2]: Σ(2j − n − 1)c = 6, / ((n − 1) Σc = 12)
        assertThat(g.value()).isCloseTo(0.5, within(EPS));
        GiniIndex equal = new GiniIndex(2, 2);
        equal.add(0, new int[] {0, 1});
        assertThat(equal.value()).isCloseTo(0, within(EPS));
        GiniIndex one = new GiniIndex(1, 3);
        one.add(0, new int[] {2});
        one.add(1, new int[] {2});
        assertThat(one.value()).isCloseTo(1, within(EPS));
        assertThat(new GiniIndex(1, 3).value()).isNaN();
        assertThat(g.higherIsBetter()).isFalse();
    }

    @Test
    void expectedPopularityComplement() {
        ItemPopularity pop = new ItemPopularity(train);
        assertThat(pop.activeUsers()).isEqualTo(4);
        ExpectedPopularityComplement epc = new ExpectedPopularityComplement(2, pop);
        // (1 − 4/4 + 1 − 2/4) / 2
        assertThat(epc.evaluate(4, new int[] {0, 1, 5})).isCloseTo(0.25, within(EPS));
        assertThat(epc.evaluate(4, new int[] {5})).isCloseTo(1.0, within(EPS));
        assertThat(epc.evaluate(4, new int[0])).isZero();
    }

    @Test
    void intraListDiversityOverTags() {
        ItemTags tags = new ItemTags(new int[][] {{1, 2}, {2, 3}, null, {4}});
        IntraListDiversity ild4 = new IntraListDiversity(4, tags);
        // pairs with tags: (0,1) 1 − 1/3, (0,3) 1, (1,3) 1; pairs with item 2 are unknown and left out
        assertThat(ild4.evaluate(0, new int[] {0, 1, 2, 3})).isCloseTo((2.0 / 3 + 1 + 1) / 3, within(EPS));
        assertThat(new IntraListDiversity(2, tags).evaluate(0, new int[] {0, 1, 3})).isCloseTo(2.0 / 3, within(EPS));
        assertThat(ild4.evaluate(0, new int[] {2, 0})).isNaN();
        assertThat(ild4.evaluate(0, new int[] {0})).isNaN();
    }

    @Test
    void popularityBaselineLeavesOutTrainingItems() {
        PopularityBaseline pm = new PopularityBaseline(train);
        assertThat(pm.top(4, 3)).containsExactly(0, 1, 2);
        assertThat(pm.top(0, 3)).containsExactly(2, 3, 4);  // 0, 1 in training; ties 3, 4, 5 by index
        assertThat(pm.top(3, 2)).containsExactly(1, 2);
        assertThat(pm.top(3, 10)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void unexpectednessAndSerendipityAgainstMostPopular() {
        PopularityBaseline pm = new PopularityBaseline(train);
        // user 3: most-popular list at k = 2 is [1, 2]; relevant {4, 2}
        BinaryRelevance rel = new BinaryRelevance(Matrices.of(6,
                new int[] {}, new int[] {}, new int[] {}, new int[] {2, 4}, new int[] {}));
        Unexpectedness unexp = new Unexpectedness(2, pm);
        Serendipity ser = new Serendipity(2, pm, rel);
        assertThat(unexp.evaluate(3, new int[] {1, 4})).isCloseTo(0.5, within(EPS));
        assertThat(ser.evaluate(3, new int[] {1, 4})).isCloseTo(0.5, within(EPS));     // 4 is relevant and unexpected
        assertThat(unexp.evaluate(3, new int[] {2, 5})).isCloseTo(0.5, within(EPS));
        assertThat(ser.evaluate(3, new int[] {2, 5})).isZero();                          // 2 relevant but expected; 5 not relevant
        assertThat(unexp.evaluate(3, new int[] {4, 5, 1})).isCloseTo(1.0, within(EPS));   // cut at k = 2
        assertThat(ser.evaluate(3, new int[] {4})).isCloseTo(1.0, within(EPS));            // divided by the list's length
        assertThat(unexp.evaluate(3, new int[0])).isZero();
    }
}
