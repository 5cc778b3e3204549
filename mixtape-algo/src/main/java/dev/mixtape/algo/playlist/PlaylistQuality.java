package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.Catalog;
import java.util.Arrays;

/**
 * Phase 4, quality evaluation: five components, each 0–1, and their weighted mean ({@link QualityWeights}).
 * For an ordered playlist of n tracks:
 * <ul>
 *   <li><b>target fit</b>: the mean {@link TargetProfile#fit target fit} of the tracks;</li>
 *   <li><b>cohesion</b>: the mean audio similarity of each track to the playlist's centroid in
 *       {@link FeatureSpace} ({@link FeatureSpace#similarity}: exp(−d²/0.09));</li>
 *   <li><b>artist diversity</b>: max(0, (distinct primary artists − tracks over the per-artist cap) / n) —
 *       1 when every track has its own artist, 0.5 for pairs of tracks per artist;</li>
 *   <li><b>genre fit</b>: the share of tracks with a wanted genre (1 when none is wanted);</li>
 *   <li><b>transition smoothness</b>: the mean {@link Transitions#smoothness} of consecutive tracks (1 for one track).</li>
 * </ul>
 * overall = Σ weight × component / Σ weight. An empty playlist scores 0 throughout. Thread-safe.
 */
public final class PlaylistQuality {
    /** The components and the overall score, each 0–1. */
    public record Scores(double targetFit, double cohesion, double diversity, double genreFit, double transitions,
                         double overall) {
        static final Scores EMPTY = new Scores(0, 0, 0, 0, 0, 0);

        /** True when the playlist is good enough to stop improving (overall and cohesion at their thresholds). */
        public boolean meets(PlaylistConfig config) {
            return overall >= config.qualityThreshold() && cohesion >= config.cohesionThreshold();
        }
    }

    private final FeatureSpace space;
    private final Catalog catalog;
    private final QualityWeights weights;

    public PlaylistQuality(FeatureSpace space, QualityWeights weights) {
        this.space = space;
        this.catalog = space.catalog();
        this.weights = weights;
    }

    /** Scores the first {@code n} tracks of {@code ordered}, in that order. */
    public Scores evaluate(int[] ordered, int n, TargetProfile p, int maxPerArtist) {
        if (n == 0) {
            return Scores.EMPTY;
        }
        double fit = 0;
        double genre = 0;
        for (int i = 0; i < n; i++) {
            fit += p.fit(ordered[i]);
            genre += p.genreMatch(ordered[i]);
        }
        fit /= n;
        genre /= n;
        double cohesion = cohesion(ordered, n);
        double diversity = diversity(catalog, ordered, n, maxPerArtist);
        double transitions = transitions(ordered, n);
        QualityWeights w = weights;
        double overall = (w.targetFit() * fit + w.cohesion() * cohesion + w.diversity() * diversity
                + w.genreFit() * genre + w.transitions() * transitions) / w.sum();
        return new Scores(fit, cohesion, diversity, genre, transitions, overall);
    }

    /** Mean similarity of the tracks to their centroid. */
    public double cohesion(int[] tracks, int n) {
        float[] centroid = centroid(space.points(), tracks, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += FeatureSpace.similarity(FeatureSpace.distance2(space.points(), tracks[i] * FeatureSpace.DIMS, centroid, 0));
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The mean point of the first {@code n} tracks. */
    static float[] centroid(float[] points, int[] tracks, int n) {
        float[] c = new float[FeatureSpace.DIMS];
        for (int i = 0; i < n; i++) {
            int o = tracks[i] * FeatureSpace.DIMS;
            for (int k = 0; k < c.length; k++) {
                c[k] += points[o + k];
            }
        }
        for (int k = 0; k < c.length; k++) {
            c[k] /= Math.max(1, n);
        }
        return c;
    }

    /** (distinct primary artists − tracks over the cap) / n, at least 0. */
    public static double diversity(Catalog catalog, int[] tracks, int n, int cap) {
        if (n == 0) {
            return 0;
        }
        int[] artists = new int[n];
        for (int i = 0; i < n; i++) {
            artists[i] = catalog.trackArtists(tracks[i])[0];
        }
        Arrays.sort(artists);
        int distinct = 0;
        int over = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && artists[j] == artists[i]) {
                j++;
            }
            distinct++;
            over += Math.max(0, j - i - cap);
            i = j;
        }
        return Math.max(0, (double) (distinct - over) / n);
    }

    /** Mean smoothness of consecutive tracks; 1 for fewer than two. */
    public double transitions(int[] ordered, int n) {
        if (n < 2) {
            return 1;
        }
        float[] rows = space.attributeRows();
        double sum = 0;
        for (int i = 0; i + 1 < n; i++) {
            sum += Transitions.smoothness(rows, ordered[i], ordered[i + 1]);
        }
        return sum / (n - 1);
    }
}
