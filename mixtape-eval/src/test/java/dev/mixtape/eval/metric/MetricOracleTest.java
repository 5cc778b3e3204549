package dev.mixtape.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.ItemTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Every catalog metric, accumulated in parallel through {@link MetricSet}, against a slow obvious
 * re-implementation over {@code Set}s on random data (the seed is printed).
 */
class MetricOracleTest {
    private static final int[] CUTOFFS = {1, 5, 10};

    @RepeatedTest(5)
    void parallelMetricsMatchNaiveDefinitions() {
        long seed = System.nanoTime();
        System.out.println("MetricOracleTest seed " + seed);
        Random r = new Random(seed);
        int users = 60 + r.nextInt(60);
        int items = 30 + r.nextInt(40);
        List<Set<Integer>> train = new ArrayList<>();
        List<Set<Integer>> test = new ArrayList<>();
        int[][] trainRows = new int[users][];
        int[][] testRows = new int[users][];
        int[][] rankings = new int[users][];
        for (int u = 0; u < users; u++) {
            Set<Integer> tr = randomSet(r, items, r.nextInt(8));
            Set<Integer> te = new HashSet<>(randomSet(r, items, r.nextInt(6)));
            te.removeAll(tr);
            train.add(tr);
            test.add(te);
            trainRows[u] = tr.stream().mapToInt(Integer::intValue).toArray();
            testRows[u] = te.stream().mapToInt(Integer::intValue).toArray();
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                if (!tr.contains(i)) {
                    candidates.add(i);
                }
            }
            java.util.Collections.shuffle(candidates, r);
            rankings[u] = candidates.subList(0, Math.min(candidates.size(), r.nextInt(16))).stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] tagRows = new int[items][];
        for (int i = 0; i < items; i++) {
            tagRows[i] = r.nextInt(4) == 0 ? null : randomSet(r, 12, 1 + r.nextInt(4)).stream().mapToInt(Integer::intValue).toArray();
        }
        ItemTags tags = new ItemTags(tagRows);
        InteractionMatrix trainM = Matrices.of(items, trainRows);
        InteractionMatrix testM = Matrices.of(items, testRows);
        MetricSet set = new MetricSet(new MetricCatalog(trainM, testM, tags).standard(List.of(1, 5, 10)));
        int[] testUsers = IntStream.range(0, users).filter(u -> !test.get(u).isEmpty()).toArray();
        MetricSet result = IntStream.of(testUsers).parallel()
                .collect(set::fresh, (s, u) -> s.add(u, rankings[u]), MetricSet::combine);
        Map<String, Double> got = result.values();

        for (int k : CUTOFFS) {
            double[] sums = new double[10];
            int[] counts = new int[10];
            Set<Integer> covered = new HashSet<>();
            long[] recCounts = new long[items];
            for (int u : testUsers) {
                List<Integer> top = new ArrayList<>();
                for (int i = 0; i < Math.min(k, rankings[u].length); i++) {
                    top.add(rankings[u][i]);
                }
                Set<Integer> rel = test.get(u);
                covered.addAll(top);
                top.forEach(i -> recCounts[i]++);
                double hits = top.stream().filter(rel::contains).count();
                add(sums, counts, 0, hits / k);
                add(sums, counts, 1, hits / Math.min(k, rel.size()));
                double dcg = 0;
                double ideal = 0;
                double ap = 0;
                double rr = 0;
                int seen = 0;
                for (int i = 0; i < top.size(); i++) {
                    if (rel.contains(top.get(i))) {
                        dcg += 1 / log2(i + 2);
                        seen++;
                        ap += seen / (double) (i + 1);
                        rr = rr == 0 ? 1.0 / (i + 1) : rr;
                    }
                }
                for (int i = 0; i < Math.min(k, rel.size()); i++) {
                    ideal += 1 / log2(i + 2);
                }
                add(sums, counts, 2, dcg / ideal);
                add(sums, counts, 3, ap / Math.min(k, rel.size()));
                add(sums, counts, 4, rr);
                add(sums, counts, 5, hits > 0 ? 1 : 0);
                int active = (int) train.stream().filter(s -> !s.isEmpty()).count();
                add(sums, counts, 6, top.isEmpty() ? 0 : top.stream()
                        .mapToDouble(i -> 1 - train.stream().filter(s -> s.contains(i)).count() / (double) active).average().orElse(0));
                double ildSum = 0;
                int pairs = 0;
                for (int a = 0; a < top.size(); a++) {
                    for (int b = a + 1; b < top.size(); b++) {
                        Set<Integer> ta = asSet(tags.tags(top.get(a)));
                        Set<Integer> tb = asSet(tags.tags(top.get(b)));
                        if (!ta.isEmpty() && !tb.isEmpty()) {
                            Set<Integer> inter = new HashSet<>(ta);
                            inter.retainAll(tb);
                            Set<Integer> union = new HashSet<>(ta);
                            union.addAll(tb);
                            ildSum += 1 - inter.size() / (double) union.size();
                            pairs++;
                        }
                    }
                }
                add(sums, counts, 7, pairs == 0 ? Double.NaN : ildSum / pairs);
                List<Integer> pm = IntStream.range(0, items).boxed()
                        .filter(i -> !train.get(u).contains(i))
                        .sorted(Comparator.comparingLong((Integer i) -> -train.stream().filter(s -> s.contains(i)).count())
                                .thenComparing(i -> i))
                        .limit(k).toList();
                long unexpected = top.stream().filter(i -> !pm.contains(i)).count();
                long serendipitous = top.stream().filter(i -> !pm.contains(i) && rel.contains(i)).count();
                add(sums, counts, 8, top.isEmpty() ? 0 : unexpected / (double) top.size());
                add(sums, counts, 9, top.isEmpty() ? 0 : serendipitous / (double) top.size());
            }
            String[] names = {"precision", "recall", "ndcg", "map", "mrr", "hitrate", "epc", "ild", "unexpectedness", "serendipity"};
            for (int m = 0; m < names.length; m++) {
                double expected = counts[m] == 0 ? Double.NaN : sums[m] / counts[m];
                assertThat(got.get(names[m] + "@" + k)).as("%s@%d (seed %d)", names[m], k, seed).isCloseTo(expected, within(1e-9));
            }
            assertThat(got.get("coverage@" + k)).as("coverage@%d (seed %d)", k, seed).isCloseTo(covered.size() / (double) items, within(1e-12));
            double pairDiff = 0;
            double total = 0;
            for (long a : recCounts) {
                total += a;
                for (long b : recCounts) {
                    pairDiff += Math.abs(a - b);
                }
            }
            double gini = pairDiff / (2.0 * items * total) * items / (items - 1);
            assertThat(got.get("gini@" + k)).as("gini@%d (seed %d)", k, seed).isCloseTo(gini, within(1e-9));
        }
    }

    private static void add(double[] sums, int[] counts, int m, double v) {
        if (!Double.isNaN(v)) {
            sums[m] += v;
            counts[m]++;
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Set<Integer> randomSet(Random r, int bound, int size) {
        Set<Integer> s = new HashSet<>();
        while (s.size() < Math.min(size, bound)) {
            s.add(r.nextInt(bound));
        }
        return s;
    }

    private static Set<Integer> asSet(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int x : a) {
            s.add(x);
        }
        return s;
    }
}
