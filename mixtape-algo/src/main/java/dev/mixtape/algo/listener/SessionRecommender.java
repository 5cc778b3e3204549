package dev.mixtape.algo.listener;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.Nearest;
import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.algo.content.TopK;
import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.algo.personality.PersonalityMusicModel;
import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.rerank.Reranker;
import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PersonalityProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A listener's session picks: what they play blended with who they are.
 *
 * <ol>
 *   <li><b>Candidates</b> (200–700) from five sources: the listening model's artists for this listener (when a model
 *       is loaded: the {@value #LISTENERS} artists it scores highest that they do not play yet and their
 *       {@value #FAMILIAR_ARTISTS} best own artists, one unheard track each), neighbours of the history (the tracks nearest the
 *       listener's profile, and the audio-feature neighbours of their three most played tracks within those
 *       tracks' genres), the tracks that
 *       best fit their personality, popular tracks, and fresh tracks (a seeded daily sample of less-known
 *       tracks, the best-fitting kept). Tracks the listener has already interacted with, and other
 *       versions of those songs, are left out.</li>
 *   <li><b>Score</b>: history H: with a listening model, {@link SessionWeights#modelShare()} × the model's score of the track's
 *       artist for this listener (folded in from their current history, relative to their best new artist; artists
 *       they already play count {@value #FAMILIAR}) + the rest × audio similarity; without one, audio similarity alone
 *       (cosine over standardised audio features against the listener's profile, mapped to 0–1), personality match P ({@link PersonalityMusicModel}), diversity
 *       D (1 − similarity to the picks already made), novelty N (1 − popularity), popularity; weighted by
 *       the {@link ColdStartStage}; the blend of all but D is multiplied by 1 + the {@link GenreFeedback} adjustment (±5%)
 *       (until 2026-12-07 D was multiplied too: a difference of at most 5% of D's weight).
 *       A component the listener has no data for (no history, no profile) passes its weight on.</li>
 *   <li><b>Selection</b>: the shared {@link Reranker}, greedy, so D sees the picks made so far; at most two tracks per
 *       artist.</li>
 *   <li><b>Explanation</b>: the component that contributed most names its reason (which history track,
 *       which trait, popularity, novelty).</li>
 * </ol>
 * Deterministic for the same inputs and day. Thread-safe.
 */
public final class SessionRecommender {
    public static final int DEFAULT_SIZE = 50;
    // source quotas: at most 120 + 3 * 40 + 130 + 70 + 60 = 500 candidates; a source the listener has no data for
    // passes its share to the others, so there are always at least 200
    static final int NEAR_PROFILE = 120;
    static final int SEED_TRACKS = 3;
    static final int NEAR_SEED = 40;
    static final int PERSONALITY = 130;
    static final int POPULAR = 70;
    static final int FRESH = 60;
    static final int FRESH_SAMPLE = 3000;
    static final int PER_ARTIST = 2;
    /** Candidates from the listening model's artists, and of the listener's own artists among them. */
    static final int LISTENERS = 200;
    static final int FAMILIAR_ARTISTS = 20;
    static final double FAMILIAR = 0.5;

    private final Catalog catalog;
    private final FeatureSpace space;
    private final StandardFeatures features;
    private final PersonalityMusicModel personality;
    private final SongKeys songs;
    private final SessionWeights weights;
    /** Track indices by popularity, most popular first (the top 5,000). */
    private final int[] popular;
    private final Reranker reranker;

    public SessionRecommender(FeatureSpace space, PersonalityMusicModel personality, SongKeys songs, SessionWeights weights) {
        this.catalog = space.catalog();
        this.space = space;
        this.features = new StandardFeatures(catalog);
        this.personality = personality;
        this.songs = songs;
        this.weights = weights;
        TopK top = new TopK(Math.min(5000, Math.max(1, catalog.size())));
        for (int t = 0; t < catalog.size(); t++) {
            top.offer(t, catalog.popularity(t));
        }
        this.popular = top.sortedIds();
        this.reranker = new Reranker(catalog, features, songs);
    }

    public SessionWeights weights() {
        return weights;
    }

    /** What a session is computed from. {@code profile} may be null; {@code history} is highest play score first. */
    public record Input(Listener listener, List<HistoryEntry> history, PersonalityProfile profile, Instant now, int size,
                        ArtistScores listening) {
        public Input(Listener listener, List<HistoryEntry> history, PersonalityProfile profile, Instant now, int size) {
            this(listener, history, profile, now, size, null);
        }
    }

    /** One pick. {@code contributions} are the weighted components (history, personality, popularity, novelty, diversity, adjustment). */
    public record Pick(int track, double score, String source, String reason, String explanation, String becauseOfTrack,
                       String trait, Map<String, Double> contributions) {}

    public record Result(ColdStartStage stage, List<Pick> picks, int totalCandidates, Map<String, Integer> candidatesBySource,
                         Map<String, Double> blend) {}

    public Result recommend(Input in) {
        ColdStartStage stage = ColdStartStage.of(in.listener().since(), in.now(), in.listener().eventCount());
        ArtistScores cf = in.listening() != null && in.listening().knownCount() > 0 ? in.listening() : null;
        // the listener's taste profile: standardised features weighted by decayed plays and explicit feedback
        Taste taste = Taste.of(catalog, features, in.history(), in.now());
        double[] profile = taste.profile();
        double profileNorm = taste.norm();
        boolean hasHistory = taste.known() || cf != null;
        int[] seeds = java.util.Arrays.copyOf(taste.seeds(), Math.min(SEED_TRACKS, taste.seeds().length));
        BitSet heardSongs = new BitSet(songs.count());
        for (HistoryEntry h : in.history()) {
            int t = catalog.indexOf(h.trackId());
            if (t >= 0) {
                heardSongs.set(songs.of(t));
            }
        }
        PersonalityMusicModel.Scorer traits = in.profile() == null ? null : personality.scorer(in.profile().traits());
        boolean hasPersonality = traits != null && traits.strength() > 0;
        GenreFeedback feedback = GenreFeedback.of(catalog, in.history());
        Map<String, Double> blend = blend(stage, hasHistory, hasPersonality);

        // candidates, each remembering the first source that proposed it
        Map<Integer, String> candidates = new LinkedHashMap<>();
        Map<String, Integer> bySource = new LinkedHashMap<>();
        BitSet songsTaken = (BitSet) heardSongs.clone();
        int n = catalog.size();
        float[] rank = new float[n]; // lower is better, for Nearest's threshold selection
        if (cf != null) {
            add(candidates, bySource, songsTaken, modelTracks(cf, taste), LISTENERS, "listeners");
        }
        if (taste.known()) {
            features.cosines(profile, profileNorm, rank);
            for (int t = 0; t < n; t++) {
                rank[t] = taste.heard(t) ? Float.MAX_VALUE : -rank[t];
            }
            add(candidates, bySource, songsTaken, Nearest.of(rank, n, -1, NEAR_PROFILE * 2), NEAR_PROFILE, "history");
            float[] points = space.points();
            for (int seed : seeds) {
                // the seed's audio-feature neighbours among the tracks of its own genres (a few thousand, not the catalog)
                TopK near = new TopK(NEAR_SEED * 3);
                int so = seed * FeatureSpace.DIMS;
                for (int g : catalog.trackGenres(seed)) {
                    for (int t : catalog.genreTracks(g)) {
                        if (t != seed && !taste.heard(t)) {
                            near.offer(t, -FeatureSpace.distance2(points, so, points, t * FeatureSpace.DIMS));
                        }
                    }
                }
                add(candidates, bySource, songsTaken, near.size() == 0 ? new int[0] : near.sortedIds(), NEAR_SEED, "history");
            }
        }
        float[] pMatch = null;
        if (hasPersonality) {
            pMatch = new float[n];
            traits.matchAll(pMatch);
            for (int t = 0; t < n; t++) {
                // the fit, nudged toward known tracks so the list is not all obscurities
                rank[t] = taste.heard(t) ? Float.MAX_VALUE : -(pMatch[t] + 0.001f * catalog.popularity(t));
            }
            int quota = hasHistory ? PERSONALITY : 2 * PERSONALITY;
            add(candidates, bySource, songsTaken, Nearest.of(rank, n, -1, quota * 2), quota, "personality");
        }
        add(candidates, bySource, songsTaken, popular, hasHistory || hasPersonality ? POPULAR : 4 * POPULAR, "popular");
        SplittableRandom rnd = new SplittableRandom(in.listener().id().hashCode() * 31L + in.now().getEpochSecond() / 86_400);
        TopK fresh = new TopK(FRESH * 2);
        for (int i = 0; i < FRESH_SAMPLE && catalog.size() > 0; i++) {
            int t = rnd.nextInt(catalog.size());
            int pop = catalog.popularity(t);
            if (taste.heard(t) || pop < 15 || pop > 60) {
                continue;
            }
            double fit = (taste.known() ? (1 + features.cosine(t, profile, profileNorm)) / 2 : 0.5)
                    + (pMatch != null ? pMatch[t] : 0.5);
            fresh.offer(t, (float) fit);
        }
        add(candidates, bySource, songsTaken, fresh.sortedIds(), FRESH, "fresh");

        // score
        int m = candidates.size();
        int[] cand = new int[m];
        String[] source = new String[m];
        double[] hs = new double[m], ps = new double[m], pop = new double[m], nov = new double[m], adj = new double[m];
        double[] base = new double[m];
        int c = 0;
        for (Map.Entry<Integer, String> e : candidates.entrySet()) {
            int t = e.getKey();
            cand[c] = t;
            source[c] = e.getValue();
            double audio = taste.known() ? (1 + features.cosine(t, profile, profileNorm)) / 2 : 0;
            hs[c] = cf == null ? audio : weights.modelShare() * listened(cf, t) + (1 - weights.modelShare()) * audio;
            ps[c] = hasPersonality ? pMatch[t] : 0;
            pop[c] = catalog.popularity(t) / 100.0;
            nov[c] = 1 - pop[c];
            adj[c] = feedback.adjustment(t, weights.maxAdjustment());
            base[c] = blend.get("history") * hs[c] + blend.get("personality") * ps[c] + blend.get("popularity") * pop[c]
                    + blend.get("novelty") * nov[c];
            c++;
        }

        // the shared re-ranker: greedy, with diversity against the picks so far and an artist cap; it maximises
        // relevance - wd * similarity when λ = best / (best + wd)
        int size = Math.min(in.size(), m);
        double wd = blend.get("diversity");
        List<Scored> pool = new ArrayList<>(m);
        Map<Integer, Integer> indexOf = new HashMap<>(m * 2);
        double best = 0;
        for (int i = 0; i < m; i++) {
            double relevance = base[i] * (1 + adj[i]);
            pool.add(new Scored(cand[i], relevance, null, null));
            indexOf.put(cand[i], i);
            best = Math.max(best, relevance);
        }
        double lambda = wd <= 0 ? 1 : best / (best + wd);
        List<Pick> picks = new ArrayList<>(size);
        reranker.select(pool, new ArrayList<>(size), new HashSet<>(), size, Filters.NONE, lambda, PER_ARTIST, (p, similarity) -> {
            int i = indexOf.get(p.track());
            double diversity = 1 - similarity;
            picks.add(explain(in, cf, i, p.track(), p.score() + wd * diversity, source[i], blend, hs, ps, pop, nov, diversity, adj, traits));
        });
        return new Result(stage, List.copyOf(picks), m, Map.copyOf(bySource), blend);
    }

    /**
     * The history score from the listening model: the track's artist's score relative to the best artist the listener
     * does not play yet, artists they already play counting {@value #FAMILIAR} of theirs (a session is mostly new
     * artists, with familiar ones among them).
     */
    private double listened(ArtistScores cf, int track) {
        int a = catalog.trackArtists(track)[0];
        return cf.normalised(a) * (cf.known(a) ? FAMILIAR : 1.0);
    }

    /**
     * The model's candidates: the most popular unheard track of each of the {@value #LISTENERS} artists it scores highest
     * that the listener does not play yet, best first, then one of each of their {@value #FAMILIAR_ARTISTS} best-scored
     * own artists.
     */
    private int[] modelTracks(ArtistScores cf, Taste taste) {
        int[] fresh = cf.top(LISTENERS, true);
        int[] familiar = cf.topKnown(FAMILIAR_ARTISTS);
        int[] out = new int[fresh.length + familiar.length];
        int m = 0;
        for (int[] group : new int[][] {fresh, familiar}) {
            for (int a : group) {
                int t = catalog.ownTrack(a, x -> !taste.heard(x), 0);
                if (t >= 0) {
                    out[m++] = t;
                }
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /** The stage's weights, with each component the listener has no data for passing its weight on. */
    Map<String, Double> blend(ColdStartStage stage, boolean hasHistory, boolean hasPersonality) {
        double h, p, pop = 0, d = 0, nv = 0;
        switch (stage) {
            case WEEK_1 -> { h = 0; p = 0.8; pop = 0.2; }
            case WEEKS_2_4 -> { h = 0.4; p = 0.6; }
            default -> { h = weights.history(); p = weights.personality(); d = weights.diversity(); nv = weights.novelty(); }
        }
        if (!hasPersonality) {
            if (hasHistory) {
                h += p;
            } else {
                pop += p;
            }
            p = 0;
        }
        if (!hasHistory) {
            if (hasPersonality) {
                p += h;
            } else {
                pop += h;
            }
            h = 0;
        }
        if (!hasHistory && !hasPersonality) {
            // nothing known yet: popular tracks, kept varied
            pop = 0.8;
            d = 0.2;
            nv = 0;
        }
        double sum = h + p + pop + d + nv;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("history", h / sum);
        out.put("personality", p / sum);
        out.put("popularity", pop / sum);
        out.put("diversity", d / sum);
        out.put("novelty", nv / sum);
        return out;
    }

    private void add(Map<Integer, String> candidates, Map<String, Integer> bySource, BitSet songsTaken, int[] tracks, int quota,
                     String source) {
        int added = 0;
        for (int t : tracks) {
            if (added >= quota) {
                break;
            }
            int song = songs.of(t);
            if (songsTaken.get(song) || candidates.containsKey(t)) {
                continue;
            }
            songsTaken.set(song);
            candidates.put(t, source);
            added++;
        }
        bySource.merge(source, added, Integer::sum);
    }

    private Pick explain(Input in, ArtistScores cf, int i, int t, double score, String source, Map<String, Double> blend, double[] hs, double[] ps,
                         double[] pop, double[] nov, double diversity, double[] adj, PersonalityMusicModel.Scorer traits) {
        Map<String, Double> contrib = new LinkedHashMap<>();
        contrib.put("history", round(blend.get("history") * hs[i]));
        contrib.put("personality", round(blend.get("personality") * ps[i]));
        contrib.put("popularity", round(blend.get("popularity") * pop[i]));
        contrib.put("novelty", round(blend.get("novelty") * nov[i]));
        contrib.put("diversity", round(blend.get("diversity") * diversity));
        contrib.put("adjustment", round(adj[i]));
        String reason = "popularity";
        double best = -1;
        for (String k : new String[] {"history", "personality", "popularity", "novelty", "diversity"}) {
            if (contrib.get(k) > best) {
                best = contrib.get(k);
                reason = k;
            }
        }
        String because = null;
        String trait = null;
        String text;
        switch (reason) {
            case "history" -> {
                int artist = catalog.trackArtists(t)[0];
                int via = cf == null || cf.known(artist) ? -1 : cf.because(artist);
                if (via >= 0) {
                    text = ArtistScores.alsoPlay(catalog, via, artist);
                    break;
                }
                HistoryEntry nearest = nearestHistory(in, t);
                because = nearest == null ? null : nearest.trackId();
                text = nearest == null ? "Close to what you play" : "Sounds like \u201c" + catalog.trackName(catalog.indexOf(nearest.trackId()))
                        + "\u201d by " + artistName(catalog.indexOf(nearest.trackId())) + describe(nearest);
            }
            case "personality" -> {
                trait = traits == null ? null : traits.mainTrait(t);
                String genre = catalog.trackGenres(t).length == 0 ? "" : " (" + catalog.genreName(catalog.trackGenres(t)[0]) + ")";
                text = trait == null ? "Fits your personality profile" + genre : "Fits your " + trait + genre;
            }
            case "novelty" -> text = "Something new for you, off the beaten track";
            case "diversity" -> text = "Adds variety to your session";
            default -> text = "Popular with listeners (popularity " + catalog.popularity(t) + ")";
        }
        if (adj[i] >= 0.01) {
            text += "; you have liked music like this";
        } else if (adj[i] <= -0.01) {
            text += "; ranked lower because you skipped similar music";
        }
        return new Pick(t, round(score), source, reason, text, because, trait, contrib);
    }

    private String describe(HistoryEntry h) {
        if (h.likes() + h.saves() > 0 && h.plays() < 1) {
            return ", which you liked";
        }
        long plays = Math.round(h.plays());
        return plays <= 0 ? "" : ", which you played " + (plays == 1 ? "once" : plays + " times");
    }

    private HistoryEntry nearestHistory(Input in, int t) {
        HistoryEntry best = null;
        double bestSim = Double.NEGATIVE_INFINITY;
        int looked = 0;
        for (HistoryEntry h : in.history()) {
            if (looked >= 30) {
                break;
            }
            int ht = catalog.indexOf(h.trackId());
            if (ht < 0 || h.affinity(in.now()) <= 0) {
                continue;
            }
            looked++;
            double sim = features.cosine(t, ht);
            if (sim > bestSim) {
                bestSim = sim;
                best = h;
            }
        }
        return best;
    }

    private String artistName(int t) {
        return catalog.artistName(catalog.trackArtists(t)[0]);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
