package dev.mixtape.algo.playlist;

/**
 * Knobs of {@link PlaylistGenerator}; {@link #DEFAULT} holds the documented defaults. Validated on
 * construction; a bad value fails with a message naming it. Build variants with {@link #toBuilder()}.
 *
 * @param qualityThreshold     improvement stops once the overall quality reaches this (and cohesion its
 *                             threshold); 0–1, default 0.75
 * @param cohesionThreshold    the cohesion that must be reached, too, to stop early; 0–1, default 0.65
 * @param maxIterations        improvement passes at most; 0–10, default 2
 * @param fastMode             skip improvement altogether; default false
 * @param maxPerArtist         tracks per primary artist at most (raised only when the pool cannot fill the
 *                             playlist otherwise, and then reported as relaxed); ≥ 1, default 2
 * @param minPool              the candidate pool is widened (genre restriction dropped, reported as relaxed)
 *                             when it holds fewer than min(minPool, 3 × length) tracks; default 200
 * @param maxPool              the pool is trimmed to its best this many tracks; ≥ minPool, at most 5000, default 500
 * @param maxAnchors           anchor tracks at most (mentioned tracks first, then the mentioned artists' top
 *                             tracks, extra anchors, genre representatives); 1–32, default 8
 * @param maxArtists           artists the artist-based generator expands, after pruning; 0–100, default 12
 * @param relatedPerArtist     related artists considered per mentioned or anchor artist; 0–20, default 5
 * @param tracksPerArtist      tracks taken per expanded artist, best-fitting first; 1–50, default 6
 * @param replaceFraction      share of the playlist each improvement pass replaces (at least one track);
 *                             (0, 1], default 0.2
 * @param variety              weight of a seeded pseudo-random term in the pool ranking, so that other seeds
 *                             give other playlists; 0–1, default 0.04
 * @param includeMentionedTracks whether tracks named in the prompt may appear themselves ("songs like X"
 *                             asks for other songs); default false
 * @param weights              weights of the quality components, default {@link QualityWeights#DEFAULT}
 */
public record PlaylistConfig(double qualityThreshold, double cohesionThreshold, int maxIterations, boolean fastMode,
                             int maxPerArtist, int minPool, int maxPool, int maxAnchors, int maxArtists,
                             int relatedPerArtist, int tracksPerArtist, double replaceFraction, double variety,
                             boolean includeMentionedTracks, QualityWeights weights) {
    public static final PlaylistConfig DEFAULT = new PlaylistConfig(0.75, 0.65, 2, false, 2, 200, 500, 8, 12, 5, 6,
            0.2, 0.04, false, QualityWeights.DEFAULT);

    public PlaylistConfig {
        unit("qualityThreshold", qualityThreshold);
        unit("cohesionThreshold", cohesionThreshold);
        range("maxIterations", maxIterations, 0, 10);
        range("maxPerArtist", maxPerArtist, 1, 200);
        range("minPool", minPool, 1, 5000);
        range("maxPool", maxPool, minPool, 5000);
        range("maxAnchors", maxAnchors, 1, 32);
        range("maxArtists", maxArtists, 0, 100);
        range("relatedPerArtist", relatedPerArtist, 0, 20);
        range("tracksPerArtist", tracksPerArtist, 1, 50);
        if (!(replaceFraction > 0 && replaceFraction <= 1)) {
            throw new IllegalArgumentException("replaceFraction must be in (0, 1], got " + replaceFraction);
        }
        unit("variety", variety);
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be from 0 to 1, got " + v);
        }
    }

    private static void range(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", got " + v);
        }
    }

    /** Changes some knobs of a config; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private double qualityThreshold;
        private double cohesionThreshold;
        private int maxIterations;
        private boolean fastMode;
        private int maxPerArtist;
        private int minPool;
        private int maxPool;
        private int maxAnchors;
        private int maxArtists;
        private int relatedPerArtist;
        private int tracksPerArtist;
        private double replaceFraction;
        private double variety;
        private boolean includeMentionedTracks;
        private QualityWeights weights;

        private Builder(PlaylistConfig c) {
            qualityThreshold = c.qualityThreshold;
            cohesionThreshold = c.cohesionThreshold;
            maxIterations = c.maxIterations;
            fastMode = c.fastMode;
            maxPerArtist = c.maxPerArtist;
            minPool = c.minPool;
            maxPool = c.maxPool;
            maxAnchors = c.maxAnchors;
            maxArtists = c.maxArtists;
            relatedPerArtist = c.relatedPerArtist;
            tracksPerArtist = c.tracksPerArtist;
            replaceFraction = c.replaceFraction;
            variety = c.variety;
            includeMentionedTracks = c.includeMentionedTracks;
            weights = c.weights;
        }

        public Builder qualityThreshold(double v) { qualityThreshold = v; return this; }
        public Builder cohesionThreshold(double v) { cohesionThreshold = v; return this; }
        public Builder maxIterations(int v) { maxIterations = v; return this; }
        public Builder fastMode(boolean v) { fastMode = v; return this; }
        public Builder maxPerArtist(int v) { maxPerArtist = v; return this; }
        public Builder minPool(int v) { minPool = v; return this; }
        public Builder maxPool(int v) { maxPool = v; return this; }
        public Builder maxAnchors(int v) { maxAnchors = v; return this; }
        public Builder maxArtists(int v) { maxArtists = v; return this; }
        public Builder relatedPerArtist(int v) { relatedPerArtist = v; return this; }
        public Builder tracksPerArtist(int v) { tracksPerArtist = v; return this; }
        public Builder replaceFraction(double v) { replaceFraction = v; return this; }
        public Builder variety(double v) { variety = v; return this; }
        public Builder includeMentionedTracks(boolean v) { includeMentionedTracks = v; return this; }
        public Builder weights(QualityWeights v) { weights = v; return this; }

        public PlaylistConfig build() {
            return new PlaylistConfig(qualityThreshold, cohesionThreshold, maxIterations, fastMode, maxPerArtist, minPool,
                    maxPool, maxAnchors, maxArtists, relatedPerArtist, tracksPerArtist, replaceFraction, variety,
                    includeMentionedTracks, weights);
        }
    }
}
