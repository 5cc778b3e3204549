package dev.mixtape.connectors.spotify;

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
import java.util.Base64;

/**
 * A user's access token from their refresh token, Spotify's refresh-token grant: {@code POST {accounts}/api/token}
 * with HTTP Basic client id and secret and {@code grant_type=refresh_token&refresh_token=...}, answering
 * {@code {access_token, token_type, scope, expires_in}} and, when Spotify rotates it, a new {@code refresh_token}.
 * A refresh token Spotify no longer accepts ({@code 400 {"error": "invalid_grant", ...}}) is a {@link Refused};
 * anything else that fails (5xx, 429, a timeout) is a transient {@link Resilience.TransportException} or
 * {@link Resilience.HttpStatusException}. No token is ever put in a message. Thread-safe.
 */
public final class SpotifyUserTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** @param refreshToken the new refresh token when Spotify rotated it, else null (keep the old one) */
    public record Refreshed(String accessToken, String refreshToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Refreshed[expires in " + expiresInSeconds + " s" + (refreshToken == null ? "" : ", rotated") + "]";
        }
    }

    /** Spotify refused the refresh token (revoked, expired, or issued to another app): the user must link again. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final URI tokenUri;
    private final String basic;
    private final HttpClient http;

    public SpotifyUserTokens(URI accountsBase, String clientId, String clientSecret, HttpClient http) {
        this.tokenUri = accountsBase.resolve("/api/token");
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.http = http;
    }

    public Refreshed refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new Refused("no refresh token");
        }
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT).header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Resilience.TransportException("Spotify token refresh: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body() == null || r.body().isBlank() ? "{}" : r.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (r.statusCode() == 400 && "invalid_grant".equals(body.path("error").asText())) {
            throw new Refused("Spotify refused the refresh token (invalid_grant: " + body.path("error_description").asText("no description")
                    + "): the listener must link their account again");
        }
        if (r.statusCode() == 400 || r.statusCode() == 401) {
            // invalid_client: our own credentials, not the user's token; transient from the link's point of view
            throw new Resilience.HttpStatusException(r.statusCode(), "Spotify token refresh failed (" + r.statusCode() + " "
                    + body.path("error").asText("") + "): check spotify.client.id and spotify.client.secret", null);
        }
        if (r.statusCode() != 200) {
            throw new Resilience.HttpStatusException(r.statusCode(), "Spotify token refresh failed (" + r.statusCode() + ")", null);
        }
        String access = body.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new Resilience.HttpStatusException(502, "Spotify token refresh answer has no access_token", null);
        }
        String rotated = body.path("refresh_token").asText(null);
        return new Refreshed(access, rotated == null || rotated.isBlank() ? null : rotated, body.path("expires_in").asLong(3600));
    }
}
