package dev.mixtape.algo.learn;

import dev.mixtape.algo.cf.ImplicitAlsModel;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.content.TopK;
import dev.mixtape.core.Catalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains the {@link ListeningModel} on a {@link ListeningMatrix}: first a validation run (a sample of listeners
 * with at least {@value #MIN_VALIDATION_ARTISTS} artists loses a share of them: an own listener their most recent
 * artists, an imported one a seeded random share; iALS trained on the rest ranks every artist, and Recall@50 and
 * NDCG@50 of the held-out ones are measured, next to most-popular on the same split), then the served model on every
 * row. Deterministic for the same data and config. Thread-safe: keeps no state between calls.
 */
public final class ListeningTrainer {
    public static final int MIN_VALIDATION_ARTISTS = 5;
    public static final int CUTOFF = 50;

    private final ListeningConfig config;

    public ListeningTrainer(ListeningConfig config) {
        this.config = config;
    }

    /** Progress of one training, in phases ("validate", "train"). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> {};

        void step(String phase, int done, int total);
    }

    /**
     * Validation metrics on the held-out artists.
     *
     * @param users            listeners held out from
     * @param heldOut          artists held out in all
     * @param recall           Recall@50 of the model
     * @param ndcg             NDCG@50 of the model
     * @param popularityRecall Recall@50 of most-popular on the same split
     */
    public record Validation(int users, int heldOut, double recall, double ndcg, double popularityRecall) {
        public static final Validation NONE = new Validation(0, 0, Double.NaN, Double.NaN, Double.NaN);
    }

    public record Result(ListeningModel model, Validation validation, long validateMs, long trainMs) {}

    public Result train(Catalog catalog, ListeningMatrix data, String version, Map<String, String> info, Progress progress) {
        InteractionMatrix all = data.matrix();
        progress.step("validate", 0, 2);
        long t0 = System.nanoTime();
        Validation v = config.validationUsers() == 0 ? Validation.NONE : validate(data);
        long t1 = System.nanoTime();
        progress.step("train", 1, 2);
        ImplicitAlsModel als = new ImplicitAlsTrainer(config.als()).train(all);
        long t2 = System.nanoTime();
        progress.step("train", 2, 2);
        Map<String, String> manifest = new LinkedHashMap<>(info);
        manifest.put("model", "ials");
        manifest.put("level", "artist");
        manifest.put("listeners", Integer.toString(data.ownListeners()));
        manifest.put("imported_listeners", Integer.toString(data.imported()));
        manifest.put("artists", Integer.toString(all.items()));
        manifest.put("interactions", Integer.toString(all.nnz()));
        manifest.put("factors", Integer.toString(config.als().factors()));
        manifest.put("iterations", Integer.toString(config.als().iterations()));
        manifest.put("alpha", Double.toString(config.als().alpha()));
        manifest.put("regularization", Double.toString(config.als().regularization()));
        manifest.put("like_bonus", Double.toString(config.likeBonus()));
        manifest.put("half_life_days", Double.toString(config.halfLifeDays()));
        manifest.put("validation_users", Integer.toString(v.users()));
        manifest.put("validation_held_out", Integer.toString(v.heldOut()));
        manifest.put("validation_recall_at_50", format(v.recall()));
        manifest.put("validation_ndcg_at_50", format(v.ndcg()));
        manifest.put("validation_popularity_recall_at_50", format(v.popularityRecall()));
        manifest.put("validate_ms", Long.toString((t1 - t0) / 1_000_000));
        manifest.put("train_ms", Long.toString((t2 - t1) / 1_000_000));
        ListeningModel model = new ListeningModel(catalog, als, data.itemArtist(), config, version, manifest);
        return new Result(model, v, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private static String format(double x) {
        return Double.isNaN(x) ? "" : String.format(java.util.Locale.ROOT, "%.4f", x);
    }

    /** The validation run: holds out, trains on the rest, scores the held-out artists. */
    Validation validate(ListeningMatrix data) {
        InteractionMatrix all = data.matrix();
        int users = all.users();
        int[] ptr = all.userPtr();
        int[] candidates = java.util.stream.IntStream.range(0, users)
                .filter(u -> all.userCount(u) >= MIN_VALIDATION_ARTISTS).toArray();
        SplittableRandom rnd = new SplittableRandom(config.seed());
        for (int i = candidates.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int[] chosen = Arrays.copyOf(candidates, Math.min(candidates.length, config.validationUsers()));
        if (chosen.length == 0) {
            return Validation.NONE;
        }
        boolean[] heldOut = new boolean[all.nnz()];
        for (int u : chosen) {
            int from = ptr[u];
            int n = ptr[u + 1] - from;
            int hold = Math.max(1, (int) Math.round(n * config.holdout()));
            Integer[] order = new Integer[n];
            for (int e = 0; e < n; e++) {
                order[e] = from + e;
            }
            if (u >= data.imported()) {
                // the most recent artists, as a later visit would bring them
                Arrays.sort(order, (a, b) -> Long.compare(data.lastEvent()[b], data.lastEvent()[a]) != 0
                        ? Long.compare(data.lastEvent()[b], data.lastEvent()[a]) : Integer.compare(a, b));
            } else {
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    Integer t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
            for (int e = 0; e < hold; e++) {
                heldOut[order[e]] = true;
            }
        }
        int keep = 0;
        for (boolean h : heldOut) {
            keep += h ? 0 : 1;
        }
        int[] tPtr = new int[users + 1];
        int[] tCols = new int[keep];
        float[] tVals = new float[keep];
        int k = 0;
        for (int u = 0; u < users; u++) {
            for (int e = ptr[u]; e < ptr[u + 1]; e++) {
                if (!heldOut[e]) {
                    tCols[k] = all.userItems()[e];
                    tVals[k++] = all.userValues()[e];
                }
            }
            tPtr[u + 1] = k;
        }
        InteractionMatrix train = InteractionMatrix.ofCsr(users, all.items(), tPtr, tCols, tVals);
        ImplicitAlsModel als = new ImplicitAlsTrainer(config.als()).train(train);
        float[] popularity = new float[all.items()];
        for (int i = 0; i < all.items(); i++) {
            popularity[i] = train.itemCount(i);
        }
        double recall = 0;
        double ndcg = 0;
        double popRecall = 0;
        int held = 0;
        float[] scores = new float[all.items()];
        for (int u : chosen) {
            boolean[] test = new boolean[all.items()];
            int tests = 0;
            for (int e = ptr[u]; e < ptr[u + 1]; e++) {
                if (heldOut[e]) {
                    test[all.userItems()[e]] = true;
                    tests++;
                }
            }
            held += tests;
            als.score(u, scores);
            int[] top = top(scores, train, u);
            int[] popTop = top(popularity.clone(), train, u);
            int denominator = Math.min(CUTOFF, tests);
            double dcg = 0;
            double idcg = 0;
            int hits = 0;
            for (int r = 0; r < top.length; r++) {
                if (test[top[r]]) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                }
            }
            for (int r = 0; r < denominator; r++) {
                idcg += 1 / log2(r + 2);
            }
            int popHits = 0;
            for (int i : popTop) {
                popHits += test[i] ? 1 : 0;
            }
            recall += (double) hits / denominator;
            ndcg += dcg / idcg;
            popRecall += (double) popHits / denominator;
        }
        return new Validation(chosen.length, held, recall / chosen.length, ndcg / chosen.length, popRecall / chosen.length);
    }

    private static int[] top(float[] scores, InteractionMatrix train, int u) {
        for (int e = train.userPtr()[u]; e < train.userPtr()[u + 1]; e++) {
            scores[train.userItems()[e]] = Float.NEGATIVE_INFINITY;
        }
        TopK top = new TopK(Math.min(CUTOFF, scores.length));
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > Float.NEGATIVE_INFINITY) {
                top.offer(i, scores[i]);
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
