package dev.mixtape.connectors.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mixtape.connectors.http.Resilience;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spotify's refresh-token grant against a local stub speaking the accounts service's wire format. */
class SpotifyUserTokensIT {
    WireMockServer accounts;
    SpotifyUserTokens tokens;

    @BeforeEach
    void start() {
        accounts = new WireMockServer(wireMockConfig().dynamicPort());
        accounts.start();
        tokens = new SpotifyUserTokens(URI.create("http://127.0.0.1:" + accounts.port()), "client-id", "client-secret", HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        accounts.stop();
    }

    @Test
    void aRefreshTokenGivesAnAccessTokenAndSometimesANewRefreshToken() {
        accounts.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("refresh_token=keep%2Bme"))
                .willReturn(json(200, "{\"access_token\":\"BQD-new\",\"token_type\":\"Bearer\",\"scope\":\"user-top-read\",\"expires_in\":3600}")));
        accounts.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("refresh_token=rotate"))
                .willReturn(json(200, "{\"access_token\":\"BQD-2\",\"token_type\":\"Bearer\",\"scope\":\"user-top-read\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"AQ-rotated\"}")));
        SpotifyUserTokens.Refreshed kept = tokens.refresh("keep+me");
        assertThat(kept.accessToken()).isEqualTo("BQD-new");
        assertThat(kept.refreshToken()).isNull();
        assertThat(kept.expiresInSeconds()).isEqualTo(3600);
        assertThat(kept.toString()).doesNotContain("BQD");
        assertThat(tokens.refresh("rotate").refreshToken()).isEqualTo("AQ-rotated");
        String basic = "Basic " + Base64.getEncoder().encodeToString("client-id:client-secret".getBytes(StandardCharsets.UTF_8));
        accounts.verify(2, postRequestedFor(urlPathEqualTo("/api/token")).withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")).withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aRevokedRefreshTokenIsRefusedAndOtherFailuresAreTransient() {
        accounts.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("refresh_token=AQ-secret"))
                .willReturn(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
        accounts.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("refresh_token=busy"))
                .willReturn(json(503, "{\"error\":\"server_error\"}")));
        accounts.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("refresh_token=wrong-app"))
                .willReturn(json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}")));
        assertThatThrownBy(() -> tokens.refresh("AQ-secret")).isInstanceOf(SpotifyUserTokens.Refused.class)
                .hasMessageContaining("Refresh token revoked").hasMessageNotContaining("AQ-secret");
        assertThatThrownBy(() -> tokens.refresh("busy")).isInstanceOf(Resilience.HttpStatusException.class).hasMessageContaining("503");
        assertThatThrownBy(() -> tokens.refresh("wrong-app")).isInstanceOf(Resilience.HttpStatusException.class)
                .hasMessageContaining("spotify.client.secret");
        assertThatThrownBy(() -> tokens.refresh(" ")).isInstanceOf(SpotifyUserTokens.Refused.class);
        accounts.stop();
        assertThatThrownBy(() -> tokens.refresh("anything")).isInstanceOf(Resilience.TransportException.class);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
