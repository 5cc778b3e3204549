package dev.mixtape.peers;

import com.google.common.collect.BiMap;
import com.google.common.collect.HashBasedTable;
import com.google.common.collect.HashBiMap;
import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import com.google.common.collect.Table;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.split.Split;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.librec.common.LibrecException;
import net.librec.conf.Configuration;
import net.librec.data.DataAppender;
import net.librec.data.DataContext;
import net.librec.data.DataConvertor;
import net.librec.data.DataModel;
import net.librec.data.DataSplitter;
import net.librec.math.algorithm.Randoms;
import net.librec.math.structure.DataSet;
import net.librec.math.structure.SparseMatrix;
import net.librec.math.structure.SymmAccess;
import net.librec.math.structure.SymmMatrix;
import net.librec.recommender.AbstractRecommender;
import net.librec.recommender.LibrecAccess;
import net.librec.recommender.RecommenderContext;
import net.librec.recommender.cf.ItemKNNRecommender;
import net.librec.recommender.cf.ranking.BPRRecommender;
import net.librec.recommender.cf.ranking.EALSRecommender;
import net.librec.recommender.cf.ranking.SLIMRecommender;
import net.librec.recommender.cf.ranking.WRMFRecommender;
import net.librec.similarity.CosineSimilarity;

/**
 * LibRec 2.0.0 (Guo et al.) recommenders on our split: {@code librec-itemknn}, {@code librec-wrmf},
 * {@code librec-bpr}, {@code librec-eals}, {@code librec-slim}. The training side goes in as
 * LibRec's {@link SparseMatrix} (binarised, r = 1, like our iALS) through a small {@link DataModel}
 * with the split's dense indices; each model is configured through LibRec's own {@code rec.*}
 * keys, trained by its own {@code setup} and {@code trainModel} (timed together, plus the
 * similarity matrix for the neighbourhood models) and asked for {@code predict(user, item)} over
 * all items. {@code Randoms} is seeded before each run.
 */
public final class LibrecPeers {
    private LibrecPeers() {}

    public static List<Peer> all() {
        return List.of(new ItemKnn(), new Wrmf(), new Bpr(), new Eals(), new Slim());
    }

    /** A split's training side as LibRec data: CRS and CCS structures, an empty test matrix. */
    static final class SplitDataModel implements DataModel, DataSplitter {
        private final SparseMatrix train;
        private final SparseMatrix test;
        private final BiMap<String, Integer> users = HashBiMap.create();
        private final BiMap<String, Integer> items = HashBiMap.create();
        private final DataContext context;

        SplitDataModel(Split split, Configuration conf) {
            InteractionMatrix m = split.train();
            Table<Integer, Integer, Double> table = HashBasedTable.create();
            Multimap<Integer, Integer> colMap = HashMultimap.create();
            int[] ptr = m.userPtr();
            int[] its = m.userItems();
            for (int u = 0; u < m.users(); u++) {
                for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                    table.put(u, its[k], 1.0);
                    colMap.put(its[k], u);
                }
            }
            train = new SparseMatrix(m.users(), m.items(), table, colMap);
            test = new SparseMatrix(m.users(), m.items(), HashBasedTable.<Integer, Integer, Double>create(), HashMultimap.create());
            for (int u = 0; u < m.users(); u++) {
                users.put(split.users().id(u), u);
            }
            for (int i = 0; i < m.items(); i++) {
                items.put(split.items().id(i), i);
            }
            context = new DataContext(conf);
        }

        @Override
        public void buildDataModel() {}

        @Override
        public void loadDataModel() {}

        @Override
        public void saveDataModel() {}

        @Override
        public DataSplitter getDataSplitter() {
            return this;
        }

        @Override
        public DataSet getTrainDataSet() {
            return train;
        }

        @Override
        public DataSet getTestDataSet() {
            return test;
        }

        @Override
        public DataSet getValidDataSet() {
            return null;
        }

        @Override
        public DataSet getDatetimeDataSet() {
            return null;
        }

        @Override
        public BiMap<String, Integer> getUserMappingData() {
            return users;
        }

        @Override
        public BiMap<String, Integer> getItemMappingData() {
            return items;
        }

        @Override
        public DataAppender getDataAppender() {
            return null;
        }

        @Override
        public DataContext getContext() {
            return context;
        }

        @Override
        public void splitData() {}

        @Override
        public void setDataConvertor(DataConvertor dataConvertor) {}

        @Override
        public SparseMatrix getTrainData() {
            return train;
        }

        @Override
        public SparseMatrix getTestData() {
            return test;
        }

        @Override
        public SparseMatrix getValidData() {
            return null;
        }
    }

    /** Common run: configuration, data model, optional similarity, training, then predict over all items. */
    abstract static class LibrecPeer implements Peer {
        /** LibRec configuration keys for {@code params} (names as in {@link #space()}), into {@code conf} and {@code config}. */
        abstract void configure(Configuration conf, Map<String, Object> params, Map<String, Object> config);

        abstract AbstractRecommender recommender();

        boolean needsSimilarity() {
            return false;
        }

        /** Whether {@code predict} may run on many threads (pure read of the trained model). */
        boolean threadSafePredict() {
            return true;
        }

        /** Work after training that scoring needs (timed with training); null by default. */
        Object prepare(AbstractRecommender rec, RecommenderContext ctx) {
            return null;
        }

        /** Scores of all items for {@code user}; the default asks {@code predict} item by item. */
        double[] scores(AbstractRecommender rec, RecommenderContext ctx, Object prepared, int user, int items) throws LibrecException {
            double[] s = new double[items];
            for (int i = 0; i < items; i++) {
                s[i] = LibrecAccess.predict(rec, user, i);
            }
            return s;
        }

        @Override
        public PeerRun run(Split split, Map<String, Object> params, int n) throws LibrecException {
            Configuration conf = new Configuration();
            Map<String, Object> config = new LinkedHashMap<>();
            conf.set("rec.recommender.isranking", "true");
            conf.setInt("rec.recommender.ranking.topn", n);
            conf.set("rec.recommender.verbose", "false");
            conf.set("rec.recommender.earlystop", "false");
            configure(conf, params, config);
            config.put("input", "binarised");
            long seed = RankSysPeers.intParam(params, "seed", 42);
            Randoms.seed(seed);
            long t0 = System.nanoTime();
            SplitDataModel data = new SplitDataModel(split, conf);
            RecommenderContext ctx;
            if (needsSimilarity()) {
                conf.set("rec.recommender.similarity.key", "item");
                CosineSimilarity sim = new CosineSimilarity();
                sim.buildSimilarityMatrix(data);
                ctx = new RecommenderContext(conf, data, sim);
            } else {
                ctx = new RecommenderContext(conf, data);
            }
            AbstractRecommender rec = recommender();
            LibrecAccess.train(rec, ctx);
            Object prepared = prepare(rec, ctx);
            long trainMs = (System.nanoTime() - t0) / 1_000_000;
            int items = split.items().size();
            RecommenderContext c = ctx;
            int[][] lists = Rankings.topN(split, user -> scores(rec, c, prepared, user, items), n, threadSafePredict());
            return new PeerRun(lists, trainMs, config);
        }
    }

    static String num(Map<String, Object> p, String name, Object def) {
        Object v = p.getOrDefault(name, def);
        return String.valueOf(v);
    }

    static void put(Configuration conf, Map<String, Object> config, String key, String label, Object value) {
        conf.set(key, String.valueOf(value));
        config.put(label, value);
    }

    /**
     * ItemKNN with LibRec's {@code cos} similarity (cosine over co-rated users, shrunk by
     * {@code n/(n+shrinkage)}), in ranking mode: the score of item i is the sum of its similarities
     * to the user's items among the first k of i's neighbour list. {@code bcos} and {@code jaccard}
     * store a value for every item pair (155 M for 17,632 items) and do not fit in memory here.
     *
     * <p>LibRec's own {@code predict} walks i's whole neighbour list per (user, item), which takes
     * hours over all items here; {@link #scores} computes the same sum from the user's side (the k
     * largest similarities between i and the user's items: the same value whatever the order of
     * ties), which {@code LibrecPeersTest} checks against {@code predict}. The neighbour lists are
     * read once from the similarity matrix's stored cells (timed with training, as LibRec's
     * {@code createItemSimilarityList}).
     */
    static final class ItemKnn extends LibrecPeer {
        @Override
        public String name() {
            return "librec-itemknn";
        }

        @Override
        public Map<String, List<?>> space() {
            return Map.of("neighbours", List.of(50, 100, 200, 400), "shrinkage", List.of(0, 10, 50, 100));
        }

        @Override
        void configure(Configuration conf, Map<String, Object> p, Map<String, Object> config) {
            put(conf, config, "rec.neighbors.knn.number", "neighbours", p.getOrDefault("neighbours", 50));
            put(conf, config, "rec.similarity.shrinkage", "shrinkage", p.getOrDefault("shrinkage", 10));
            config.put("similarity", "cos");
        }

        @Override
        AbstractRecommender recommender() {
            return new ItemKNNRecommender();
        }

        @Override
        boolean needsSimilarity() {
            return true;
        }

        /** Every item's neighbours and similarities, from the similarity matrix's stored cells. */
        record Neighbours(int[][] items, double[][] sims) {}

        @Override
        Object prepare(AbstractRecommender rec, RecommenderContext ctx) {
            SymmMatrix sims = ctx.getSimilarity().getSimilarityMatrix();
            int n = ((SparseMatrix) ctx.getDataModel().getTrainDataSet()).numColumns();
            int[] count = new int[n];
            Table<Integer, Integer, Double> cells = SymmAccess.cells(sims);
            for (Table.Cell<Integer, Integer, Double> c : cells.cellSet()) {
                if (c.getValue() != 0) {
                    count[c.getRowKey()]++;
                    count[c.getColumnKey()]++;
                }
            }
            int[][] items = new int[n][];
            double[][] values = new double[n][];
            for (int i = 0; i < n; i++) {
                items[i] = new int[count[i]];
                values[i] = new double[count[i]];
                count[i] = 0;
            }
            for (Table.Cell<Integer, Integer, Double> c : cells.cellSet()) {
                double v = c.getValue();
                if (v != 0) {
                    int a = c.getRowKey();
                    int b = c.getColumnKey();
                    items[a][count[a]] = b;
                    values[a][count[a]++] = v;
                    items[b][count[b]] = a;
                    values[b][count[b]++] = v;
                }
            }
            return new Neighbours(items, values);
        }

        @Override
        double[] scores(AbstractRecommender rec, RecommenderContext ctx, Object prepared, int user, int items) {
            int knn = ctx.getConf().getInt("rec.neighbors.knn.number", 50);
            Neighbours nb = (Neighbours) prepared;
            SparseMatrix train = (SparseMatrix) ctx.getDataModel().getTrainDataSet();
            // per candidate item, the similarities to the user's items
            Map<Integer, List<Double>> byItem = new HashMap<>();
            for (int j : train.getColumns(user)) {
                for (int k = 0; k < nb.items()[j].length; k++) {
                    byItem.computeIfAbsent(nb.items()[j][k], x -> new ArrayList<>()).add(nb.sims()[j][k]);
                }
            }
            double[] s = new double[items]; // LibRec's predict gives 0 to an item with no neighbour among the user's items
            for (Map.Entry<Integer, List<Double>> e : byItem.entrySet()) {
                List<Double> v = e.getValue();
                v.sort(Comparator.reverseOrder());
                double sum = 0;
                for (int k = 0; k < Math.min(knn, v.size()); k++) {
                    sum += v.get(k);
                }
                s[e.getKey()] = sum;
            }
            return s;
        }
    }

    /** WRMF (Hu, Koren, Volinsky 2008) as LibRec implements it: confidence 1 + log(1 + 10^w · r). */
    static final class Wrmf extends LibrecPeer {
        @Override
        public String name() {
            return "librec-wrmf";
        }

        @Override
        public Map<String, List<?>> space() {
            // one run takes minutes here (64 factors, 15 iterations, one thread): a small space, few trials
            return Map.of("regularization", List.of(10.0, 50.0), "weight", List.of(2.0, 3.0));
        }

        @Override
        void configure(Configuration conf, Map<String, Object> p, Map<String, Object> config) {
            put(conf, config, "rec.factor.number", "factors", p.getOrDefault("factors", 64));
            put(conf, config, "rec.iterator.maximum", "iterations", p.getOrDefault("iterations", 15));
            Object reg = p.getOrDefault("regularization", 0.01);
            put(conf, config, "rec.user.regularization", "regularization", reg);
            conf.set("rec.item.regularization", String.valueOf(reg));
            put(conf, config, "rec.wrmf.weight.coefficient", "weight", p.getOrDefault("weight", 4.0));
        }

        @Override
        AbstractRecommender recommender() {
            return new WRMFRecommender();
        }
    }

    /** BPR-MF (Rendle et al. 2009): SGD on sampled (user, positive, negative) triples, 100·|users| per iteration. */
    static final class Bpr extends LibrecPeer {
        @Override
        public String name() {
            return "librec-bpr";
        }

        @Override
        public Map<String, List<?>> space() {
            return Map.of("learnrate", List.of(0.01, 0.03, 0.05, 0.1), "regularization", List.of(0.001, 0.01, 0.05),
                    "iterations", List.of(50, 100, 200));
        }

        @Override
        void configure(Configuration conf, Map<String, Object> p, Map<String, Object> config) {
            put(conf, config, "rec.factor.number", "factors", p.getOrDefault("factors", 64));
            put(conf, config, "rec.iterator.maximum", "iterations", p.getOrDefault("iterations", 100));
            put(conf, config, "rec.iterator.learnrate", "learnrate", p.getOrDefault("learnrate", 0.01));
            put(conf, config, "rec.iterator.learnrate.maximum", "learnrate_max", 0.1);
            Object reg = p.getOrDefault("regularization", 0.01);
            put(conf, config, "rec.user.regularization", "regularization", reg);
            conf.set("rec.item.regularization", String.valueOf(reg));
        }

        @Override
        AbstractRecommender recommender() {
            return new BPRRecommender();
        }
    }

    /** eALS (He et al. 2016): element-wise ALS with popularity-aware weights on missing data. */
    static final class Eals extends LibrecPeer {
        @Override
        public String name() {
            return "librec-eals";
        }

        @Override
        public Map<String, List<?>> space() {
            return Map.of("regularization", List.of(0.01, 1.0, 10.0, 50.0), "judge", List.of(0, 1, 2),
                    "overall", List.of(64.0, 128.0, 512.0));
        }

        @Override
        void configure(Configuration conf, Map<String, Object> p, Map<String, Object> config) {
            put(conf, config, "rec.factor.number", "factors", p.getOrDefault("factors", 64));
            put(conf, config, "rec.iterator.maximum", "iterations", p.getOrDefault("iterations", 15));
            Object reg = p.getOrDefault("regularization", 0.01);
            put(conf, config, "rec.user.regularization", "regularization", reg);
            conf.set("rec.item.regularization", String.valueOf(reg));
            put(conf, config, "rec.eals.wrmf.judge", "judge", p.getOrDefault("judge", 1));
            put(conf, config, "rec.eals.overall", "overall", p.getOrDefault("overall", 128.0));
            put(conf, config, "rec.eals.ratio", "ratio", p.getOrDefault("ratio", 0.4));
            put(conf, config, "rec.wrmf.weight.coefficient", "weight", p.getOrDefault("weight", 4.0));
        }

        @Override
        AbstractRecommender recommender() {
            return new EALSRecommender();
        }
    }

    /** SLIM (Ning, Karypis 2011) by coordinate descent over each item's k nearest neighbours (cos similarity). */
    static final class Slim extends LibrecPeer {
        @Override
        public String name() {
            return "librec-slim";
        }

        /**
         * LibRec's default l1 = 1 zeroes every weight on binary data (the averaged gradient never
         * exceeds 1): a run with it scored ndcg@20 0.017, below most-popular. One run takes about
         * 5 minutes here (10 iterations), so 5 iterations and a small space.
         */
        @Override
        public Map<String, List<?>> space() {
            return Map.of("l1", List.of(0.001, 0.01, 0.1), "l2", List.of(0.1, 1.0));
        }

        @Override
        void configure(Configuration conf, Map<String, Object> p, Map<String, Object> config) {
            put(conf, config, "rec.neighbors.knn.number", "neighbours", p.getOrDefault("neighbours", 50));
            put(conf, config, "rec.iterator.maximum", "iterations", p.getOrDefault("iterations", 5));
            put(conf, config, "rec.slim.regularization.l1", "l1", p.getOrDefault("l1", 0.01));
            put(conf, config, "rec.slim.regularization.l2", "l2", p.getOrDefault("l2", 1.0));
            // with binary data the co-rated cosine is 1 for every co-occurring pair: without shrinkage the k
            // neighbours are an arbitrary pick among ties (a run so scored ndcg@20 0.015); shrinkage ranks them by co-occurrence
            put(conf, config, "rec.similarity.shrinkage", "shrinkage", p.getOrDefault("shrinkage", 10));
        }

        @Override
        AbstractRecommender recommender() {
            return new SLIMRecommender();
        }

        @Override
        boolean needsSimilarity() {
            return true;
        }

        @Override
        boolean threadSafePredict() {
            return false;
        }
    }
}
