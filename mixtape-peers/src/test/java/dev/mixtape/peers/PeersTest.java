package dev.mixtape.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.eval.Evaluator;
import dev.mixtape.eval.ModelResult;
import dev.mixtape.eval.ProgressListener;
import dev.mixtape.eval.RecommendationLists;
import dev.mixtape.eval.split.Split;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.librec.conf.Configuration;
import net.librec.recommender.AbstractRecommender;
import net.librec.recommender.LibrecAccess;
import net.librec.recommender.RecommenderContext;
import net.librec.recommender.cf.ItemKNNRecommender;
import net.librec.similarity.CosineSimilarity;
import org.junit.jupiter.api.Test;

/** Every in-process peer on a tiny split: full lists without training items, better than chance; LibRec item-kNN's scoring equals its predict. */
class PeersTest {
    static final Split SPLIT = TinyData.split();

    @Test
    void everyInProcessPeerRanksUnseenItemsForEveryTestUser() throws Exception {
        Evaluator evaluator = Evaluator.standard(SPLIT, null, List.of(10));
        for (Peer peer : List.of(new RankSysPeers.Hkv(), new RankSysPeers.ItemKnn(), new LibrecPeers.ItemKnn(), new LibrecPeers.Wrmf(),
                new LibrecPeers.Bpr(), new LibrecPeers.Eals(), new LibrecPeers.Slim())) {
            Map<String, Object> params = peer instanceof LibrecPeers.Bpr ? Map.of("iterations", 30, "learnrate", 0.05)
                    : peer instanceof RankSysPeers.Hkv ? Map.of("factors", 8, "lambda", 1.0) : Map.of("factors", 8);
            PeerRun run = peer.run(SPLIT, params, 10);
            for (int u : SPLIT.testUsers()) {
                assertThat(run.lists()[u]).as("%s user %d", peer.name(), u).hasSize(10);
                assertThat(Arrays.stream(run.lists()[u]).boxed().toList()).as("%s user %d", peer.name(), u).doesNotContainAnyElementsOf(training(u));
                assertThat(Arrays.stream(run.lists()[u]).distinct().count()).isEqualTo(10);
            }
            ModelResult r = evaluator.evaluate(peer.name(), Map.of(), RecommendationLists.of(run.lists()), run.trainMs(), ProgressListener.NONE);
            // two taste groups: a model that finds them ranks about 10 of the ~24 unseen items of the group,
            // chance about 10 of the ~48 unseen items
            System.out.printf("%s recall@10 %.3f%n", peer.name(), r.metric("recall@10"));
            assertThat(r.metric("recall@10")).as(peer.name()).isGreaterThan(0.3);
        }
    }

    @Test
    void hkvIsReproducibleWithItsSeed() throws Exception {
        PeerRun a = new RankSysPeers.Hkv().run(SPLIT, Map.of("factors", 8, "iterations", 3), 10);
        PeerRun b = new RankSysPeers.Hkv().run(SPLIT, Map.of("factors", 8, "iterations", 3), 10);
        for (int u : SPLIT.testUsers()) {
            assertThat(a.lists()[u]).containsExactly(b.lists()[u]);
        }
    }

    @Test
    void librecItemKnnScoresEqualLibrecsOwnPredict() throws Exception {
        for (int knn : new int[] {3, 50}) {
            Configuration conf = new Configuration();
            conf.set("rec.recommender.isranking", "true");
            conf.set("rec.recommender.verbose", "false");
            conf.set("rec.recommender.similarity.key", "item");
            conf.setInt("rec.neighbors.knn.number", knn);
            conf.setInt("rec.similarity.shrinkage", 10);
            LibrecPeers.SplitDataModel data = new LibrecPeers.SplitDataModel(SPLIT, conf);
            CosineSimilarity sim = new CosineSimilarity();
            sim.buildSimilarityMatrix(data);
            RecommenderContext ctx = new RecommenderContext(conf, data, sim);
            AbstractRecommender rec = new ItemKNNRecommender();
            LibrecAccess.train(rec, ctx);
            LibrecPeers.ItemKnn peer = new LibrecPeers.ItemKnn();
            Object prepared = peer.prepare(rec, ctx);
            int items = SPLIT.items().size();
            for (int u : SPLIT.testUsers()) {
                double[] ours = peer.scores(rec, ctx, prepared, u, items);
                for (int i = 0; i < items; i++) {
                    assertThat(ours[i]).as("knn %d user %d item %d", knn, u, i).isCloseTo(LibrecAccess.predict(rec, u, i),
                            org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    private static Set<Integer> training(int u) {
        Set<Integer> s = new HashSet<>();
        int[] ptr = SPLIT.train().userPtr();
        for (int k = ptr[u]; k < ptr[u + 1]; k++) {
            s.add(SPLIT.train().userItems()[k]);
        }
        return s;
    }
}
