package dev.mixtape.app.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.Scenes;
import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.match.ArtistNameMatcher;
import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.lastfm.ArtistModelLoader;
import dev.mixtape.app.lastfm.LastFmImport;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.PlaylistService;
import dev.mixtape.core.Catalog;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@code mixtape eval coherence}: do the picks for an artist belong with it (docs/EVALUATION.md, "Coherence")?
 *
 * <ol>
 *   <li>Last.fm 2k users are split in two halves (seeded). The first half is imported as {@code import lastfm} would,
 *       so the server's artist model knows only its co-listening; the second half is held out.</li>
 *   <li>For each anchor artist, every surface is asked what goes with it: {@code /v1/recommendations} seeded by the
 *       artist and by its top track, related artists, the playlist prompt "songs like X", v2 {@code content} (which
 *       is {@code /api/v1/tracks/{id}/similar}) and {@code hybrid} seeded by its top track.</li>
 *   <li>Each answer is scored: the share of picks from a {@link Scenes scene} the anchor is not part of; among picks
 *       by artists the held-out half listens to (other than the anchor), the share among the anchor's
 *       {@value #CO_LISTENED} most co-listened artists in that half (cosine over listeners, at least
 *       {@value #MIN_CO_LISTENERS} shared); distinct artists; and intra-list distance over audio features.</li>
 * </ol>
 * One run per instance; not thread-safe.
 */
public final class CoherenceEvaluation {
    /** Diverse anchors: scenes, decades and genres; each must be in the catalog (those that are not are reported). */
    public static final List<String> DEFAULT_ANCHORS = List.of("Radiohead", "Daft Punk", "Taylor Swift", "Coldplay",
            "Metallica", "Eminem", "Adele", "The Beatles", "Bob Marley & The Wailers", "Miles Davis", "Johnny Cash", "Nirvana", "Lady Gaga",
            "Rihanna", "Arctic Monkeys", "Björk", "Massive Attack", "Shakira", "BTS", "A.R. Rahman", "Bad Bunny",
            "Rammstein", "ABBA", "Caetano Veloso", "Avicii", "Norah Jones", "Bruno Mars", "Slipknot", "YOASOBI", "Indila", "Tarkan",
            "Carlos Gardel");
    static final int CO_LISTENED = 50;
    static final int MIN_CO_LISTENERS = 2;
    static final int PICKS = 20;
    static final int PLAYLIST_LENGTH = 30;

    public record Options(List<String> anchors, long seed) {
        public Options {
            anchors = List.copyOf(anchors);
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("no anchors given");
            }
        }
    }

    /** One surface, summed over the anchors it answered. */
    public record Row(String surface, int anchors, int failed, int picks, double outOfScene, double coListened, int coListenedBase,
                      double distinctArtists, double ild) {}

    /** One anchor on one surface: what strayed, for the report. */
    public record Detail(String anchor, String surface, int picks, int outOfScene, int coListened, int known, int distinctArtists,
                         List<String> strays) {}

    /**
     * One genre prompt's playlist: the share of its tracks carrying a genre the prompt asked for (purity), the share
     * from a scene those genres do not open, and distinct artists.
     */
    public record GenreRow(String prompt, List<String> genres, int tracks, double purity, double outOfScene, int distinctArtists) {}

    public record Report(List<Row> rows, List<Detail> details, List<GenreRow> genrePrompts, Map<String, Object> info) {}

    /** Genre prompts of many scenes and none, for the genre purity table. */
    public static final List<String> GENRE_PROMPTS = List.of("jazz for a rainy evening", "heavy metal workout",
            "k-pop dance party", "bollywood party", "latin summer party", "classical music for studying", "hip hop road trip",
            "country songs for a long drive", "reggae beach day", "techno all night", "samba", "french chanson",
            "acoustic folk morning", "j-rock");

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();

    public CoherenceEvaluation(Options options) {
        this.options = options;
    }

    public Report run(MixtapeApp app, Path lastFmDir, BiConsumer<String, Double> progress) throws Exception {
        Engine engine = app.engines().get();
        Catalog catalog = engine.catalog();
        Scenes scenes = engine.related().scenes();
        Map<String, Object> info = new LinkedHashMap<>();
        progress.accept("read", 0.0);
        LastFmDataset data = new LastFmReader().read(lastFmDir);
        InteractionData rows = data.interactions();
        int[] artistOf = ReplayEvaluation.catalogArtists(data, catalog);
        int users = rows.users().size();
        SplittableRandom rnd = new SplittableRandom(options.seed());
        BitSet heldOut = new BitSet();
        for (int u = 0; u < users; u++) {
            if (rnd.nextBoolean()) {
                heldOut.set(u);
            }
        }
        info.put("lastfm_users", users);
        info.put("held_out_users", heldOut.cardinality());

        progress.accept("import", 0.1);
        Path models = app.config().home().resolve("models");
        InteractionData train = ReplayEvaluation.without(rows, heldOut);
        new LastFmImport(LastFmImport.Options.defaults()).run(lastFmDir, new LastFmDataset(train, data.artistNames(), data.tags(),
                data.tagIds(), data.tagNames(), data.problems()), catalog, models, (p, d, t) -> {});
        ArtistModelLoader.Result loaded = ReplayEvaluation.serveImported(engine, models);
        info.put("artist_model", loaded.status());
        // the listening model (and the artist embeddings fitted on it) learns from the same half
        progress.accept("train", 0.2);
        info.put("listening_model", ReplayEvaluation.train(app, "coherence evaluation").version());
        info.put("artist_embeddings", engine.cf().embeddings() == null ? engine.cf().embeddingsStatus() : engine.cf().embeddings().info());

        // the held-out half's listeners per catalog artist
        Map<Integer, BitSet> listeners = new HashMap<>();
        for (int k = 0; k < rows.size(); k++) {
            int a = artistOf[rows.item()[k]];
            if (a >= 0 && heldOut.get(rows.user()[k]) && rows.weight()[k] > 0) {
                listeners.computeIfAbsent(a, x -> new BitSet()).set(rows.user()[k]);
            }
        }

        List<Integer> anchors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ArtistNameMatcher matcher = new ArtistNameMatcher(catalog);
        for (String name : options.anchors()) {
            int a = catalog.artistIndexOf(name.trim());
            if (a < 0) {
                a = matcher.match(name.trim()).artist();
            }
            if (a < 0) {
                missing.add(name);
            } else if (!anchors.contains(a)) {
                anchors.add(a);
            }
        }
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("none of the anchors is a catalog artist: " + missing);
        }
        info.put("anchors", anchors.stream().map(catalog::artistName).toList());
        info.put("anchors_not_in_catalog", missing);
        info.put("anchor_scenes", anchors.stream().collect(java.util.stream.Collectors.toMap(catalog::artistName,
                a -> Scenes.labels(scenes.ofArtist(a)), (x, y) -> x, LinkedHashMap::new)));

        Map<String, Function<Integer, List<Integer>>> surfaces = new LinkedHashMap<>();
        surfaces.put("/v1/recommendations (seed artist)", a -> tracks(engine.recommend(new SeedQuery(List.of(),
                List.of(catalog.artistId(a)), List.of(), PICKS, null, null, null, SeedQuery.DEFAULT_MAX_PER_ARTIST)).tracks()));
        surfaces.put("/v1/recommendations (seed track)", a -> tracks(engine.recommend(new SeedQuery(List.of(catalog.trackId(topTrack(catalog, a))),
                List.of(), List.of(), PICKS, null, null, null, SeedQuery.DEFAULT_MAX_PER_ARTIST)).tracks()));
        surfaces.put("/v1/artists/{id}/related-artists", a -> tracks(engine.cf().related(a, engine.related()).artists()));
        PlaylistService playlists = PlaylistService.builtIn();
        surfaces.put("playlist \"songs like X\"", a -> {
            Playlist p = playlists.generate(engine, "songs like " + catalog.artistName(a), PLAYLIST_LENGTH, null, null).playlist();
            return tracks(p.trackIndices());
        });
        surfaces.put("v2 content = /api/v1/tracks/{id}/similar", a -> strategy(app, catalog, topTrack(catalog, a), "content"));
        surfaces.put("v2 hybrid (seed track)", a -> strategy(app, catalog, topTrack(catalog, a), "hybrid"));
        // an artist no listener has played: the same surfaces with the artist model blind to the anchor, so it is placed
        // by its genres and sound: first as the product does it (the artist embeddings, fitted with every anchor blind,
        // neither its listening nor its tags seen), then as before them (the neighbourhoods of the covered artists closest
        // by genre and sound, ArtistKin.borrowing)
        java.util.Set<Integer> anchorSet = java.util.Set.copyOf(anchors);
        dev.mixtape.algo.learn.ArtistEmbeddings blindEmbeddings = dev.mixtape.algo.learn.ArtistEmbeddings.fit(catalog, engine.space(),
                scenes, engine.cf().listening(), engine.cf().tags(), anchorSet::contains);
        int[] blind = {-1};
        dev.mixtape.algo.content.ArtistKin known = (x, limit) -> x == blind[0] ? new int[0] : engine.cf().kin(x, limit);
        java.util.function.IntPredicate covered = x -> x != blind[0] && engine.cf().covers(x);
        dev.mixtape.algo.content.GenreSets genreSets = new dev.mixtape.algo.content.GenreSets(catalog);
        coldSurfaces(surfaces, "cold artist", dev.mixtape.app.server.CollaborativeModels.kin(known, covered, () -> blindEmbeddings,
                engine.related(), () -> true), "borrowed", blind, engine, genreSets);
        coldSurfaces(surfaces, "cold artist, without embeddings", dev.mixtape.algo.content.ArtistKin.borrowing(known, covered,
                engine.related()), "borrowed", blind, engine, genreSets);

        List<Row> out = new ArrayList<>();
        List<Detail> details = new ArrayList<>();
        int done = 0;
        Map<Integer, int[]> coListened = new HashMap<>();
        for (int a : anchors) {
            coListened.put(a, coListened(a, listeners));
        }
        for (Map.Entry<String, Function<Integer, List<Integer>>> s : surfaces.entrySet()) {
            out.add(score(s.getKey(), s.getValue(), anchors, catalog, scenes, engine.space(), listeners, coListened, details,
                    s.getKey().contains("related")));
            progress.accept("score", 0.3 + 0.7 * ++done / surfaces.size());
        }
        List<GenreRow> genreRows = new ArrayList<>();
        for (String prompt : GENRE_PROMPTS) {
            genreRows.add(genrePrompt(playlists, engine, scenes, prompt));
        }
        return new Report(out, details, genreRows, info);
    }

    private static void coldSurfaces(Map<String, Function<Integer, List<Integer>>> surfaces, String label,
                                     dev.mixtape.algo.content.ArtistKin kin, String source, int[] blind, Engine engine,
                                     dev.mixtape.algo.content.GenreSets genreSets) {
        Catalog catalog = engine.catalog();
        dev.mixtape.algo.content.SeedRecommender seeds = new dev.mixtape.algo.content.SeedRecommender(engine.space(), genreSets,
                engine.related(), kin);
        surfaces.put(label + ": /v1/recommendations (seed artist)", a -> {
            blind[0] = a;
            return tracks(seeds.recommend(new SeedQuery(List.of(), List.of(catalog.artistId(a)), List.of(), PICKS, null, null, null,
                    SeedQuery.DEFAULT_MAX_PER_ARTIST)).tracks());
        });
        surfaces.put(label + ": related artists", a -> {
            blind[0] = a;
            return tracks(dev.mixtape.app.server.CollaborativeModels.related(a, engine.related(), kin, source).artists());
        });
    }

    private static GenreRow genrePrompt(PlaylistService playlists, Engine engine, Scenes scenes, String prompt) {
        Catalog c = engine.catalog();
        PlaylistService.Result r = playlists.generate(engine, prompt, PLAYLIST_LENGTH, null, null);
        List<String> wanted = List.copyOf(r.analysis().target().genres());
        int[] genres = wanted.stream().mapToInt(c::genreIndexOf).filter(g -> g >= 0).toArray();
        int open = scenes.ofGenres(genres);
        int[] tracks = r.playlist().trackIndices();
        int pure = 0;
        int stray = 0;
        java.util.Set<Integer> artists = new java.util.HashSet<>();
        for (int t : tracks) {
            boolean in = false;
            for (int g : c.trackGenres(t)) {
                for (int w : genres) {
                    in |= g == w;
                }
            }
            pure += in ? 1 : 0;
            stray += scenes.allowsTrack(open, t) ? 0 : 1;
            artists.add(c.trackArtists(t)[0]);
        }
        int n = Math.max(1, tracks.length);
        return new GenreRow(prompt, wanted, tracks.length, genres.length == 0 ? Double.NaN : (double) pure / n, (double) stray / n,
                artists.size());
    }

    /** The anchor's most co-listened artists in the held-out half, best first (cosine over listener sets). */
    static int[] coListened(int anchor, Map<Integer, BitSet> listeners) {
        BitSet own = listeners.get(anchor);
        if (own == null) {
            return new int[0];
        }
        List<double[]> scored = new ArrayList<>();
        for (Map.Entry<Integer, BitSet> e : listeners.entrySet()) {
            if (e.getKey() == anchor) {
                continue;
            }
            BitSet both = (BitSet) own.clone();
            both.and(e.getValue());
            int co = both.cardinality();
            if (co >= MIN_CO_LISTENERS) {
                scored.add(new double[] {co / Math.sqrt((double) own.cardinality() * e.getValue().cardinality()), e.getKey()});
            }
        }
        scored.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        return scored.stream().limit(CO_LISTENED).mapToInt(d -> (int) d[1]).toArray();
    }

    /** @param artistLevel whether {@code answer} gives artists (related artists) rather than tracks */
    private Row score(String surface, Function<Integer, List<Integer>> answer, List<Integer> anchors, Catalog c, Scenes scenes,
                      FeatureSpace space, Map<Integer, BitSet> listeners, Map<Integer, int[]> coListened, List<Detail> details,
                      boolean artistLevel) {
        int answered = 0;
        int failed = 0;
        long picks = 0;
        long stray = 0;
        long co = 0;
        long known = 0;
        double distinct = 0;
        double ild = 0;
        for (int anchor : anchors) {
            List<Integer> tracks;
            try {
                tracks = answer.apply(anchor);
            } catch (RuntimeException e) {
                failed++;
                continue;
            }
            answered++;
            int own = scenes.ofArtist(anchor);
            BitSet near = new BitSet();
            for (int a : coListened.get(anchor)) {
                near.set(a);
            }
            boolean hasCo = coListened.get(anchor).length > 0;
            int s = 0;
            int k = 0;
            int kc = 0;
            List<String> strays = new ArrayList<>();
            LinkedHashSet<Integer> artists = new LinkedHashSet<>();
            for (int t : tracks) {
                int a = artistLevel ? t : c.trackArtists(t)[0];
                artists.add(a);
                if (!scenes.allowsArtist(own, a)) {
                    s++;
                    if (strays.size() < 8) {
                        strays.add(c.artistName(a) + " (" + String.join(", ", Scenes.labels(scenes.ofArtist(a))) + ")");
                    }
                }
                if (hasCo && a != anchor && listeners.containsKey(a)) {
                    k++;
                    kc += near.get(a) ? 1 : 0;
                }
            }
            picks += tracks.size();
            stray += s;
            known += k;
            co += kc;
            distinct += artists.size();
            ild += artistLevel ? artistIld(space, tracks) : ild(space, tracks);
            details.add(new Detail(c.artistName(anchor), surface, tracks.size(), s, kc, k, artists.size(), strays));
        }
        int n = Math.max(1, answered);
        return new Row(surface, answered, failed, (int) picks, picks == 0 ? 0 : (double) stray / picks,
                known == 0 ? Double.NaN : (double) co / known, (int) known, distinct / n, ild / n);
    }

    /** Mean pairwise audio distance (standardised features, as the feature space measures it) over the tracks. */
    private static double ild(FeatureSpace space, List<Integer> tracks) {
        return meanDistance(space.points(), tracks);
    }

    private static double artistIld(FeatureSpace space, List<Integer> artists) {
        return meanDistance(space.artistCentroids(), artists);
    }

    private static double meanDistance(float[] points, List<Integer> items) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                sum += Math.sqrt(FeatureSpace.distance2(points, items.get(i) * FeatureSpace.DIMS, points, items.get(j) * FeatureSpace.DIMS));
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /** The artist's most popular track on which it is the primary artist (or its most popular track). */
    static int topTrack(Catalog c, int artist) {
        int own = c.ownTrack(artist, t -> true, 0);
        return own >= 0 ? own : c.artistTracks(artist)[0];
    }

    private static List<Integer> tracks(int[] t) {
        return Arrays.stream(t).boxed().toList();
    }

    private List<Integer> strategy(MixtapeApp app, Catalog c, int track, String strategy) {
        try {
            ObjectNode req = json.createObjectNode().put("track_id", c.trackId(track)).put("strategy", strategy).put("n", PICKS);
            JsonNode body = json.readTree(app.strategies().recommend(req).body());
            List<Integer> out = new ArrayList<>();
            for (JsonNode r : body.get("recommendations")) {
                out.add(c.indexOf(r.get("track").get("id").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
