package dev.mixtape.peers;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.split.Split;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastUserIndex;
import es.uam.eps.ir.ranksys.fast.preference.SimpleFastPreferenceData;
import es.uam.eps.ir.ranksys.mf.Factorization;
import es.uam.eps.ir.ranksys.mf.als.HKVFactorizer;
import es.uam.eps.ir.ranksys.nn.item.ItemNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.CachedItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.ItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.TopKItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.sim.ItemSimilarity;
import es.uam.eps.ir.ranksys.nn.item.sim.VectorCosineItemSimilarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jooq.lambda.tuple.Tuple3;

/**
 * RankSys 0.4.3 (Vargas, Castells): {@code ranksys-hkv}, the Hu–Koren–Volinsky implicit ALS of
 * RankSys-mf ({@link HKVFactorizer}, exact LU solves, confidence {@code 1 + α·r}), and
 * {@code ranksys-itemknn}, item-based neighbourhood of RankSys-nn (asymmetric vector cosine,
 * top-k neighbours, similarity exponent q). Both get binarised training data (r = 1), as our iALS does.
 * The user and item indices are the split's own (external ids in dense-index order).
 */
public final class RankSysPeers {
    private RankSysPeers() {}

    public static List<Peer> all() {
        return List.of(new Hkv(), new ItemKnn());
    }

    /** The split's training side as RankSys preference data, with the split's dense indices. */
    static SimpleFastPreferenceData<Integer, Integer> data(InteractionMatrix train) {
        SimpleFastUserIndex<Integer> users = SimpleFastUserIndex.load(IntStream.range(0, train.users()).boxed());
        SimpleFastItemIndex<Integer> items = SimpleFastItemIndex.load(IntStream.range(0, train.items()).boxed());
        List<Tuple3<Integer, Integer, Double>> rows = new ArrayList<>(train.nnz());
        int[] ptr = train.userPtr();
        int[] its = train.userItems();
        for (int u = 0; u < train.users(); u++) {
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                rows.add(new Tuple3<>(u, its[k], 1.0));
            }
        }
        return SimpleFastPreferenceData.load(rows.stream(), users, items);
    }

    static double doubleParam(Map<String, Object> p, String name, double def) {
        Object v = p.get(name);
        return v == null ? def : ((Number) v).doubleValue();
    }

    static int intParam(Map<String, Object> p, String name, int def) {
        Object v = p.get(name);
        return v == null ? def : ((Number) v).intValue();
    }

    /** RankSys-mf HKVFactorizer, 64 factors and 15 iterations as our iALS; λ and α tuned. */
    static final class Hkv implements Peer {
        @Override
        public String name() {
            return "ranksys-hkv";
        }

        @Override
        public Map<String, List<?>> space() {
            return Map.of("lambda", List.of(1.0, 10.0, 50.0, 100.0, 300.0), "alpha", List.of(5.0, 10.0, 20.0, 40.0));
        }

        @Override
        public PeerRun run(Split split, Map<String, Object> params, int n) {
            int factors = intParam(params, "factors", 64);
            int iterations = intParam(params, "iterations", 15);
            double lambda = doubleParam(params, "lambda", 50.0);
            double alpha = doubleParam(params, "alpha", 10.0);
            long seed = (long) doubleParam(params, "seed", 42);
            long t0 = System.nanoTime();
            SimpleFastPreferenceData<Integer, Integer> data = data(split.train());
            // RankSys draws the initial factors with Math.random(); the same init (uniform · sqrt(1/K)), seeded here.
            SplittableRandom rnd = new SplittableRandom(seed);
            double scale = Math.sqrt(1.0 / factors);
            Factorization<Integer, Integer> f = new Factorization<>(data, data, factors, x -> scale * rnd.nextDouble());
            new HKVFactorizer<Integer, Integer>(lambda, r -> 1 + alpha * r, iterations).factorize(f, data);
            long trainMs = (System.nanoTime() - t0) / 1_000_000;
            DoubleMatrix2D q = f.getItemMatrix();
            DoubleMatrix2D p = f.getUserMatrix();
            int[][] lists = Rankings.topN(split, user -> {
                DoubleMatrix1D s = q.zMult(p.viewRow(user), null);
                return s.toArray();
            }, n, true);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("factors", factors);
            config.put("iterations", iterations);
            config.put("lambda", lambda);
            config.put("alpha", alpha);
            config.put("input", "binarised");
            return new PeerRun(lists, trainMs, config);
        }
    }

    /** RankSys-nn item-kNN: VectorCosineItemSimilarity(alpha), TopKItemNeighborhood(k) cached, exponent q. */
    static final class ItemKnn implements Peer {
        @Override
        public String name() {
            return "ranksys-itemknn";
        }

        @Override
        public Map<String, List<?>> space() {
            return Map.of("neighbours", List.of(50, 100, 200, 400), "q", List.of(1, 2, 3), "alpha", List.of(0.3, 0.5, 0.7));
        }

        @Override
        public PeerRun run(Split split, Map<String, Object> params, int n) {
            int k = intParam(params, "neighbours", 100);
            int q = intParam(params, "q", 1);
            double alpha = doubleParam(params, "alpha", 0.5);
            long t0 = System.nanoTime();
            SimpleFastPreferenceData<Integer, Integer> data = data(split.train());
            ItemSimilarity<Integer> sim = new VectorCosineItemSimilarity<>(data, alpha, true);
            ItemNeighborhood<Integer> hood = new CachedItemNeighborhood<>(new TopKItemNeighborhood<>(sim, k));
            ItemNeighborhoodRecommender<Integer, Integer> rec = new ItemNeighborhoodRecommender<>(data, hood, q);
            long trainMs = (System.nanoTime() - t0) / 1_000_000;
            int items = split.items().size();
            int[][] lists = Rankings.topN(split, user -> {
                double[] s = new double[items];
                java.util.Arrays.fill(s, Double.NEGATIVE_INFINITY); // items with no score are not ranked by RankSys
                rec.getScoresMap(user).int2DoubleEntrySet().forEach(e -> s[e.getIntKey()] = e.getDoubleValue());
                return s;
            }, n, true);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("neighbours", k);
            config.put("q", q);
            config.put("alpha", alpha);
            config.put("similarity", "VectorCosineItemSimilarity(dense)");
            config.put("input", "binarised");
            return new PeerRun(lists, trainMs, config);
        }
    }
}
