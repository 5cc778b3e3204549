package dev.mixtape.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.app.server.Engine;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated remote for {@code bench remote}: Spotify's Web API (token, tracks, artists, search, top tracks, related
 * artists, a listener's top tracks and artists for tokens starting {@code user-}) and ReccoBeats (recommendation, audio features, tracks, artists) in their wire formats, served from the
 * local catalog, each on its own port. Every call waits a uniform {@code minLatencyMs}–{@code maxLatencyMs}; beyond
 * {@code limit} calls in any {@code windowSeconds} a server answers 429 with the {@code Retry-After} (seconds) after
 * which a call would be let through. Counts every call it receives, 429s included.
 */
final class RemoteStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;
    private final Catalog catalog;
    private final int minLatencyMs;
    private final int maxLatencyMs;
    private final int limit;
    private final int windowSeconds;
    private final Server spotify;
    private final Server reccobeats;

    RemoteStub(Engine engine, int minLatencyMs, int maxLatencyMs, int limit, int windowSeconds) throws IOException {
        this.engine = engine;
        this.catalog = engine.catalog();
        this.minLatencyMs = minLatencyMs;
        this.maxLatencyMs = maxLatencyMs;
        this.limit = limit;
        this.windowSeconds = windowSeconds;
        this.spotify = new Server(true);
        this.reccobeats = new Server(false);
    }

    URI spotifyUri() {
        return spotify.uri();
    }

    URI reccobeatsUri() {
        return reccobeats.uri();
    }

    /** Calls received since the last reset, both servers, 429s included. */
    int calls() {
        return spotify.calls.get() + reccobeats.calls.get();
    }

    int throttled() {
        return spotify.throttled.get() + reccobeats.throttled.get();
    }

    void resetCounts() {
        spotify.calls.set(0);
        reccobeats.calls.set(0);
        spotify.throttled.set(0);
        reccobeats.throttled.set(0);
    }

    @Override
    public void close() {
        spotify.http.stop(0);
        reccobeats.http.stop(0);
    }

    private final class Server {
        final HttpServer http;
        final boolean isSpotify;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final ArrayDeque<Long> window = new ArrayDeque<>();

        Server(boolean isSpotify) throws IOException {
            this.isSpotify = isSpotify;
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/", this::handle);
            http.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        }

        /** Seconds until a call would be admitted, or 0 when this one is. */
        synchronized long admit() {
            long now = System.nanoTime();
            long span = windowSeconds * 1_000_000_000L;
            while (!window.isEmpty() && now - window.peekFirst() >= span) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return Math.max(1, (window.peekFirst() + span - now + 999_999_999L) / 1_000_000_000L);
            }
            window.addLast(now);
            return 0;
        }

        void handle(HttpExchange ex) throws IOException {
            calls.incrementAndGet();
            try {
                Thread.sleep(minLatencyMs + ThreadLocalRandom.current().nextInt(maxLatencyMs - minLatencyMs + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long wait = admit();
            if (wait > 0) {
                throttled.incrementAndGet();
                ex.getResponseHeaders().add("Retry-After", Long.toString(wait));
                send(ex, 429, isSpotify ? "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}" : "Too Many Requests");
                return;
            }
            try {
                String path = ex.getRequestURI().getPath();
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                if (isSpotify && path.startsWith("/v1/me/") && !ex.getRequestHeaders().getFirst("Authorization").startsWith("Bearer user-")) {
                    send(ex, 401, "{\"error\":{\"status\":401,\"message\":\"Invalid access token\"}}");
                    return;
                }
                ObjectNode body = isSpotify ? spotify(path, q) : reccobeats(path, q);
                if (body == null) {
                    send(ex, 404, isSpotify ? "{\"error\":{\"status\":404,\"message\":\"Not found.\"}}" : "{\"message\":\"Not found\"}");
                } else {
                    send(ex, 200, body.toString());
                }
            } catch (IllegalArgumentException e) {
                send(ex, 400, isSpotify ? "{\"error\":{\"status\":400,\"message\":\"" + e.getMessage() + "\"}}" : "{\"message\":\"" + e.getMessage() + "\"}");
            }
        }
    }

    private ObjectNode spotify(String path, Map<String, String> q) {
        ObjectNode out = JSON.createObjectNode();
        if (path.equals("/api/token")) {
            return out.put("access_token", "stub-token").put("token_type", "Bearer").put("expires_in", 3600);
        }
        if (path.equals("/v1/tracks")) {
            ArrayNode a = out.putArray("tracks");
            ids(q).forEach(id -> a.add(catalog.indexOf(id) >= 0 ? spotifyTrack(catalog.indexOf(id)) : null));
            return out;
        }
        if (path.equals("/v1/artists")) {
            ArrayNode a = out.putArray("artists");
            ids(q).forEach(id -> a.add(catalog.artistIndexOf(id) >= 0 ? spotifyArtist(catalog.artistIndexOf(id)) : null));
            return out;
        }
        if (path.equals("/v1/me/top/tracks") || path.equals("/v1/me/top/artists")) {
            // a listener's top lists: the catalog's most popular tracks (and their artists) stand in
            int n = Math.min(50, Integer.parseInt(q.getOrDefault("limit", "20")));
            int[] top = java.util.stream.IntStream.range(0, catalog.size()).boxed().sorted((x, y) -> catalog.popularity(y) - catalog.popularity(x))
                    .limit(n).mapToInt(Integer::intValue).toArray();
            ArrayNode items = out.putArray("items");
            for (int t : top) {
                items.add(path.endsWith("tracks") ? spotifyTrack(t) : spotifyArtist(catalog.trackArtists(t)[0]));
            }
            return out;
        }
        if (path.startsWith("/v1/artists/") && path.endsWith("/top-tracks")) {
            int ar = catalog.artistIndexOf(path.split("/")[3]);
            if (ar < 0) {
                return null;
            }
            ArrayNode a = out.putArray("tracks");
            Arrays.stream(catalog.artistTracks(ar)).boxed().sorted((x, y) -> catalog.popularity(y) - catalog.popularity(x)).limit(10)
                    .forEach(t -> a.add(spotifyTrack(t)));
            return out;
        }
        if (path.startsWith("/v1/artists/") && path.endsWith("/related-artists")) {
            int ar = catalog.artistIndexOf(path.split("/")[3]);
            if (ar < 0) {
                return null;
            }
            ArrayNode a = out.putArray("artists");
            Arrays.stream(engine.related().of(ar)).forEach(r -> a.add(spotifyArtist(r)));
            return out;
        }
        return null;
    }

    private ObjectNode reccobeats(String path, Map<String, String> q) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode content = out.putArray("content");
        switch (path) {
            case "/v1/audio-features" -> ids(q).stream().mapToInt(catalog::indexOf).filter(t -> t >= 0).forEach(t -> content.add(features(t)));
            case "/v1/track" -> ids(q).stream().mapToInt(catalog::indexOf).filter(t -> t >= 0).forEach(t -> content.add(reccoTrack(t)));
            case "/v1/artist" -> ids(q).stream().mapToInt(catalog::artistIndexOf).filter(a -> a >= 0).forEach(a -> content.add(
                    JSON.createObjectNode().put("id", Ids.derive("rb-artist", catalog.artistId(a))).put("name", catalog.artistName(a))
                            .put("href", "https://open.spotify.com/artist/" + catalog.artistId(a))));
            case "/v1/track/recommendation" -> {
                List<String> seeds = Arrays.stream(q.getOrDefault("seeds", "").split(",")).filter(id -> catalog.indexOf(id) >= 0).toList();
                if (seeds.isEmpty()) {
                    throw new IllegalArgumentException("seeds: none of the seeds exists");
                }
                double[] target = new double[Attribute.count()];
                Arrays.fill(target, Double.NaN);
                for (Attribute a : Attribute.values()) {
                    if (q.containsKey(a.wireName())) {
                        target[a.ordinal()] = Double.parseDouble(q.get(a.wireName()));
                    }
                }
                int size = Integer.parseInt(q.getOrDefault("size", "20"));
                for (int t : engine.recommend(new SeedQuery(seeds.subList(0, Math.min(5, seeds.size())), List.of(), List.of(), size, null, null,
                        target, 3)).tracks()) {
                    content.add(reccoTrack(t));
                }
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    private ObjectNode spotifyTrack(int t) {
        ObjectNode n = JSON.createObjectNode().put("id", catalog.trackId(t)).put("name", catalog.trackName(t))
                .put("duration_ms", catalog.durationMs(t)).put("explicit", catalog.explicit(t)).put("popularity", catalog.popularity(t));
        ArrayNode artists = n.putArray("artists");
        for (int a : catalog.trackArtists(t)) {
            artists.addObject().put("id", catalog.artistId(a)).put("name", catalog.artistName(a));
        }
        int al = catalog.trackAlbum(t);
        n.putObject("album").put("id", catalog.albumId(al)).put("name", catalog.albumName(al));
        return n;
    }

    private ObjectNode spotifyArtist(int a) {
        ObjectNode n = JSON.createObjectNode().put("id", catalog.artistId(a)).put("name", catalog.artistName(a))
                .put("popularity", catalog.artistPopularity(a));
        ArrayNode g = n.putArray("genres");
        Arrays.stream(catalog.artistGenres(a)).forEach(i -> g.add(catalog.genreName(i)));
        return n;
    }

    private ObjectNode reccoTrack(int t) {
        ObjectNode n = JSON.createObjectNode().put("id", Ids.derive("rb-track", catalog.trackId(t))).put("trackTitle", catalog.trackName(t))
                .put("durationMs", catalog.durationMs(t)).put("href", "https://open.spotify.com/track/" + catalog.trackId(t))
                .put("popularity", catalog.popularity(t));
        ArrayNode artists = n.putArray("artists");
        for (int a : catalog.trackArtists(t)) {
            artists.addObject().put("id", Ids.derive("rb-artist", catalog.artistId(a))).put("name", catalog.artistName(a))
                    .put("href", "https://open.spotify.com/artist/" + catalog.artistId(a));
        }
        return n;
    }

    private ObjectNode features(int t) {
        AudioFeatures f = catalog.features(t);
        return JSON.createObjectNode().put("id", Ids.derive("rb-track", catalog.trackId(t)))
                .put("href", "https://open.spotify.com/track/" + catalog.trackId(t)).put("acousticness", f.acousticness())
                .put("danceability", f.danceability()).put("energy", f.energy()).put("instrumentalness", f.instrumentalness())
                .put("key", f.key()).put("liveness", f.liveness()).put("loudness", f.loudness()).put("mode", f.mode())
                .put("speechiness", f.speechiness()).put("tempo", f.tempo()).put("valence", f.valence());
    }

    private static List<String> ids(Map<String, String> q) {
        String ids = q.get("ids");
        if (ids == null || ids.isBlank()) {
            throw new IllegalArgumentException("ids is required");
        }
        return List.of(ids.split(","));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", status == 429 && !body.startsWith("{") ? "text/plain" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
