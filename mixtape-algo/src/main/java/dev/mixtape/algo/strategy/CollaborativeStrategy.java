package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.listener.Taste;
import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The trained collaborative model (today the Last.fm artist model from {@code ./mixtape import lastfm}):
 * for a track, the tracks of its artist's neighbours ("listeners of X also play Y"), ordered by neighbour
 * similarity and closeness in sound to the seed; for a listener, the neighbours of the artists they play
 * most, each weighted by how much they play that artist. Unavailable (so the fallback chain answers) when
 * there is no model or it does not cover the artists.
 */
public final class CollaborativeStrategy implements Strategy {
    static final int ARTISTS = 10;
    static final int SECOND_TRACK = 20;
    private final StrategyModels m;

    public CollaborativeStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "collaborative";
    }

    @Override
    public String description() {
        return "what listeners of the same artists also play (collaborative model)";
    }

    @Override
    public void validate(StrategyRequest r) {
        if (!r.hasTrack() && !r.hasListener()) {
            throw new InvalidRequestException("strategy collaborative needs track_id or user_id");
        }
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        if (!r.hasTrack()) {
            dev.mixtape.algo.learn.ArtistScores scores = m.listening(r);
            if (scores != null) {
                return fromListening(r, scores, k);
            }
        }
        if (r.hasTrack() && !r.hasListener()) {
            return fromKin(r, k);
        }
        ArtistNeighbours an = m.artists();
        if (an == null) {
            throw new StrategyUnavailableException("no collaborative model is loaded (run ./mixtape import lastfm DIR"
                    + (r.hasTrack() ? "" : ", or ./mixtape train once listeners have events") + ")");
        }
        Catalog c = m.catalog();
        Taste taste = m.taste(r);
        IntPredicate allowed = m.allowed(r, taste);
        // artist -> weight of the listener's (or the seed's) interest in it
        Map<Integer, Double> sources = new HashMap<>();
        if (r.hasTrack()) {
            sources.merge(c.trackArtists(r.track())[0], 1.0, Double::sum);
        }
        if (r.hasListener()) {
            Instant now = r.context().time().toInstant();
            double total = 0;
            for (HistoryEntry h : r.listener().history()) {
                int t = c.indexOf(h.trackId());
                double w = h.affinity(now);
                if (t >= 0 && w > 0) {
                    sources.merge(c.trackArtists(t)[0], w, Double::sum);
                    total += w;
                }
            }
            if (r.hasTrack() && total > 0) {
                // the seed counts as much as the whole history
                for (Map.Entry<Integer, Double> e : sources.entrySet()) {
                    e.setValue(e.getValue() / total);
                }
                sources.merge(c.trackArtists(r.track())[0], 1.0, Double::sum);
            }
        }
        List<Map.Entry<Integer, Double>> artists = new ArrayList<>(sources.entrySet());
        artists.removeIf(e -> !an.covers(e.getKey()));
        if (artists.isEmpty()) {
            throw new StrategyUnavailableException("the collaborative model does not cover "
                    + (r.hasTrack() ? c.artistName(c.trackArtists(r.track())[0]) : "this listener's artists"));
        }
        artists.sort((a, b) -> Double.compare(b.getValue(), a.getValue()) != 0 ? Double.compare(b.getValue(), a.getValue())
                : Integer.compare(a.getKey(), b.getKey()));
        Map<Integer, double[]> scores = new HashMap<>(); // track -> {score, via, from}
        for (Map.Entry<Integer, Double> src : artists.subList(0, Math.min(ARTISTS, artists.size()))) {
            for (ArtistNeighbours.Pick p : an.tracks(src.getKey(), 4 * k, 3)) {
                if (!allowed.test(p.track())) {
                    continue;
                }
                double s = p.score() * src.getValue();
                if (r.hasTrack()) {
                    float d = FeatureSpace.distance2(m.space().points(), r.track() * FeatureSpace.DIMS, m.space().points(),
                            p.track() * FeatureSpace.DIMS);
                    s *= 0.5 + 0.5 * FeatureSpace.similarity(d);
                }
                double[] cur = scores.get(p.track());
                if (cur == null) {
                    scores.put(p.track(), new double[] {s, p.via(), src.getKey()});
                } else {
                    cur[0] += s;
                }
            }
        }
        List<Scored> out = new ArrayList<>();
        scores.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]) != 0 ? Double.compare(b.getValue()[0], a.getValue()[0])
                        : Integer.compare(a.getKey(), b.getKey()))
                .limit(k)
                .forEach(e -> out.add(new Scored(e.getKey(), e.getValue()[0],
                        dev.mixtape.algo.learn.ArtistScores.alsoPlay(c, (int) e.getValue()[2], (int) e.getValue()[1]),
                        Map.of("collaborative", e.getValue()[0]))));
        return out;
    }

    /** Co-listened artists a seed track draws from. */
    static final int KIN = 50;
    static final int TRACKS_PER_KIN = 3;

    /**
     * A seed track alone: the most popular own tracks ({@value #TRACKS_PER_KIN} each) of the seed artist's
     * {@value #KIN} best co-listened artists — its own collaborative neighbours, or for an artist the model does not
     * cover those it borrows ({@link StrategyModels#kin}, as {@code /v1/recommendations} and {@code content} do) —
     * scored by the neighbour's rank ({@code 1 − rank / KIN}), popularity and closeness in sound to the seed.
     */
    private List<Scored> fromKin(StrategyRequest r, int k) {
        if (m.artists() == null) {
            throw new StrategyUnavailableException("no collaborative model is loaded (run ./mixtape import lastfm DIR)");
        }
        Catalog c = m.catalog();
        int seedArtist = c.trackArtists(r.track())[0];
        int[] kin = m.kin().of(seedArtist, KIN);
        if (kin.length == 0) {
            throw new StrategyUnavailableException("the collaborative model does not cover " + c.artistName(seedArtist)
                    + " nor artists close to it");
        }
        IntPredicate allowed = m.allowed(r, m.taste(r));
        float[] points = m.space().points();
        List<Scored> out = new ArrayList<>();
        for (int rank = 0; rank < kin.length; rank++) {
            int a = kin[rank];
            if (a == seedArtist) {
                continue;
            }
            List<Integer> own = new ArrayList<>();
            for (int t : c.artistTracks(a)) {
                if (c.trackArtists(t)[0] == a && allowed.test(t)) {
                    own.add(t);
                }
            }
            own.sort((x, y) -> Integer.compare(c.popularity(y), c.popularity(x)) != 0 ? Integer.compare(c.popularity(y), c.popularity(x))
                    : Integer.compare(x, y));
            double near = 1.0 - (double) rank / kin.length;
            for (int t : own.subList(0, Math.min(TRACKS_PER_KIN, own.size()))) {
                float d = FeatureSpace.distance2(points, r.track() * FeatureSpace.DIMS, points, t * FeatureSpace.DIMS);
                double s = near * (0.5 + 0.5 * c.popularity(t) / 100.0) * (0.5 + 0.5 * FeatureSpace.similarity(d));
                out.add(new Scored(t, s, dev.mixtape.algo.learn.ArtistScores.alsoPlay(c, seedArtist, a),
                        Map.of("collaborative", s)));
            }
        }
        out.sort((x, y) -> Double.compare(y.score(), x.score()) != 0 ? Double.compare(y.score(), x.score())
                : Integer.compare(x.track(), y.track()));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    /**
     * A listener without a seed track: the artists the listening model scores highest for them that they do not play
     * yet, best first, each with its most popular track they have not heard (a second for the best {@value #SECOND_TRACK}).
     */
    private List<Scored> fromListening(StrategyRequest r, dev.mixtape.algo.learn.ArtistScores scores, int k) {
        Catalog c = m.catalog();
        Taste taste = m.taste(r);
        IntPredicate allowed = m.allowed(r, taste);
        int[] artists = scores.top(k, true);
        List<Scored> out = new ArrayList<>();
        for (int round = 0; round < 2 && out.size() < k; round++) {
            for (int i = 0; i < artists.length && out.size() < k; i++) {
                if (round == 1 && i >= SECOND_TRACK) {
                    break;
                }
                int a = artists[i];
                int t = c.ownTrack(a, allowed, round);
                if (t >= 0) {
                    double s = scores.normalised(a) * (round == 0 ? 1 : 0.5);
                    out.add(new Scored(t, s, scores.explain(a), Map.of("collaborative", s)));
                }
            }
        }
        out.sort((x, y) -> Double.compare(y.score(), x.score()) != 0 ? Double.compare(y.score(), x.score())
                : Integer.compare(x.track(), y.track()));
        return out;
    }
}
