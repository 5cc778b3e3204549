package dev.mixtape.connectors.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.connectors.http.CachedLookup;
import dev.mixtape.connectors.http.Resilience;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spotify Web API with a client-credentials token: tracks ({@code GET /v1/tracks?ids=}, 50 per call) and
 * audio features ({@code GET /v1/audio-features?ids=}, 100 per call; unknown ids answer {@code null}), each
 * through a {@link CachedLookup} (tracks 30 minutes, features 7 days; not-found ids 1 hour). A 401 drops the
 * token and the call is sent once more with a new one; 429 (honouring Retry-After), 5xx and timeouts are
 * retried by {@link Resilience}.
 */
public final class SpotifyClient {
    public static final int TRACK_BATCH = 50;
    public static final int FEATURE_BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final HttpClient http;
    private final Duration readTimeout;
    private final SpotifyTokens tokens;
    private final Resilience resilience;
    private final CachedLookup<JsonNode> tracks;
    private final CachedLookup<JsonNode> features;

    public SpotifyClient(URI api, HttpClient http, Duration readTimeout, SpotifyTokens tokens, Resilience resilience, long permitsPerSecond) {
        this.api = api;
        this.http = http;
        this.readTimeout = readTimeout;
        this.tokens = tokens;
        this.resilience = resilience;
        this.tracks = new CachedLookup<>(ids -> byId(get("/v1/tracks?ids=" + String.join(",", ids)).path("tracks")), TRACK_BATCH,
                Duration.ofMinutes(30), Duration.ofHours(1), permitsPerSecond);
        this.features = new CachedLookup<>(ids -> byId(get("/v1/audio-features?ids=" + String.join(",", ids)).path("audio_features")),
                FEATURE_BATCH, Duration.ofDays(7), Duration.ofHours(1), permitsPerSecond);
    }

    /** Track objects by id; unknown ids are absent. */
    public Map<String, JsonNode> tracks(List<String> ids) {
        return tracks.get(ids);
    }

    /** Audio features by id; unknown ids (or ones the account may no longer read) are absent. */
    public Map<String, JsonNode> audioFeatures(List<String> ids) {
        return features.get(ids);
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode n : list) {
            if (n != null && !n.isNull() && n.hasNonNull("id")) {
                out.put(n.get("id").asText(), n);
            }
        }
        return out;
    }

    private JsonNode get(String pathAndQuery) {
        return resilience.call(api.getHost() + ":" + api.getPort(), pathAndQuery.split("\\?")[0], () -> {
            for (int attempt = 0; ; attempt++) {
                String token = tokens.token();
                HttpResponse<String> r;
                try {
                    r = http.send(HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(readTimeout)
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new Resilience.TransportException("Spotify " + pathAndQuery + ": " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (r.statusCode() == 401 && attempt == 0) {
                    tokens.invalidate(token); // expired or revoked: one more try with a new token
                    continue;
                }
                if (r.statusCode() / 100 != 2) {
                    Duration retryAfter = Resilience.retryAfter(r);
                    String message = "HTTP " + r.statusCode();
                    try {
                        message = JSON.readTree(r.body()).path("error").path("message").asText(message);
                    } catch (IOException | RuntimeException ignored) {
                        // not Spotify's error object
                    }
                    throw new Resilience.HttpStatusException(r.statusCode(), message, retryAfter);
                }
                try {
                    return JSON.readTree(r.body());
                } catch (IOException e) {
                    throw new Resilience.HttpStatusException(502, "Spotify " + pathAndQuery + " answered with malformed JSON", null);
                }
            }
        });
    }
}
