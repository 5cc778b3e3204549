package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.core.Attribute;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Filter} against a naive double-precision filter over the tracks as created. */
class FilterTest {

    @Test
    void matchesNaiveFilterAndCloseness() {
        long seed = new Random().nextLong();
        System.out.println("FilterTest seed=" + seed);
        Random rnd = new Random(seed);
        SyntheticCatalog sc = new SyntheticCatalog(rnd.nextLong(), 300, 20, 6);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < 300; round++) {
            double[] min = fill(Double.NEGATIVE_INFINITY);
            double[] max = fill(Double.POSITIVE_INFINITY);
            double[] target = fill(Double.NaN);
            for (Attribute a : Attribute.values()) {
                switch (rnd.nextInt(6)) {
                    case 0 -> min[a.ordinal()] = sc.randomBound(rnd, a);
                    case 1 -> max[a.ordinal()] = sc.randomBound(rnd, a);
                    case 2 -> {
                        double x = sc.randomBound(rnd, a);
                        double y = sc.randomBound(rnd, a);
                        min[a.ordinal()] = Math.min(x, y);
                        max[a.ordinal()] = Math.max(x, y);
                    }
                    default -> { }
                }
                if (rnd.nextInt(4) == 0) {
                    target[a.ordinal()] = a.min() + rnd.nextDouble() * (a.max() - a.min());
                }
            }
            SeedQuery q = new SeedQuery(List.of("t1"), List.of(), List.of(), 20, min, max, target, 3);
            Filter f = new Filter(q, new FeatureSpace(sc.catalog));
            for (int t = 0; t < sc.catalog.size(); t++) {
                boolean naive = true;
                double dist = 0;
                int targets = 0;
                for (Attribute a : Attribute.values()) {
                    double v = sc.value(a, t);
                    int i = a.ordinal();
                    naive &= v >= min[i] && v <= max[i];
                    if (!Double.isNaN(target[i])) {
                        dist += Math.min(1, Math.abs(v - target[i]) / a.scale());
                        targets++;
                    }
                }
                String ctx = "round " + round + " track " + t + " seed " + seed;
                assertThat(f.accepts(t)).as(ctx).isEqualTo(naive);
                assertThat((double) f.closeness(t)).as(ctx).isCloseTo(targets == 0 ? 1 : 1 - dist / targets, within(1e-4));
                if (naive) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        // the random bounds exercised both outcomes
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    @Test
    void boundEqualToAStoredValueAdmitsIt() {
        SyntheticCatalog sc = new SyntheticCatalog(7, 50, 5, 3);
        for (Attribute a : Attribute.values()) {
            for (int t = 0; t < sc.catalog.size(); t++) {
                double v = sc.value(a, t);
                double[] min = fill(Double.NEGATIVE_INFINITY);
                double[] max = fill(Double.POSITIVE_INFINITY);
                min[a.ordinal()] = v;
                max[a.ordinal()] = v;
                Filter f = new Filter(new SeedQuery(List.of("x"), List.of(), List.of(), 1, min, max, null, 3), new FeatureSpace(sc.catalog));
                assertThat(f.accepts(t)).as("%s = %s", a.wireName(), v).isTrue();
            }
        }
    }

    @Test
    void noBoundsAcceptEverythingAndNoTargetsMeanClosenessOne() {
        SyntheticCatalog sc = new SyntheticCatalog(3, 40, 5, 3);
        Filter f = new Filter(SeedQuery.of(List.of("x"), List.of(), List.of(), 1), new FeatureSpace(sc.catalog));
        for (int t = 0; t < sc.catalog.size(); t++) {
            assertThat(f.accepts(t)).isTrue();
            assertThat(f.closeness(t)).isEqualTo(1f);
        }
    }

    private static double[] fill(double v) {
        double[] a = new double[Attribute.count()];
        Arrays.fill(a, v);
        return a;
    }
}
