package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.listener.Taste;
import dev.mixtape.algo.content.ArtistKin;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Audio-feature and genre similarity: to the seed track (weighted feature distance, 80%, and genre
 * overlap, 20%), or, for a listener without a track, to their taste profile (cosine over standardised
 * features). With both, the two are averaged. When the seed track's artist has collaborative neighbours
 * ({@link ArtistKin}), the track similarity becomes 0.3 × sound + 0.1 × genre + 0.6 × kinship, as for
 * {@code /v1/recommendations}: tracks by the artists its listeners also play come before tracks that merely sound alike.
 */
public final class ContentStrategy implements Strategy {
    /** For a listener the listening model knows (and no seed track): how far the listener's collaborative neighbourhood counts against sound similarity ({@link Neighbourhood}). */
    static final double PRIOR_WEIGHT = 0.6;
    /** Squared distance from which similarity counts as 0: (2σ)², where similarity is e^-4 ≈ 0.018. */
    static final float FAR = FeatureSpace.similarityFloor();
    private final StrategyModels m;

    public ContentStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public String description() {
        return "audio-feature and genre similarity to a track, or to a listener's taste";
    }

    @Override
    public void validate(StrategyRequest r) {
        if (!r.hasTrack() && !r.hasListener()) {
            throw new InvalidRequestException("strategy content needs track_id or user_id");
        }
    }

    /** The kinship of every catalog artist (0 for most), or null when the seed's artist has no collaborative neighbours. */
    private float[] kinshipByArtist(Map<Integer, Float> kinship) {
        if (kinship.isEmpty()) {
            return null;
        }
        float[] out = new float[m.catalog().artistCount()];
        kinship.forEach((a, k) -> out[a] = k);
        return out;
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        Taste taste = m.taste(r);
        boolean useTaste = taste != null && taste.known();
        if (!r.hasTrack() && !useTaste) {
            throw new StrategyUnavailableException("listener has no history to be similar to");
        }
        int n = m.catalog().size();
        float[] score = new float[n];
        float[] trackSim = null;
        boolean kinned = false;
        if (r.hasTrack()) {
            trackSim = new float[n];
            m.space().distancesTo(m.space().points(), r.track() * FeatureSpace.DIMS, trackSim);
            long[] seedGenres = m.genres().trackSet(r.track());
            float[] kinship = kinshipByArtist(m.kin().kinship(m.catalog().trackArtists(r.track())[0]));
            kinned = kinship != null;
            for (int t = 0; t < n; t++) {
                // beyond 2σ the similarity is under e^-4: counted as 0, which saves most of the exp calls
                float d2 = trackSim[t];
                float sim = d2 > FAR ? 0f : FeatureSpace.similarity(d2);
                float genre = m.genres().withTrack(seedGenres, t);
                trackSim[t] = kinship == null ? 0.8f * sim + 0.2f * genre
                        : ArtistKin.affinity(sim, genre, kinship[m.catalog().trackArtists(t)[0]]);
            }
        }
        float[] tasteSim = null;
        if (useTaste) {
            tasteSim = new float[n];
            m.features().cosines(taste.profile(), taste.norm(), tasteSim);
            for (int t = 0; t < n; t++) {
                tasteSim[t] = (1 + tasteSim[t]) / 2;
            }
        }
        for (int t = 0; t < n; t++) {
            score[t] = trackSim != null && tasteSim != null ? (trackSim[t] + tasteSim[t]) / 2 : trackSim != null ? trackSim[t] : tasteSim[t];
        }
        float[] keep = score.clone();
        Neighbourhood nb = Neighbourhood.of(m, r);
        if (nb != null) {
            return nb.rank(keep, PRIOR_WEIGHT, m.allowed(r, taste), k, "taste_similarity",
                    t -> nb.explain("Close to the sound of what you play", t));
        }
        int[] best = kinned ? m.topSpread(score, k, m.allowed(r, taste)) : StrategyModels.top(score, k, m.allowed(r, taste));
        List<Scored> out = new ArrayList<>(best.length);
        String seedName = r.hasTrack() ? "\u201c" + m.catalog().trackName(r.track()) + "\u201d" : null;
        for (int t : best) {
            String why = seedName != null && tasteSim == null ? "Sounds like " + seedName
                    : seedName != null ? "Sounds like " + seedName + " and fits what you play" : "Close to the sound of what you play";
            Map<String, Double> c = new java.util.LinkedHashMap<>();
            if (trackSim != null) {
                c.put("track_similarity", (double) trackSim[t]);
            }
            if (tasteSim != null) {
                c.put("taste_similarity", (double) tasteSim[t]);
            }
            out.add(new Scored(t, keep[t], why, c));
        }
        return out;
    }
}
