package dev.mixtape.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.TopN;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import dev.mixtape.eval.report.EvaluationReport;
import dev.mixtape.eval.report.MarkdownReport;
import dev.mixtape.eval.report.Reports;
import dev.mixtape.eval.split.HoldoutConfig;
import dev.mixtape.eval.split.HoldoutSplitter;
import dev.mixtape.eval.split.Split;
import dev.mixtape.eval.split.SplitFiles;
import dev.mixtape.eval.split.SplitManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DESIGN protocol on the real Last.fm HetRec 2k data: read, split with seed 42, write and read
 * the split files back, then score a most-popular baseline (written here, from the training
 * counts) through the evaluator — directly and as precomputed lists, as a peer would hand them in.
 */
class LastFmEvaluationIT {
    @TempDir
    Path tmp;

    @Test
    void popularityOnTheSeed42Split() throws IOException {
        LastFmDataset data = new LastFmReader().read(EvalTestData.lastFmDir());
        assertThat(data.problems().total()).as("malformed lines: %s", data.problems()).isZero();
        assertThat(data.interactions().users().size()).isEqualTo(1_892);
        assertThat(data.interactions().items().size()).isEqualTo(17_632);
        assertThat(data.interactions().positiveRows()).isEqualTo(92_834);
        assertThat(data.tags().taggedItems()).isEqualTo(12_133);

        Split split = new HoldoutSplitter(HoldoutConfig.of(42)).split(data.interactions());
        assertThat(split.train().nnz() + split.test().nnz()).isEqualTo(92_834);
        SplitManifest manifest = SplitFiles.write(split, tmp.resolve("split"));
        Split read = SplitFiles.read(tmp.resolve("split"));
        assertThat(read.items().ids()).isEqualTo(split.items().ids());
        assertThat(read.test().userItems()).containsExactly(split.test().userItems());
        System.out.printf(Locale.ROOT, "lastfm-2k seed 42: %d users, %d items, %d train + %d test positives, %d test users, "
                        + "train.tsv sha256 %s, test.tsv sha256 %s%n", manifest.users(), manifest.items(), manifest.trainPositives(),
                manifest.testPositives(), manifest.testUsers(), manifest.files().get("train.tsv").sha256(),
                manifest.files().get("test.tsv").sha256());
        assertThat(manifest.testUsers()).isBetween(1_800, 1_892);
        assertThat((double) manifest.testPositives() / 92_834).isBetween(0.19, 0.21);

        UserScorer popularity = popularity(read.train());
        Evaluator evaluator = Evaluator.standard(read, data.tags().realign(data.interactions().items(), read.items()), List.of(10, 20));
        ModelResult pop = evaluator.evaluate("pop", Map.of(), popularity, 0, ProgressListener.NONE);

        // the same model as a peer would hand it in: user \t item \t rank lists, scored from the file
        int[][] lists = new int[read.users().size()][];
        for (int u : read.testUsers()) {
            lists[u] = TopN.recommend(popularity, read.train(), u, 20);
        }
        Path recs = tmp.resolve("pop-recs.tsv");
        RecommendationLists.of(lists).write(recs, read.users(), read.items());
        ModelResult popFromFile = evaluator.evaluate("pop (lists)", Map.of(), RecommendationLists.read(recs, read.users(), read.items()),
                0, ProgressListener.NONE);

        EvaluationReport report = EvaluationReport.of(read, List.of(pop, popFromFile));
        System.out.println(MarkdownReport.render(report));
        System.out.printf(Locale.ROOT, "popularity on lastfm-2k seed 42: recall@20 %.4f, ndcg@20 %.4f, precision@20 %.4f, "
                        + "coverage@20 %.4f, gini@20 %.4f, epc@20 %.4f, ild@20 %.4f; evaluation %d ms%n",
                pop.metric("recall@20"), pop.metric("ndcg@20"), pop.metric("precision@20"), pop.metric("coverage@20"),
                pop.metric("gini@20"), pop.metric("epc@20"), pop.metric("ild@20"), pop.evalMs());

        assertThat(pop.users()).isEqualTo(manifest.testUsers());
        assertThat(pop.metric("recall@20")).isBetween(0.08, 0.20);
        assertThat(pop.metric("ndcg@20")).isBetween(0.08, 0.20);
        assertThat(pop.metric("recall@10")).isLessThan(pop.metric("recall@20"));
        assertThat(pop.metric("unexpectedness@20")).isZero();   // popularity is the baseline itself
        assertThat(pop.metric("serendipity@20")).isZero();
        assertThat(pop.metric("coverage@20")).isLessThan(0.01);
        assertThat(popFromFile.metrics()).isEqualTo(pop.metrics());
        assertThat(Reports.writeAll(report, tmp.resolve("report"))).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    /** Most popular by number of training users, the same for everyone. */
    private static UserScorer popularity(InteractionMatrix train) {
        float[] counts = new float[train.items()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = train.itemCount(i);
        }
        return new UserScorer() {
            @Override
            public int items() {
                return counts.length;
            }

            @Override
            public void score(int user, float[] out) {
                System.arraycopy(counts, 0, out, 0, counts.length);
            }
        };
    }
}
