package dev.mixtape.connectors.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.connectors.http.Resilience;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Spotify's client-credentials flow: {@code POST {accounts}/api/token} with HTTP Basic client id and secret and
 * {@code grant_type=client_credentials}, answering {@code {access_token, token_type, expires_in}}. The token is
 * kept until a minute before it expires (half its life, when that is shorter), then fetched again; {@link #invalidate} drops it (after a 401). One
 * fetch at a time. The secret is never logged.
 */
public final class SpotifyTokens {
    static final Duration EARLY = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUri;
    private final String basic;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.EPOCH;
    private Duration early = EARLY;
    private int fetches;

    public SpotifyTokens(URI accountsBase, String clientId, String clientSecret, HttpClient http, Clock clock) {
        this.tokenUri = accountsBase.resolve("/api/token");
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.http = http;
        this.clock = clock;
    }

    /** A valid access token. */
    public synchronized String token() {
        if (token != null && clock.instant().isBefore(expires.minus(early))) {
            return token;
        }
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(tokenUri).header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Resilience.TransportException("Spotify token: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new Resilience.HttpStatusException(r.statusCode(), "Spotify token request failed (" + r.statusCode()
                    + "): check the client id and secret", null);
        }
        try {
            JsonNode n = JSON.readTree(r.body());
            token = n.path("access_token").asText(null);
            long lifetime = Math.max(1, n.path("expires_in").asLong(3600));
            expires = clock.instant().plusSeconds(lifetime);
            // renewed a minute early, or at half its life when it lives two minutes or less (else every call would renew it)
            early = Duration.ofSeconds(Math.min(EARLY.toSeconds(), lifetime / 2));
        } catch (IOException e) {
            throw new Resilience.HttpStatusException(502, "Spotify token answer is not JSON", null);
        }
        if (token == null) {
            throw new Resilience.HttpStatusException(502, "Spotify token answer has no access_token", null);
        }
        fetches++;
        return token;
    }

    /** Drops the token (the API said 401); the next call fetches a new one. */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    /** How many tokens were fetched (for tests and metrics). */
    public synchronized int fetches() {
        return fetches;
    }
}
