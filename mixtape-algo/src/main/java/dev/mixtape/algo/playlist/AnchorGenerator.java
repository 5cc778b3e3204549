package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.ArtistKin;
import dev.mixtape.algo.content.FeatureSpace;

/**
 * Anchor-based generation: for each anchor, its nearest neighbours in {@link FeatureSpace} (one
 * vectorised whole-catalog distance scan and an exact k-nearest selection per anchor), the budget split
 * evenly over the anchors ({@value #MIN_PER_ANCHOR}–{@value #MAX_PER_ANCHOR} each). Affinity: the audio
 * similarity to the anchor; ref: the anchor's index in {@link Seeds#anchors()}. Excluded tracks are
 * skipped (twice as many neighbours are read as wanted, more when needed). When the anchor's artist has collaborative
 * neighbours ({@link ArtistKin}), the affinity is 0.3 × audio similarity + 0.6 × the kinship of the neighbour's artist
 * (as for {@code /v1/recommendations}, less the genre share): tracks that merely sound like the anchor rank below those
 * of the artists its listeners also play. The neighbours of a genre representative ({@link Seeds.AnchorKind#GENRE_REPRESENTATIVE})
 * of a prompt that asks for genres keep to those genres: a "bollywood party" representative's nearest sounds are
 * mostly house and EDM, which the prompt did not ask for (eval coherence: purity 0.67 before). Thread-safe.
 */
public final class AnchorGenerator implements CandidateGenerator {
    static final int MIN_PER_ANCHOR = 20;
    static final int MAX_PER_ANCHOR = 250;

    private final FeatureSpace space;
    private final ArtistKin kin;

    public AnchorGenerator(FeatureSpace space) {
        this(space, ArtistKin.NONE);
    }

    public AnchorGenerator(FeatureSpace space, ArtistKin kin) {
        this.space = space;
        this.kin = kin;
    }

    @Override
    public Source source() {
        return Source.ANCHOR;
    }

    @Override
    public Candidates generate(TargetProfile p, Seeds seeds, int budget, float[] dist) {
        Candidates out = new Candidates(Source.ANCHOR);
        int anchors = seeds.anchors().size();
        if (anchors == 0) {
            return out;
        }
        int n = space.catalog().size();
        int k = Math.max(MIN_PER_ANCHOR, Math.min(MAX_PER_ANCHOR, budget / anchors));
        for (int i = 0; i < anchors; i++) {
            int anchor = seeds.anchors().get(i).track();
            space.distancesTo(space.points(), anchor * FeatureSpace.DIMS, dist);
            boolean wantedGenresOnly = p.genres().length > 0 && seeds.anchors().get(i).kind() == Seeds.AnchorKind.GENRE_REPRESENTATIVE;
            if (wantedGenresOnly) {
                for (int t = 0; t < n; t++) {
                    if (p.genreMatch(t) == 0f) {
                        dist[t] = Float.POSITIVE_INFINITY;
                    }
                }
            }
            java.util.Map<Integer, Float> kinship = kin.kinship(space.catalog().trackArtists(anchor)[0]);
            for (int t : AllowedNearest.of(dist, n, anchor, k, p)) {
                if (dist[t] == Float.POSITIVE_INFINITY) {
                    break; // nearest first: only tracks of other genres are left
                }
                float sim = FeatureSpace.similarity(dist[t]);
                out.add(t, kinship.isEmpty() ? sim
                        : ArtistKin.affinity(sim, 0f, kinship.getOrDefault(space.catalog().trackArtists(t)[0], 0f)), i);
            }
        }
        return out;
    }
}
