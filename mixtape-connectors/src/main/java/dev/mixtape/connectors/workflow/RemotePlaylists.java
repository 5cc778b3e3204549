package dev.mixtape.connectors.workflow;

import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.algo.playlist.PlaylistConfig;
import dev.mixtape.algo.playlist.PlaylistGenerator;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.http.RemoteJson;
import dev.mixtape.connectors.provider.MusicProvider;
import dev.mixtape.connectors.provider.MusicProvider.Capability;
import dev.mixtape.connectors.provider.RemoteArtist;
import dev.mixtape.connectors.provider.RemoteTrack;
import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.Track;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.core.mood.PromptInterpreter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Mood-to-playlist over a remote catalog ({@link MusicProvider}): the prompt is read as usual, then
 * <ol>
 *   <li><b>anchors</b>: the user's top tracks (with a user token), the tracks and artists the prompt names, and the
 *       local catalog's tracks closest to the target (their ids are Spotify ids, valid seeds remotely); kept 15 min;</li>
 *   <li><b>candidates</b>: recommendations from groups of up to 5 anchors with the target's features, in parallel;
 *       without a recommendation service, the top tracks of the anchors' artists and their related artists, in
 *       parallel;</li>
 *   <li><b>enrichment</b>: audio features, track details and artists (genres) of every candidate, batched and in
 *       parallel, through the provider's caches;</li>
 *   <li><b>generation</b>: the candidates become a small catalog and the usual {@link PlaylistGenerator} picks,
 *       scores, improves and orders the playlist.</li>
 * </ol>
 * When the pool cannot fill the playlist, a second pass asks for more from the best candidates; what the first pass
 * enriched and validated comes from the caches, not from the remote. Thread-safe.
 */
public final class RemotePlaylists {
    static final int MAX_SEED_GROUPS = 3;
    static final int LOCAL_ANCHORS = 15;
    static final int MAX_EXPANDED_ARTISTS = 8;
    private static final ExecutorService THREADS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("remote-playlist-", 0).factory());

    private final MusicProvider provider;
    private final Catalog local;
    private final PromptInterpreter interpreter;
    private final RemoteCache cache;
    private final PlaylistConfig config;
    private final boolean concurrent;
    private final TrackEnricher enricher;

    /**
     * @param cache      where anchors are kept (the provider has its own caches for everything else)
     * @param concurrent false: every remote step one after another (the naive path of {@code bench remote})
     */
    public RemotePlaylists(MusicProvider provider, Catalog local, PromptInterpreter interpreter, RemoteCache cache, PlaylistConfig config,
                           boolean concurrent) {
        this.provider = provider;
        this.local = local;
        this.interpreter = interpreter;
        this.cache = cache;
        this.config = config;
        this.concurrent = concurrent;
        this.enricher = new TrackEnricher(provider, concurrent);
    }

    /** A remote playlist: the prompt's reading, the playlist over {@code catalog} (the candidates), and how it went. */
    public record Result(PromptAnalysis analysis, Playlist playlist, Catalog catalog, double analysisMs, Report report) {
        public double totalMs() {
            return analysisMs + report.remoteMs() + playlist.timings().totalMs();
        }
    }

    /** What the remote part did: anchors, candidates, passes, the steps taken, and where the time went. */
    public record Report(String provider, int anchors, int candidates, int enriched, int passes, List<String> steps,
                         double anchorsMs, double candidatesMs, double enrichmentMs) {
        public double remoteMs() {
            return anchorsMs + candidatesMs + enrichmentMs;
        }
    }

    /**
     * @param userToken the listener's Spotify token for their top tracks, or null
     */
    public Result generate(String prompt, Integer length, Arc arc, long seed, String userToken) {
        long t0 = System.nanoTime();
        provider.warmUp(); // e.g. Spotify's token, while the prompt is read and local anchors are chosen
        PromptAnalysis analysis = interpreter.interpret(prompt, local, length, arc);
        double analysisMs = ms(t0);
        MoodTarget target = analysis.target();
        List<String> steps = new ArrayList<>();

        long t1 = System.nanoTime();
        List<String> anchors = anchors(target, userToken, steps);
        if (anchors.isEmpty()) {
            throw new InvalidRequestException("no seed tracks for this prompt at " + provider.name()
                    + ": name an artist or a track, or import a catalog first");
        }
        double anchorsMs = ms(t1);

        double candidatesMs = 0;
        double enrichmentMs = 0;
        Map<String, RemoteTrack> pool = new LinkedHashMap<>();
        Map<String, Track> enriched = new LinkedHashMap<>();
        Set<String> usedSeeds = new HashSet<>();
        Playlist playlist = null;
        Catalog catalog = null;
        int passes = 0;
        List<String> seeds = anchors;
        while (passes < 2) {
            passes++;
            long t2 = System.nanoTime();
            usedSeeds.addAll(seeds);
            for (RemoteTrack t : candidates(seeds, target, steps)) {
                pool.putIfAbsent(t.id(), t);
            }
            candidatesMs += ms(t2);
            long t3 = System.nanoTime();
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(anchors));
            ids.addAll(pool.keySet());
            ids.removeAll(enriched.keySet());
            enriched.putAll(enricher.enrich(ids, pool, steps));
            enrichmentMs += ms(t3);
            if (enriched.isEmpty()) {
                throw new InvalidRequestException(provider.name() + " has no audio features for any candidate of this prompt");
            }
            catalog = new CatalogBuilder().addAll(enriched.values()).build();
            playlist = PlaylistGenerator.of(catalog, config).generate(restrict(target, catalog), seed);
            if (playlist.entries().size() >= target.length() || passes == 2) {
                break;
            }
            // second pass: ask again from the best picks not yet used as seeds; the caches serve what pass 1 fetched
            seeds = playlist.entries().stream().map(Playlist.Entry::trackId).filter(id -> !usedSeeds.contains(id)).limit(5L * MAX_SEED_GROUPS).toList();
            if (seeds.isEmpty()) {
                break;
            }
            steps.add("pass " + (passes + 1) + ": " + playlist.entries().size() + " of " + target.length() + " tracks, asking again from "
                    + seeds.size() + " picks");
        }
        Report report = new Report(provider.name(), anchors.size(), pool.size(), enriched.size(), passes, List.copyOf(steps), anchorsMs,
                candidatesMs, enrichmentMs);
        return new Result(analysis, playlist, catalog, analysisMs, report);
    }

    /** Seed tracks for the target, kept 15 minutes per target (and user). */
    List<String> anchors(MoodTarget target, String userToken, List<String> steps) {
        String key = sha256(canonical(target) + "|" + (userToken == null ? "" : sha256(userToken)));
        String cached = cache.get(RemoteCache.Kind.ANCHORS, key).orElse(null);
        if (cached != null) {
            try {
                List<String> ids = new ArrayList<>();
                RemoteJson.mapper().readTree(cached).forEach(n -> ids.add(n.asText()));
                steps.add("anchors from the cache (" + ids.size() + ")");
                return ids;
            } catch (IOException e) {
                // unreadable: choose again
            }
        }
        // Two kinds of anchors, fetched side by side: what the provider itself names (the listener's top tracks, the
        // mentioned artists' top tracks: known to exist there), and local tracks (mentioned, or closest to the target),
        // which are checked to exist remotely (validated seeds; their features are needed later anyway, and now cached).
        List<String> artists = target.artists().stream().limit(3).toList();
        boolean remoteArtists = !artists.isEmpty() && provider.can(Capability.ARTIST_TOP_TRACKS);
        List<Supplier<List<String>>> sources = new ArrayList<>();
        if (userToken != null && provider.can(Capability.USER_TOP)) {
            sources.add(() -> provider.userTopTracks(userToken, 20).stream().map(RemoteTrack::id).toList());
        }
        for (String a : remoteArtists ? artists : List.<String>of()) {
            sources.add(() -> provider.artistTopTracks(a).stream().limit(3).map(RemoteTrack::id).toList());
        }
        LinkedHashSet<String> localIds = new LinkedHashSet<>(target.tracks());
        if (!remoteArtists) {
            for (String a : artists) {
                int ai = local.artistIndexOf(a);
                if (ai >= 0) {
                    java.util.Arrays.stream(local.artistTracks(ai)).limit(3).forEach(t -> localIds.add(local.trackId(t)));
                }
            }
        }
        localIds.addAll(closestLocal(target, LOCAL_ANCHORS));
        sources.add(() -> {
            List<String> ids = new ArrayList<>(localIds);
            if (provider.can(Capability.AUDIO_FEATURES) && !ids.isEmpty()) {
                Map<String, AudioFeatures> known = provider.audioFeatures(ids);
                int before = ids.size();
                ids.removeIf(id -> !known.containsKey(id));
                if (ids.size() < before) {
                    synchronized (steps) {
                        steps.add("anchors: " + (before - ids.size()) + " of " + before + " local tracks unknown at " + provider.name() + ", left out");
                    }
                }
            }
            return ids;
        });
        // the provider's own anchors first: they say most about what was asked (a listener, an artist)
        LinkedHashSet<String> all = new LinkedHashSet<>();
        parallel(sources).forEach(all::addAll);
        List<String> ids = new ArrayList<>(all);
        cache.put(RemoteCache.Kind.ANCHORS, key, RemoteJson.mapper().valueToTree(ids).toString());
        steps.add("anchors: " + ids.size() + " seed tracks");
        return ids;
    }

    /** The target written the same way in every JVM (sorted; enums by name), for cache keys shared through Redis. */
    static String canonical(MoodTarget t) {
        java.util.TreeMap<String, Object> m = new java.util.TreeMap<>();
        t.targets().forEach((a, v) -> m.put("t." + a.wireName(), v));
        t.ranges().forEach((a, r) -> m.put("r." + a.wireName(), r.min() + ".." + r.max()));
        m.put("genres", new java.util.TreeSet<>(t.genres()));
        m.put("excluded_genres", new java.util.TreeSet<>(t.excludedGenres()));
        m.put("artists", t.artists());
        m.put("excluded_artists", new java.util.TreeSet<>(t.excludedArtists()));
        m.put("tracks", t.tracks());
        m.put("explicit", t.allowExplicit());
        m.put("length", t.length());
        m.put("arc", t.arc().name());
        return m.toString();
    }

    private static String sha256(String s) {
        return com.google.common.hash.Hashing.sha256().hashString(s, java.nio.charset.StandardCharsets.UTF_8).toString();
    }

    /** The local catalog's tracks closest to the target (within its genres when it has some), one per artist. */
    List<String> closestLocal(MoodTarget target, int n) {
        if (local.size() == 0) {
            return List.of();
        }
        Set<Integer> genres = new HashSet<>();
        target.genres().forEach(g -> {
            int gi = local.genreIndexOf(g);
            if (gi >= 0) {
                genres.add(gi);
            }
        });
        int[] candidates = genres.isEmpty() ? java.util.stream.IntStream.range(0, local.size()).toArray()
                : genres.stream().flatMapToInt(g -> java.util.Arrays.stream(local.genreTracks(g))).distinct().toArray();
        record Scored(int track, double distance) {}
        List<Scored> scored = new ArrayList<>(candidates.length);
        for (int t : candidates) {
            if (!target.allowExplicit() && local.explicit(t)) {
                continue;
            }
            double d = 0;
            for (Map.Entry<Attribute, Double> e : target.targets().entrySet()) {
                double x = (local.value(e.getKey(), t) - e.getValue()) / e.getKey().scale();
                d += x * x;
            }
            d -= local.popularity(t) / 100.0 * 0.05; // among equals, the better known: more likely to be known remotely
            scored.add(new Scored(t, d));
        }
        scored.sort(java.util.Comparator.comparingDouble(Scored::distance));
        List<String> out = new ArrayList<>();
        Set<Integer> artists = new HashSet<>();
        for (Scored s : scored) {
            if (artists.add(local.trackArtists(s.track())[0])) {
                out.add(local.trackId(s.track()));
                if (out.size() == n) {
                    break;
                }
            }
        }
        return out;
    }

    private List<RemoteTrack> candidates(List<String> seeds, MoodTarget target, List<String> steps) {
        if (provider.can(Capability.RECOMMEND)) {
            Map<String, Double> features = new LinkedHashMap<>();
            target.targets().forEach((a, v) -> {
                if (a != Attribute.KEY && a != Attribute.MODE) {
                    features.put(a.wireName(), v);
                }
            });
            // enough for the playlist's pool without paying for enrichment of hundreds: 2 × length per group, 40–100
            int perGroup = Math.max(40, Math.min(RecommendationQuery.MAX_SIZE, 2 * target.length()));
            List<Supplier<List<RemoteTrack>>> calls = new ArrayList<>();
            for (int g = 0; g < MAX_SEED_GROUPS && g * 5 < seeds.size(); g++) {
                List<String> group = seeds.subList(g * 5, Math.min(seeds.size(), g * 5 + 5));
                RecommendationQuery q = new RecommendationQuery(group, List.of(), perGroup, features, features.isEmpty() ? null : 3);
                calls.add(() -> {
                    try {
                        return provider.recommend(q);
                    } catch (RuntimeException e) {
                        synchronized (steps) {
                            steps.add("a seed group failed: " + e.getMessage());
                        }
                        return List.of();
                    }
                });
            }
            List<RemoteTrack> out = new ArrayList<>();
            parallel(calls).forEach(out::addAll);
            steps.add("candidates: " + out.size() + " recommended from " + calls.size() + " seed groups");
            return out;
        }
        if (!provider.can(Capability.ARTIST_TOP_TRACKS)) {
            throw new InvalidRequestException(provider.name() + " offers neither recommendations nor artists' top tracks: it cannot make playlists");
        }
        // no recommendation service: the anchors' artists and their related artists, their top tracks, all in parallel
        Map<String, RemoteTrack> anchorTracks = provider.can(Capability.TRACKS) ? provider.tracks(seeds) : Map.of();
        LinkedHashSet<String> artists = new LinkedHashSet<>();
        anchorTracks.values().forEach(t -> artists.add(t.artists().get(0).id()));
        List<String> firstArtists = artists.stream().limit(MAX_EXPANDED_ARTISTS / 2).toList();
        if (provider.can(Capability.RELATED_ARTISTS)) {
            for (List<RemoteArtist> rel : parallel(firstArtists.stream().<Supplier<List<RemoteArtist>>>map(a -> () -> provider.relatedArtists(a)).toList())) {
                rel.stream().limit(1).forEach(a -> artists.add(a.id()));
            }
        }
        List<RemoteTrack> out = new ArrayList<>();
        parallel(artists.stream().limit(MAX_EXPANDED_ARTISTS).<Supplier<List<RemoteTrack>>>map(a -> () -> provider.artistTopTracks(a)).toList())
                .forEach(out::addAll);
        steps.add("candidates: " + out.size() + " top tracks of " + Math.min(MAX_EXPANDED_ARTISTS, artists.size()) + " artists");
        return out;
    }

    /** The target with what the candidate catalog cannot satisfy removed (genres it lacks, anchors it does not hold). */
    private static MoodTarget restrict(MoodTarget t, Catalog c) {
        Set<String> genres = new LinkedHashSet<>();
        t.genres().forEach(g -> {
            if (c.genreIndexOf(g) >= 0) {
                genres.add(g);
            }
        });
        List<String> artists = t.artists().stream().filter(a -> c.artistIndexOf(a) >= 0).toList();
        List<String> tracks = t.tracks().stream().filter(id -> c.indexOf(id) >= 0).toList();
        return new MoodTarget(t.targets(), t.ranges(), genres, t.excludedGenres(), artists, t.excludedArtists(), tracks, t.allowExplicit(),
                t.length(), t.arc());
    }

    private <T> List<T> parallel(List<Supplier<T>> calls) {
        if (!concurrent) {
            return calls.stream().map(Supplier::get).toList();
        }
        List<CompletableFuture<T>> fs = calls.stream().map(c -> CompletableFuture.supplyAsync(c, THREADS)).toList();
        return fs.stream().map(TrackEnricher::join).toList();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
