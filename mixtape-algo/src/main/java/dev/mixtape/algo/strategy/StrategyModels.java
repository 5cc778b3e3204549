package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.listener.Taste;
import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.Nearest;
import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.algo.listener.GenreFeedback;
import dev.mixtape.algo.listener.StandardFeatures;
import dev.mixtape.algo.personality.PersonalityMusicModel;
import dev.mixtape.algo.playlist.TargetProfile;
import dev.mixtape.core.Catalog;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * What the strategies share over one catalog: feature spaces, genre sets, the personality model, song
 * keys, online trending counts, and the collaborative artist model (which may arrive later, or never).
 * Built once per catalog; thread-safe.
 */
public final class StrategyModels {
    private final Catalog catalog;
    private final FeatureSpace space;
    private final StandardFeatures features;
    private final GenreSets genres;
    private final PersonalityMusicModel personality;
    private final SongKeys songs;
    private final Trending trending;
    private final CollaborativeSource cf;
    private final float[] catalogMean;
    private final String version;
    private final GenreFeedback.Rewards rewards;
    private final dev.mixtape.algo.content.ArtistKin kin;

    /** @param artists the collaborative artist model, or null while there is none */
    public StrategyModels(FeatureSpace space, Supplier<ArtistNeighbours> artists, String version) {
        this(space, artists, version, GenreFeedback.Rewards.DEFAULT);
    }

    /** @param rewards what each kind of event is worth to the exploration and popularity strategies' genre arms */
    public StrategyModels(FeatureSpace space, Supplier<ArtistNeighbours> artists, String version, GenreFeedback.Rewards rewards) {
        this(space, artists == null ? CollaborativeSource.NONE : new CollaborativeSource() {
            @Override
            public ArtistNeighbours artists() {
                return artists.get();
            }

            @Override
            public dev.mixtape.algo.learn.ArtistScores scores(ListenerState listener, java.time.Instant now) {
                return null;
            }

            @Override
            public dev.mixtape.algo.learn.ListeningModel listening() {
                return null;
            }
        }, version, rewards);
    }

    /**
     * @param cf      the collaborative knowledge (artist neighbours, listening model), which may arrive later or change
     * @param rewards what each kind of event is worth to the exploration and popularity strategies' genre arms
     */
    public StrategyModels(FeatureSpace space, CollaborativeSource cf, String version, GenreFeedback.Rewards rewards) {
        this.rewards = rewards;
        this.catalog = space.catalog();
        this.space = space;
        this.features = new StandardFeatures(catalog);
        this.genres = new GenreSets(catalog);
        this.personality = new PersonalityMusicModel(catalog);
        this.songs = new SongKeys(catalog);
        this.trending = new Trending(catalog.size());
        this.cf = cf;
        this.catalogMean = TargetProfile.catalogMean(space);
        this.version = version;
        this.kin = cf.kinOrBorrowed(new dev.mixtape.algo.content.RelatedArtists(space, genres));
    }

    public Catalog catalog() {
        return catalog;
    }

    public FeatureSpace space() {
        return space;
    }

    public StandardFeatures features() {
        return features;
    }

    public GenreSets genres() {
        return genres;
    }

    public PersonalityMusicModel personality() {
        return personality;
    }

    public SongKeys songs() {
        return songs;
    }

    public Trending trending() {
        return trending;
    }

    /** The collaborative artist model, or null. */
    public ArtistNeighbours artists() {
        return cf.artists();
    }

    /**
     * The collaborative artist model as the neighbours of an artist (none while no model is loaded); an artist it does
     * not cover borrows those of the covered artists closest to it ({@link CollaborativeSource#kinOrBorrowed}).
     */
    public dev.mixtape.algo.content.ArtistKin kin() {
        return kin;
    }

    /** The listening model served, or null. */
    public dev.mixtape.algo.learn.ListeningModel listeningModel() {
        return cf.listening();
    }

    /** The listener's listening-model scores, or null (no listener, no model, or nothing in the history it knows). */
    public dev.mixtape.algo.learn.ArtistScores listening(StrategyRequest r) {
        return r.hasListener() ? cf.scores(r.listener(), r.context().time().toInstant()) : null;
    }

    public float[] catalogMean() {
        return catalogMean;
    }

    /** Names the catalog (and so every model built on it) and the listening model served, in answers and cache keys. */
    public String version() {
        String v = cf.version();
        return "-".equals(v) ? version : version + "+" + v;
    }

    /** The listener's taste, or null without a listener. */
    Taste taste(StrategyRequest r) {
        return r.hasListener() ? Taste.of(catalog, features, r.listener().history(), r.context().time().toInstant()) : null;
    }

    GenreFeedback feedback(StrategyRequest r) {
        return r.hasListener() ? GenreFeedback.of(catalog, r.listener().history(), rewards) : null;
    }

    /**
     * The {@code k} best by {@code score} (higher is better) among tracks {@code allowed} accepts; ties to the
     * lower index. {@code score} is overwritten.
     */
    static int[] top(float[] score, int k, IntPredicate allowed) {
        int n = score.length;
        for (int t = 0; t < n; t++) {
            score[t] = allowed.test(t) ? -score[t] : Float.MAX_VALUE;
        }
        int[] best = Nearest.of(score, n, -1, Math.max(1, k));
        int m = 0;
        for (int t : best) {
            if (score[t] != Float.MAX_VALUE) {
                best[m++] = t;
            }
        }
        return java.util.Arrays.copyOf(best, m);
    }

    /** Tracks of one primary artist a kinship-weighted pool keeps before it takes more of others ({@link #topSpread}). */
    static final int POOL_PER_ARTIST = 3;

    /**
     * The {@code k} best allowed tracks by {@code score}; when those hold too few artists to fill the answer under the
     * re-ranker's artist cap, the best with at most {@value #POOL_PER_ARTIST} per primary artist instead (then the best
     * of the rest). When a seed's kinship weighs in, its own artist and its nearest kin can fill the whole pool with
     * their catalogues and leave the answer short. Overwrites {@code score} as {@link #top} does.
     */
    int[] topSpread(float[] score, int k, IntPredicate allowed) {
        int[] ranked = top(score, Math.min(score.length, 20 * Math.max(1, k)), allowed);
        // the engine asks for 3n + 10 candidates and caps each artist at about 2: spread only a pool that cannot fill n
        java.util.Set<Integer> artists = new java.util.HashSet<>();
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            artists.add(catalog.trackArtists(ranked[i])[0]);
        }
        if (2 * artists.size() >= (k - 10) / 3) {
            return java.util.Arrays.copyOf(ranked, Math.min(k, ranked.length));
        }
        int[] out = new int[Math.min(k, ranked.length)];
        java.util.Map<Integer, Integer> perArtist = new java.util.HashMap<>();
        java.util.BitSet taken = new java.util.BitSet();
        int m = 0;
        for (int i = 0; i < ranked.length && m < out.length; i++) {
            if (perArtist.merge(catalog.trackArtists(ranked[i])[0], 1, Integer::sum) <= POOL_PER_ARTIST) {
                out[m++] = ranked[i];
                taken.set(i);
            }
        }
        for (int i = 0; i < ranked.length && m < out.length; i++) {
            if (!taken.get(i)) {
                out[m++] = ranked[i];
            }
        }
        return out;
    }

    /**
     * What a request rules out for every strategy: the seed, its song's other releases, the caller's exclusions, heard
     * tracks, tracks its filters reject (the re-ranker applies them too; here they keep a strategy's candidates to
     * tracks that can be served) and, when the request has a seed track or a listener, tracks from a
     * {@link dev.mixtape.algo.content.Scenes scene} it does not open ({@link #openScenes}).
     */
    IntPredicate allowed(StrategyRequest r, Taste taste) {
        int seedSong = r.hasTrack() ? songs.of(r.track()) : -1;
        int seed = r.track();
        // a bit set, not the request's Set<Integer>: this runs once per catalog track, and boxing each index cost more
        // than the rest of the test
        java.util.BitSet excluded = new java.util.BitSet();
        r.exclude().forEach(excluded::set);
        boolean anyExcluded = !excluded.isEmpty();
        Filters filters = r.filters();
        boolean filtered = !Filters.NONE.equals(filters);
        dev.mixtape.algo.content.Scenes scenes = genres.scenes();
        boolean scened = r.hasTrack() || r.hasListener();
        int open = scened ? openScenes(r) : 0;
        return t -> t != seed && !(anyExcluded && excluded.get(t)) && (seedSong < 0 || songs.of(t) != seedSong)
                && (taste == null || !taste.heard(t)) && (!filtered || filters.allows(catalog, t))
                && (!scened || scenes.allowsTrack(open, t));
    }

    /** A scene opens when the listener played, liked or saved its tracks at least this often (one stray play does not). */
    static final double SCENE_PLAYS = 2;

    /**
     * The scenes a request opens: the seed track's artists', the filter genres', and each scene whose tracks the
     * listener played, liked or saved at least {@value #SCENE_PLAYS} times together (and did not dislike).
     */
    int openScenes(StrategyRequest r) {
        dev.mixtape.algo.content.Scenes scenes = genres.scenes();
        int open = r.hasTrack() ? scenes.ofArtists(catalog.trackArtists(r.track())) : 0;
        for (String g : r.filters().genres()) {
            int gi = catalog.genreIndexOf(g);
            open |= gi >= 0 ? scenes.ofGenre(gi) : 0;
        }
        if (r.hasListener()) {
            double[] weight = new double[dev.mixtape.algo.content.Scenes.Scene.values().length];
            for (dev.mixtape.core.listener.HistoryEntry h : r.listener().history()) {
                int t = catalog.indexOf(h.trackId());
                if (t < 0 || h.dislikes() > 0) {
                    continue;
                }
                int m = scenes.ofArtists(catalog.trackArtists(t)[0]);
                double w = h.plays() + h.likes() + h.saves();
                for (int b = 0; m != 0 && b < weight.length; b++) {
                    if ((m & (1 << b)) != 0 && (weight[b] += w) >= SCENE_PLAYS) {
                        open |= 1 << b;
                    }
                }
            }
        }
        return open;
    }
}
