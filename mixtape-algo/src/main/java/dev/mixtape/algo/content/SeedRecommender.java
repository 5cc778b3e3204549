package dev.mixtape.algo.content;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Seed-based recommendations over the catalog, the engine behind {@code /v1/recommendations}.
 *
 * <p>Each seed contributes a candidate pool and an affinity in [0, 1] for every member:
 * <ul>
 *   <li>track: its {@value #NEIGHBOURS} nearest neighbours in {@link FeatureSpace}, the tracks of its
 *       genres and of its artists; affinity 0.7 × audio similarity + 0.3 × genre overlap. When its primary
 *       artist has collaborative neighbours ({@link ArtistKin}), their tracks join the pool and the affinity
 *       becomes 0.3 × audio similarity + 0.1 × genre overlap + 0.6 × kinship, where kinship is
 *       {@value ArtistKin#SELF} for the seed's artist, {@code 0.9 − 0.5·rank / }{@value ArtistKin#NEAREST} for its
 *       {@value ArtistKin#NEAREST} best neighbours and 0 for any other artist: tracks of the artists its listeners also play
 *       come before tracks that merely sound alike;</li>
 *   <li>artist: its tracks, the tracks of its {@value #RELATED} closest {@link RelatedArtists} and of
 *       its three main genres; affinity 0.6 × similarity to the artist's centroid + 0.2 × genre
 *       overlap + 0.2 × (1 for the artist itself, 0.6 for a related artist). With collaborative neighbours,
 *       its {@value ArtistKin#NEAREST} best ones replace the related artists, and the affinity is 0.3 × similarity +
 *       0.1 × genre overlap + 0.6 × kinship (as for a track);</li>
 *   <li>genre: the genre's tracks; affinity 0.5 + 0.5 × similarity to the genre's centroid.</li>
 * </ul>
 * A candidate's affinity is its best over the seeds plus 0.05 for each further seed whose pool has
 * it. Candidates failing a {@code min_}/{@code max_} filter are dropped, and so are candidates from a {@link Scenes scene}
 * no seed opens (the scenes of the seed tracks' and artists' artists and of the seed genres: a Radiohead seed gets no
 * Indian film songs, {@code seed_genres=k-pop} opens K-pop). The score is
 * 0.85 × affinity + 0.15 × popularity without targets, and 0.35 × affinity + 0.55 × closeness +
 * 0.10 × popularity with targets, where closeness is 1 − the mean over targeted attributes of
 * |value − target| / scale (each capped at 1; all targets weigh the same). The answer takes
 * candidates best first (ties to catalog order), a primary artist's track competing at
 * {@value #REPEAT_ARTIST}{@code ^c} of its score when the artist already has c tracks in the answer (so artists
 * spread: a second track must beat the next artist's best by a margin; not with {@code target_} attributes, where
 * closeness to the targets decides), skipping seed tracks, second releases of a
 * song already taken (same folded name and primary artist) and tracks of a primary artist at its cap.
 *
 * <p>Thread-safe: per-request state lives in pooled scratch buffers; at most twice as many requests
 * as there are cores compute at once, the rest wait their turn.
 */
public final class SeedRecommender {
    static final int NEIGHBOURS = 250;
    static final int RELATED = 10;
    /** A primary artist's next track competes at this share of its score for each track the artist has in the answer. */
    static final float REPEAT_ARTIST = 0.85f;
    private final Catalog catalog;
    private final FeatureSpace space;
    private final RelatedArtists related;
    private final ArtistKin kin;
    private final GenreSets genreSets;
    private final SongKeys songs;
    private final Scenes scenes;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();
    /** Bounds concurrent computations (CPU-bound: more than a few per core gains nothing) and so scratch memory. */
    private final Semaphore permits = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    public SeedRecommender(FeatureSpace space, GenreSets genreSets, RelatedArtists related) {
        this(space, genreSets, related, ArtistKin.NONE);
    }

    /** @param kin the collaborative neighbours of an artist, consulted on every request (so a new model serves at once) */
    public SeedRecommender(FeatureSpace space, GenreSets genreSets, RelatedArtists related, ArtistKin kin) {
        this.kin = kin;
        this.space = space;
        this.genreSets = genreSets;
        this.catalog = space.catalog();
        this.related = related;
        this.songs = new SongKeys(catalog);
        this.scenes = genreSets.scenes();
    }

    public Catalog catalog() {
        return catalog;
    }

    public SeedResult recommend(SeedQuery q) {
        int[] trackSeeds = resolve(q.seedTracks(), "track", catalog::indexOf);
        int[] artistSeeds = resolve(q.seedArtists(), "artist", catalog::artistIndexOf);
        int[] genreSeeds = resolve(q.seedGenres(), "genre", g -> catalog.genreIndexOf(g.trim().toLowerCase(Locale.ROOT)));
        permits.acquireUninterruptibly();
        Scratch s = acquire();
        try {
            Filter filter = new Filter(q, space, scenes, allowedScenes(trackSeeds, artistSeeds, genreSeeds));
            List<SeedResult.SeedReport> reports = new ArrayList<>();
            for (int i = 0; i < trackSeeds.length; i++) {
                reports.add(addTrackSeed(s, filter, trackSeeds[i], q.seedTracks().get(i)));
            }
            for (int i = 0; i < artistSeeds.length; i++) {
                reports.add(addArtistSeed(s, filter, artistSeeds[i], q.seedArtists().get(i)));
            }
            for (int i = 0; i < genreSeeds.length; i++) {
                reports.add(addGenreSeed(s, filter, genreSeeds[i], q.seedGenres().get(i)));
            }
            return select(s, q, filter, trackSeeds, reports);
        } finally {
            s.reset();
            scratches.offer(s);
            permits.release();
        }
    }

    /** The scenes the seeds open: those of the seed tracks' and seed artists' artists and of the seed genres. */
    private int allowedScenes(int[] trackSeeds, int[] artistSeeds, int[] genreSeeds) {
        int m = scenes.ofArtists(artistSeeds) | scenes.ofGenres(genreSeeds);
        for (int t : trackSeeds) {
            m |= scenes.ofArtists(catalog.trackArtists(t));
        }
        return m;
    }

    private SeedResult.SeedReport addTrackSeed(Scratch s, Filter f, int seed, String id) {
        s.beginSeed();
        float[] dist = s.distance;
        space.distancesTo(space.points(), seed * FeatureSpace.DIMS, dist);
        long[] seedGenres = genreSets.trackSet(seed);
        int seedArtist = catalog.trackArtists(seed)[0];
        Map<Integer, Float> kinship = kin.kinship(seedArtist);
        for (int a : kinship.keySet()) {
            for (int t : catalog.artistTracks(a)) {
                offerTrack(s, f, seed, seedGenres, dist, t, kinship);
            }
        }
        for (int t : Nearest.of(dist, catalog.size(), seed, NEIGHBOURS)) {
            offerTrack(s, f, seed, seedGenres, dist, t, kinship);
        }
        for (int g : catalog.trackGenres(seed)) {
            for (int t : catalog.genreTracks(g)) {
                offerTrack(s, f, seed, seedGenres, dist, t, kinship);
            }
        }
        for (int a : catalog.trackArtists(seed)) {
            for (int t : catalog.artistTracks(a)) {
                offerTrack(s, f, seed, seedGenres, dist, t, kinship);
            }
        }
        return s.report("TRACK", id);
    }

    private void offerTrack(Scratch s, Filter f, int seed, long[] seedGenres, float[] dist, int t, Map<Integer, Float> kinship) {
        if (t == seed || !s.firstInSeed(t)) {
            return;
        }
        float sim = FeatureSpace.similarity(dist[t]);
        float genre = genreSets.withTrack(seedGenres, t);
        s.add(t, kinship.isEmpty() ? 0.7f * sim + 0.3f * genre
                : ArtistKin.affinity(sim, genre, kinship.getOrDefault(catalog.trackArtists(t)[0], 0f)), f);
    }

    private SeedResult.SeedReport addArtistSeed(Scratch s, Filter f, int artist, String id) {
        s.beginSeed();
        float[] dist = s.distance;
        space.distancesTo(space.artistCentroids(), artist * FeatureSpace.DIMS, dist);
        int[] genres = catalog.artistGenres(artist);
        int[] main = Arrays.copyOf(genres, Math.min(3, genres.length));
        long[] mainSet = genreSets.of(main);
        Map<Integer, Float> kinship = kin.kinship(artist);
        if (kinship.isEmpty()) {
            int[] rel = related.of(artist);
            int relCount = Math.min(RELATED, rel.length);
            offerArtistTracks(s, f, mainSet, dist, catalog.artistTracks(artist), 1f, false);
            for (int r = 0; r < relCount; r++) {
                offerArtistTracks(s, f, mainSet, dist, catalog.artistTracks(rel[r]), 0.6f, false);
            }
        } else {
            for (Map.Entry<Integer, Float> k : kinship.entrySet()) {
                offerArtistTracks(s, f, mainSet, dist, catalog.artistTracks(k.getKey()), k.getValue(), true);
            }
        }
        for (int g : main) {
            offerArtistTracks(s, f, mainSet, dist, catalog.genreTracks(g), 0f, !kinship.isEmpty());
        }
        return s.report("ARTIST", id);
    }

    /** @param collaborative whether the kinship comes from collaborative neighbours (it then weighs {@value ArtistKin#KIN_SHARE}, else 0.2) */
    private void offerArtistTracks(Scratch s, Filter f, long[] genres, float[] dist, int[] tracks, float kinship, boolean collaborative) {
        for (int t : tracks) {
            if (!s.firstInSeed(t)) {
                continue;
            }
            float sim = FeatureSpace.similarity(dist[t]);
            float genre = genreSets.withTrack(genres, t);
            s.add(t, collaborative ? ArtistKin.affinity(sim, genre, kinship) : 0.6f * sim + 0.2f * genre + 0.2f * kinship, f);
        }
    }

    private SeedResult.SeedReport addGenreSeed(Scratch s, Filter f, int genre, String id) {
        s.beginSeed();
        float[] dist = s.distance;
        space.distancesTo(space.genreCentroids(), genre * FeatureSpace.DIMS, dist);
        for (int t : catalog.genreTracks(genre)) {
            if (s.firstInSeed(t)) {
                s.add(t, 0.5f + 0.5f * FeatureSpace.similarity(dist[t]), f);
            }
        }
        return s.report("GENRE", id);
    }

    private SeedResult select(Scratch s, SeedQuery q, Filter f, int[] trackSeeds, List<SeedResult.SeedReport> reports) {
        int k = s.slots;
        float w = f.affinityWeight();
        float[] negScores = new float[k];
        for (int i = 0; i < k; i++) {
            float score = w * (s.slotAffinity[i] + 0.05f * (s.slotHits[i] - 1)) + s.slotBase[i];
            s.slotScore[i] = score;
            negScores[i] = -score;
        }
        // Most answers are filled from the best few hundred candidates: rank those first, and rank
        // everything only when caps and duplicates exhaust them.
        int head = Math.min(k, 4 * q.limit() + 64);
        // exact when the head fills the answer at effective scores no track outside it can reach (they score at most
        // the head's lowest)
        int[] ranked = Nearest.of(negScores, k, -1, Math.max(1, head), s.slotTrack);
        // targets ask for closeness, which spreading artists would trade away: there only the cap applies
        float repeat = f.targeted() ? 1f : REPEAT_ARTIST;
        Picked picked = pick(s, q, trackSeeds, ranked, repeat);
        float floor = ranked.length == 0 ? Float.NEGATIVE_INFINITY : s.slotScore[s.slotOf(ranked[ranked.length - 1])];
        if ((picked.count < q.limit() || picked.last < floor) && head < k) {
            picked = pick(s, q, trackSeeds, Nearest.of(negScores, k, -1, k, s.slotTrack), repeat);
        }
        return new SeedResult(Arrays.copyOf(picked.tracks, picked.count), Arrays.copyOf(picked.scores, picked.count),
                List.copyOf(reports));
    }

    /** @param last the effective score of the last track taken (+∞ when none) */
    private record Picked(int[] tracks, float[] scores, int count, float last) {}

    private record Candidate(float score, int rank, int artistCount) {}

    /**
     * Greedy over ranked candidates, skipping seed songs, repeated songs and artists at their cap, where a track of a
     * primary artist that already has c tracks in the answer competes at {@code score · repeat^c} ({@value #REPEAT_ARTIST}, or 1 with targets):
     * an artist's second track must beat the next artist's best by a margin. Lazy: a candidate's effective score is
     * recomputed only when it reaches the top with a stale count, which is exact because effective scores only fall.
     * Scores reported are the effective ones (so the answer runs best first).
     */
    private Picked pick(Scratch s, SeedQuery q, int[] trackSeeds, int[] ranked, float repeat) {
        int[] out = new int[q.limit()];
        float[] outScores = new float[q.limit()];
        int taken = 0;
        float last = Float.POSITIVE_INFINITY;
        int stamp = s.nextStamp();
        for (int t : trackSeeds) {
            s.songStamp[songs.of(t)] = stamp;
        }
        PriorityQueue<Candidate> heap = new PriorityQueue<>(Math.max(1, ranked.length), (x, y) -> x.score() != y.score()
                ? Float.compare(y.score(), x.score()) : Integer.compare(x.rank(), y.rank()));
        for (int i = 0; i < ranked.length; i++) {
            heap.add(new Candidate(s.slotScore[s.slotOf(ranked[i])], i, 0));
        }
        while (taken < out.length && !heap.isEmpty()) {
            Candidate c = heap.poll();
            int t = ranked[c.rank()];
            int song = songs.of(t);
            int artist = catalog.trackArtists(t)[0];
            if (s.songStamp[song] == stamp) {
                continue;
            }
            if (s.artistStamp[artist] != stamp) {
                s.artistStamp[artist] = stamp;
                s.artistCount[artist] = 0;
            }
            int count = s.artistCount[artist];
            if (count >= q.maxPerArtist()) {
                continue;
            }
            if (count != c.artistCount()) {
                heap.add(new Candidate(s.slotScore[s.slotOf(t)] * (float) Math.pow(repeat, count), c.rank(), count));
                continue;
            }
            s.artistCount[artist]++;
            s.songStamp[song] = stamp;
            out[taken] = t;
            outScores[taken++] = c.score();
            last = c.score();
        }
        return new Picked(out, outScores, taken, last);
    }

    private static int[] resolve(List<String> ids, String kind, java.util.function.ToIntFunction<String> lookup) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lookup.applyAsInt(ids.get(i));
            if (out[i] < 0) {
                throw new InvalidRequestException("unknown seed " + kind + ": '" + ids.get(i) + "'"
                        + ("genre".equals(kind) ? " (see /v1/recommendations/available-genre-seeds)" : ""));
            }
        }
        return out;
    }

    private Scratch acquire() {
        Scratch s = scratches.poll();
        return s != null ? s : new Scratch(catalog.size(), catalog.artistCount(), songs.count());
    }
}
