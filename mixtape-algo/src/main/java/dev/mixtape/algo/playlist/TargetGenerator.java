package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.Nearest;
import dev.mixtape.core.Catalog;
import java.util.Arrays;

/**
 * Target-based generation: the allowed tracks nearest the target point under the target's dimension
 * weights ({@link TargetProfile#distance2}). Within genres (the default), only the wanted genres' tracks
 * are searched — a row-wise scan of those few thousand — and the whole catalog (one vectorised masked
 * scan) when no genre is wanted; the anywhere variant always searches the whole catalog (used when the
 * genre restriction is relaxed). Affinity: the similarity to the target point; ref -1. Thread-safe.
 */
public final class TargetGenerator implements CandidateGenerator {
    private final FeatureSpace space;
    private final Catalog catalog;
    private final boolean withinGenres;

    public TargetGenerator(FeatureSpace space, boolean withinGenres) {
        this.space = space;
        this.catalog = space.catalog();
        this.withinGenres = withinGenres;
    }

    @Override
    public Source source() {
        return Source.TARGET;
    }

    @Override
    public Candidates generate(TargetProfile p, Seeds seeds, int budget, float[] dist) {
        Candidates out = new Candidates(Source.TARGET);
        if (budget <= 0) {
            return out;
        }
        if (withinGenres && p.genres().length > 0) {
            int[] tracks = genreTracks(p);
            float[] points = space.points();
            for (int i = 0; i < tracks.length; i++) {
                dist[i] = p.distance2(points, tracks[i] * FeatureSpace.DIMS);
            }
            if (tracks.length > 0) {
                for (int i : Nearest.of(dist, tracks.length, -1, Math.min(budget, tracks.length))) {
                    out.add(tracks[i], FeatureSpace.similarity(dist[i]), -1);
                }
            }
            return out;
        }
        space.distancesTo(p.point(), 0, p.dimWeights(), dist);
        for (int t : AllowedNearest.of(dist, catalog.size(), -1, budget, p)) {
            out.add(t, FeatureSpace.similarity(dist[t]), -1);
        }
        return out;
    }

    /** The allowed tracks of the wanted genres, each once, in catalog order. */
    private int[] genreTracks(TargetProfile p) {
        int total = 0;
        for (int g : p.genres()) {
            total += catalog.genreTracks(g).length;
        }
        int[] all = new int[total];
        int n = 0;
        for (int g : p.genres()) {
            for (int t : catalog.genreTracks(g)) {
                if (!p.excluded(t)) {
                    all[n++] = t;
                }
            }
        }
        Arrays.sort(all, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || all[u - 1] != all[i]) {
                all[u++] = all[i];
            }
        }
        return Arrays.copyOf(all, u);
    }
}
