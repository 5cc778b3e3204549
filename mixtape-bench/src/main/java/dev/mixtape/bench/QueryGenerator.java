package dev.mixtape.bench;

import dev.mixtape.core.Catalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic set of {@code /v1/recommendations} queries shaped like real traffic: {@code limit=100},
 * three distinct {@code target_*} attributes, and 1–5 seeds, each seed a track, an artist or a genre
 * with equal odds. Track seeds are drawn uniformly from the pool's tracks; artist seeds are the primary
 * artist of a uniformly drawn track (so artists with many tracks are seeded more often, as in real
 * use); genre seeds are drawn uniformly from the genres. The same pool, count and random seed always
 * give the same queries, so the JMH benchmark and the HTTP driver replay the same traffic.
 */
public final class QueryGenerator {
    public static final int DEFAULT_COUNT = 256;
    public static final long DEFAULT_SEED = 20241127L;
    public static final int LIMIT = 100;
    public static final int TARGETS = 3;

    /** Attributes a client typically targets, with how a plausible value is drawn. */
    private static final String[] TARGET_ATTRIBUTES = {
        "acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness", "valence",
        "tempo", "loudness", "popularity"
    };

    /**
     * What seeds are drawn from.
     *
     * @param trackIds          track ids
     * @param trackArtistIds    the primary artist id of each track in {@code trackIds} (same index)
     * @param genres            genre seed names
     */
    public record SeedPool(List<String> trackIds, List<String> trackArtistIds, List<String> genres) {
        public SeedPool {
            trackIds = List.copyOf(trackIds);
            trackArtistIds = List.copyOf(trackArtistIds);
            genres = List.copyOf(genres);
            if (trackIds.isEmpty() || genres.isEmpty()) {
                throw new IllegalArgumentException("the seed pool needs tracks and genres, got "
                        + trackIds.size() + " tracks and " + genres.size() + " genres");
            }
            if (trackIds.size() != trackArtistIds.size()) {
                throw new IllegalArgumentException("one primary artist per track expected");
            }
        }

        /** Every track of the catalog (catalog order) and every genre (sorted). */
        public static SeedPool of(Catalog catalog) {
            List<String> tracks = new ArrayList<>(catalog.size());
            List<String> artists = new ArrayList<>(catalog.size());
            for (int t = 0; t < catalog.size(); t++) {
                tracks.add(catalog.trackId(t));
                artists.add(catalog.artistId(catalog.trackArtists(t)[0]));
            }
            return new SeedPool(tracks, artists, catalog.genreNames());
        }
    }

    /** One query: its parameters in a fixed order, each with a single (comma-joined) value. */
    public record Query(Map<String, String> params) {
        public Query {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** The parameters as the HTTP layer hands them over (name → values). */
        public Map<String, List<String>> asParamMap() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            params.forEach((k, v) -> out.put(k, List.of(v)));
            return out;
        }

        /** {@code /v1/recommendations?...}, URL-encoded. */
        public String pathAndQuery() {
            StringBuilder sb = new StringBuilder("/v1/recommendations");
            char sep = '?';
            for (Map.Entry<String, String> e : params.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            return sb.toString();
        }

        public int seedCount() {
            int n = 0;
            for (String k : List.of("seed_tracks", "seed_artists", "seed_genres")) {
                String v = params.get(k);
                if (v != null) {
                    n += v.split(",").length;
                }
            }
            return n;
        }
    }

    private QueryGenerator() {}

    public static List<Query> generate(SeedPool pool, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        Random r = new Random(seed);
        List<Query> out = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            int seeds = 1 + r.nextInt(5);
            List<String> tracks = new ArrayList<>();
            List<String> artists = new ArrayList<>();
            List<String> genres = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                switch (r.nextInt(3)) {
                    case 0 -> addDistinct(tracks, () -> pool.trackIds().get(r.nextInt(pool.trackIds().size())));
                    case 1 -> addDistinct(artists, () -> pool.trackArtistIds().get(r.nextInt(pool.trackArtistIds().size())));
                    default -> addDistinct(genres, () -> pool.genres().get(r.nextInt(pool.genres().size())));
                }
            }
            Map<String, String> p = new LinkedHashMap<>();
            if (!tracks.isEmpty()) {
                p.put("seed_tracks", String.join(",", tracks));
            }
            if (!artists.isEmpty()) {
                p.put("seed_artists", String.join(",", artists));
            }
            if (!genres.isEmpty()) {
                p.put("seed_genres", String.join(",", genres));
            }
            p.put("limit", Integer.toString(LIMIT));
            List<String> attrs = new ArrayList<>(List.of(TARGET_ATTRIBUTES));
            Collections.shuffle(attrs, r);
            for (String a : attrs.subList(0, TARGETS)) {
                p.put("target_" + a, targetValue(a, r));
            }
            out.add(new Query(p));
        }
        return List.copyOf(out);
    }

    /** Adds a value not yet in {@code into}; gives up quietly (one seed fewer) if the pool is tiny. */
    private static void addDistinct(List<String> into, java.util.function.Supplier<String> draw) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String v = draw.get();
            if (!into.contains(v)) {
                into.add(v);
                return;
            }
        }
    }

    private static String targetValue(String attribute, Random r) {
        return switch (attribute) {
            case "tempo" -> String.format(Locale.ROOT, "%.1f", 60 + 120 * r.nextDouble());
            case "loudness" -> String.format(Locale.ROOT, "%.1f", -25 + 22 * r.nextDouble());
            case "popularity" -> Integer.toString(10 + r.nextInt(81));
            default -> String.format(Locale.ROOT, "%.2f", 0.05 + 0.9 * r.nextDouble());
        };
    }
}
