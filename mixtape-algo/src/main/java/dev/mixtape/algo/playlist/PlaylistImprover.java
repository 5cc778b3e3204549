package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.mood.Arc;
import java.util.Arrays;

/**
 * Phase 5, iterative improvement: replaces the worst-fitting tracks with better ones from the pool.
 *
 * <p>Before each pass, stop if the playlist {@link PlaylistQuality.Scores#meets meets} the thresholds, or
 * after {@link PlaylistConfig#maxIterations()} passes. A pass scores every pool entry by how well it fits
 * the current playlist — (w<sub>fit</sub> × target fit + w<sub>cohesion</sub> × similarity to the
 * playlist's centroid + w<sub>genre</sub> × genre match) / (sum of those weights), the weights of
 * {@link QualityWeights} — drops the {@link PlaylistConfig#replaceFraction() replaceFraction} worst
 * members (at least one), and refills from the pool best first under the same song and artist rules. The
 * pass is kept only when the overall score rises (scored in {@link ArcOrderer#arcOrder arc order}, as the
 * final order is not known yet); otherwise, or when nothing changed, improvement stops. Fast mode skips
 * it. Thread-safe; per-request state is passed in.
 */
final class PlaylistImprover {
    private final FeatureSpace space;
    private final PlaylistQuality quality;
    private final ArcOrderer orderer;
    private final Selector selector;

    PlaylistImprover(FeatureSpace space, PlaylistQuality quality, ArcOrderer orderer, Selector selector) {
        this.space = space;
        this.quality = quality;
        this.orderer = orderer;
        this.selector = selector;
    }

    /** A selection (pool indices), its scores and the improvement passes run. */
    record Result(int[] selected, int n, PlaylistQuality.Scores scores, int iterations) {}

    /** Scores a selection (pool indices) in arc order. */
    PlaylistQuality.Scores evaluate(CandidatePool pool, int[] selected, int n, TargetProfile p, Arc arc, int cap) {
        int[] tracks = new int[n];
        for (int i = 0; i < n; i++) {
            tracks[i] = pool.track[selected[i]];
        }
        return quality.evaluate(orderer.arcOrder(tracks, n, arc), n, p, cap);
    }

    Result improve(CandidatePool pool, int[] selected, int n, PlaylistQuality.Scores scores, TargetProfile p,
                   PlaylistConfig config, int cap, int[] blockedSongs, PlaylistScratch s) {
        int iterations = 0;
        if (config.fastMode() || n == 0) {
            return new Result(selected, n, scores, 0);
        }
        Arc arc = p.target().arc();
        QualityWeights w = config.weights();
        double wf = w.targetFit();
        double wc = w.cohesion();
        double wg = w.genreFit();
        double sum = wf + wc + wg;
        if (sum == 0) {
            wf = 1;
            sum = 1;
        }
        float[] points = space.points();
        float[] fitness = new float[pool.size];
        long[] packed = new long[pool.size];
        while (iterations < config.maxIterations() && !scores.meets(config)) {
            iterations++;
            int[] tracks = new int[n];
            for (int i = 0; i < n; i++) {
                tracks[i] = pool.track[selected[i]];
            }
            float[] centroid = PlaylistQuality.centroid(points, tracks, n);
            for (int i = 0; i < pool.size; i++) {
                float sim = FeatureSpace.similarity(FeatureSpace.distance2(points, pool.track[i] * FeatureSpace.DIMS, centroid, 0));
                fitness[i] = (float) ((wf * pool.fit[i] + wc * sim + wg * pool.genre[i]) / sum);
            }
            // members worst first (ties: the later pool entry goes first)
            long[] members = new long[n];
            for (int i = 0; i < n; i++) {
                members[i] = pack(fitness[selected[i]], pool.size - selected[i]);
            }
            Arrays.sort(members);
            int replace = Math.max(1, (int) Math.round(n * config.replaceFraction()));
            int keepLen = Math.max(0, n - replace);
            int[] keep = new int[keepLen];
            for (int i = 0; i < keepLen; i++) {
                keep[i] = pool.size - (int) members[n - 1 - i];
            }
            // the pool best first (ties: the earlier entry)
            for (int i = 0; i < pool.size; i++) {
                packed[i] = pack(-fitness[i], i);
            }
            Arrays.sort(packed);
            int[] order = new int[pool.size];
            for (int i = 0; i < pool.size; i++) {
                order[i] = (int) packed[i];
            }
            int[] next = new int[selected.length];
            int m = selector.pick(pool, keep, keepLen, order, pool.size, n, cap, blockedSongs, s, next);
            if (m < n || sameSet(selected, next, n)) {
                break;
            }
            PlaylistQuality.Scores nextScores = evaluate(pool, next, m, p, arc, cap);
            if (nextScores.overall() <= scores.overall()) {
                break;
            }
            selected = next;
            scores = nextScores;
        }
        return new Result(selected, n, scores, iterations);
    }

    /** (key, id) as one long that sorts by key, then id; id must be non-negative. */
    private static long pack(float key, int id) {
        int b = Float.floatToIntBits(key);
        b ^= (b >> 31) & 0x7fffffff;
        return ((long) b << 32) | id;
    }

    private static boolean sameSet(int[] a, int[] b, int n) {
        int[] x = Arrays.copyOf(a, n);
        int[] y = Arrays.copyOf(b, n);
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}
