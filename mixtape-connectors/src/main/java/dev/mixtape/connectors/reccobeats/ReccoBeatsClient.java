package dev.mixtape.connectors.reccobeats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.connectors.http.Resilience;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * ReccoBeats over HTTP: {@code GET /v1/track/recommendation} (through {@link RecommendationGuard}) and
 * {@code GET /v1/audio-features?ids=} in batches of {@value #FEATURE_BATCH}. Both answer {@code {content:[…]}}.
 * Calls go through {@link Resilience} (retries on 429/5xx/timeouts honouring Retry-After, a circuit breaker
 * for the host); the read timeout defaults to 60 s, as ReccoBeats can be slow.
 */
public final class ReccoBeatsClient {
    public static final int FEATURE_BATCH = 40;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    static final int FEATURE_PERMITS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Resilience resilience;
    private final RecommendationGuard guard;
    private final dev.mixtape.connectors.http.CachedLookup<JsonNode> features;

    public ReccoBeatsClient(URI base, Duration connectTimeout, Duration readTimeout, Resilience resilience, RecommendationGuard guard) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_2).build();
        this.readTimeout = readTimeout;
        this.resilience = resilience;
        this.guard = guard;
        this.features = new dev.mixtape.connectors.http.CachedLookup<>(this::fetchFeatures, FEATURE_BATCH, Duration.ofDays(7),
                Duration.ofHours(1), FEATURE_PERMITS);
    }

    /** A recommended track as ReccoBeats describes it. */
    public record RemoteTrack(String id, String title, List<String> artists, String href, Integer popularity) {}

    public RecommendationGuard.Outcome<List<RemoteTrack>> recommend(RecommendationQuery query) {
        return guard.recommend(query, q -> {
            try {
                return parseTracks(get("/v1/track/recommendation", params(q)));
            } catch (Resilience.HttpStatusException e) {
                if (!e.transientFailure()) {
                    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
                    throw new RecommendationGuard.Rejected(e.status(), e.getMessage(), m.contains("negative"));
                }
                throw e;
            }
        });
    }

    /**
     * Audio features by id (unknown ids are absent): from the cache (7 days; not-found ids 1 hour) without touching
     * the rate limit, else fetched in batches of {@value #FEATURE_BATCH}, each taking a token ({@value #FEATURE_PERMITS}/s);
     * ids another caller is fetching are waited for.
     */
    public Map<String, JsonNode> audioFeatures(List<String> ids) {
        return features.get(ids);
    }

    private Map<String, JsonNode> fetchFeatures(List<String> batch) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode body = get("/v1/audio-features", Map.of("ids", String.join(",", batch)));
        for (JsonNode f : body.path("content")) {
            out.put(f.path("id").asText(), f);
        }
        return out;
    }

    static Map<String, String> params(RecommendationQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("seeds", String.join(",", q.seeds()));
        if (!q.negativeSeeds().isEmpty()) {
            p.put("negativeSeeds", String.join(",", q.negativeSeeds()));
        }
        p.put("size", Integer.toString(q.size()));
        q.features().forEach((k, v) -> p.put(k, Double.toString(v)));
        if (q.featureWeight() != null) {
            p.put("featureWeight", Integer.toString(q.featureWeight()));
        }
        return p;
    }

    private JsonNode get(String path, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = base.resolve(path + (params.isEmpty() ? "" : "?" + query));
        return resilience.call(base.getHost() + ":" + base.getPort(), path, () -> {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new Resilience.TransportException("ReccoBeats " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (r.statusCode() / 100 != 2) {
                Duration retryAfter = Resilience.retryAfter(r);
                throw new Resilience.HttpStatusException(r.statusCode(), message(r.body(), r.statusCode()), retryAfter);
            }
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new Resilience.HttpStatusException(502, "ReccoBeats " + path + " answered with malformed JSON", null);
            }
        });
    }

    private static String message(String body, int status) {
        try {
            JsonNode n = JSON.readTree(body);
            for (String f : new String[] {"message", "error", "detail"}) {
                if (n.hasNonNull(f) && n.get(f).isTextual()) {
                    return n.get(f).asText();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON
        }
        return "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length())));
    }

    private static List<RemoteTrack> parseTracks(JsonNode body) {
        List<RemoteTrack> out = new ArrayList<>();
        for (JsonNode t : body.path("content")) {
            List<String> artists = new ArrayList<>();
            for (JsonNode a : t.path("artists")) {
                artists.add(a.path("name").asText());
            }
            out.add(new RemoteTrack(t.path("id").asText(), t.path("trackTitle").asText(), artists, t.path("href").asText(null),
                    t.hasNonNull("popularity") ? t.get("popularity").asInt() : null));
        }
        return out;
    }
}
