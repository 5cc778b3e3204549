package dev.mixtape.algo.content;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Seed-based recommendations over the catalog, the engine behind {@code /v1/recommendations}.
 *
 * <p>Each seed contributes a candidate pool and an affinity in [0, 1] for every member:
 * <ul>
 *   <li>track: its {@value #NEIGHBOURS} nearest neighbours in {@link FeatureSpace}, the tracks of its
 *       genres and of its artists; affinity 0.7 × audio similarity + 0.3 × genre overlap;</li>
 *   <li>artist: its tracks, the tracks of its {@value #RELATED} closest {@link RelatedArtists} and of
 *       its three main genres; affinity 0.6 × similarity to the artist's centroid + 0.2 × genre
 *       overlap + 0.2 × (1 for the artist itself, 0.6 for a related artist);</li>
 *   <li>genre: the genre's tracks; affinity 0.5 + 0.5 × similarity to the genre's centroid.</li>
 * </ul>
 * A candidate's affinity is its best over the seeds plus 0.05 for each further seed whose pool has
 * it. Candidates failing a {@code min_}/{@code max_} filter are dropped. The score is
 * 0.85 × affinity + 0.15 × popularity without targets, and 0.35 × affinity + 0.55 × closeness +
 * 0.10 × popularity with targets, where closeness is 1 − the mean over targeted attributes of
 * |value − target| / scale (each capped at 1; all targets weigh the same). The answer takes
 * candidates best first (ties to catalog order), skipping seed tracks, second releases of a song
 * already taken (same folded name and primary artist) and tracks of a primary artist already at its cap.
 *
 * <p>Thread-safe: per-request state lives in pooled scratch buffers; at most twice as many requests
 * as there are cores compute at once, the rest wait their turn.
 */
public final class SeedRecommender {
    static final int NEIGHBOURS = 250;
    static final int RELATED = 10;

    private final Catalog catalog;
    private final FeatureSpace space;
    private final RelatedArtists related;
    private final GenreSets genreSets;
    private final SongKeys songs;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();
    /** Bounds concurrent computations (CPU-bound: more than a few per core gains nothing) and so scratch memory. */
    private final Semaphore permits = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    public SeedRecommender(FeatureSpace space, GenreSets genreSets, RelatedArtists related) {
        this.space = space;
        this.genreSets = genreSets;
        this.catalog = space.catalog();
        this.related = related;
        this.songs = new SongKeys(catalog);
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
            Filter filter = new Filter(q, space);
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

    private SeedResult.SeedReport addTrackSeed(Scratch s, Filter f, int seed, String id) {
        s.beginSeed();
        float[] dist = s.distance;
        space.distancesTo(space.points(), seed * FeatureSpace.DIMS, dist);
        long[] seedGenres = genreSets.trackSet(seed);
        for (int t : Nearest.of(dist, catalog.size(), seed, NEIGHBOURS)) {
            offerTrack(s, f, seed, seedGenres, dist, t);
        }
        for (int g : catalog.trackGenres(seed)) {
            for (int t : catalog.genreTracks(g)) {
                offerTrack(s, f, seed, seedGenres, dist, t);
            }
        }
        for (int a : catalog.trackArtists(seed)) {
            for (int t : catalog.artistTracks(a)) {
                offerTrack(s, f, seed, seedGenres, dist, t);
            }
        }
        return s.report("TRACK", id);
    }

    private void offerTrack(Scratch s, Filter f, int seed, long[] seedGenres, float[] dist, int t) {
        if (t == seed || !s.firstInSeed(t)) {
            return;
        }
        float sim = FeatureSpace.similarity(dist[t]);
        s.add(t, 0.7f * sim + 0.3f * genreSets.withTrack(seedGenres, t), f);
    }

    private SeedResult.SeedReport addArtistSeed(Scratch s, Filter f, int artist, String id) {
        s.beginSeed();
        float[] dist = s.distance;
        space.distancesTo(space.artistCentroids(), artist * FeatureSpace.DIMS, dist);
        int[] genres = catalog.artistGenres(artist);
        int[] main = Arrays.copyOf(genres, Math.min(3, genres.length));
        long[] mainSet = genreSets.of(main);
        int[] rel = related.of(artist);
        int relCount = Math.min(RELATED, rel.length);
        offerArtistTracks(s, f, mainSet, dist, catalog.artistTracks(artist), 1f);
        for (int r = 0; r < relCount; r++) {
            offerArtistTracks(s, f, mainSet, dist, catalog.artistTracks(rel[r]), 0.6f);
        }
        for (int g : main) {
            offerArtistTracks(s, f, mainSet, dist, catalog.genreTracks(g), 0f);
        }
        return s.report("ARTIST", id);
    }

    private void offerArtistTracks(Scratch s, Filter f, long[] genres, float[] dist, int[] tracks, float kinship) {
        for (int t : tracks) {
            if (!s.firstInSeed(t)) {
                continue;
            }
            float aff = 0.6f * FeatureSpace.similarity(dist[t]) + 0.2f * genreSets.withTrack(genres, t) + 0.2f * kinship;
            s.add(t, aff, f);
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
        Picked picked = pick(s, q, trackSeeds, Nearest.of(negScores, k, -1, Math.max(1, head), s.slotTrack));
        if (picked.count < q.limit() && head < k) {
            picked = pick(s, q, trackSeeds, Nearest.of(negScores, k, -1, k, s.slotTrack));
        }
        return new SeedResult(Arrays.copyOf(picked.tracks, picked.count), Arrays.copyOf(picked.scores, picked.count),
                List.copyOf(reports));
    }

    private record Picked(int[] tracks, float[] scores, int count) {}

    /** Walks ranked candidates, skipping seed songs, repeated songs and artists at their cap. */
    private Picked pick(Scratch s, SeedQuery q, int[] trackSeeds, int[] ranked) {
        int[] out = new int[q.limit()];
        float[] outScores = new float[q.limit()];
        int taken = 0;
        int stamp = s.nextStamp();
        for (int t : trackSeeds) {
            s.songStamp[songs.of(t)] = stamp;
        }
        for (int i = 0; i < ranked.length && taken < out.length; i++) {
            int t = ranked[i];
            int song = songs.of(t);
            int artist = catalog.trackArtists(t)[0];
            if (s.songStamp[song] == stamp) {
                continue;
            }
            if (s.artistStamp[artist] != stamp) {
                s.artistStamp[artist] = stamp;
                s.artistCount[artist] = 0;
            }
            if (s.artistCount[artist] >= q.maxPerArtist()) {
                continue;
            }
            s.artistCount[artist]++;
            s.songStamp[song] = stamp;
            out[taken] = t;
            outScores[taken++] = s.slotScore[s.slotOf(t)];
        }
        return new Picked(out, outScores, taken);
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
