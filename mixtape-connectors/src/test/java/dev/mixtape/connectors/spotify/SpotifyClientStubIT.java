package dev.mixtape.connectors.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mixtape.connectors.http.Resilience;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Spotify client against a local stub of the accounts and Web API endpoints in their wire format: the
 * client-credentials token (Basic auth, form body, expires_in), a 401 that forces a new token, batches of 50,
 * {@code null} for unknown ids, and Spotify's error object with a 429.
 */
class SpotifyClientStubIT {
    WireMockServer server;
    Instant[] now = {Instant.parse("2026-11-22T00:00:00Z")};
    SpotifyTokens tokens;
    SpotifyClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/token")).withHeader("Authorization", equalTo("Basic aWQ6c2VjcmV0"))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        URI base = URI.create("http://127.0.0.1:" + server.port());
        HttpClient http = HttpClient.newHttpClient();
        tokens = new SpotifyTokens(base, "id", "secret", http, clock);
        client = new SpotifyClient(base, http, Duration.ofSeconds(5), tokens, new Resilience(3, Duration.ofMillis(20), Duration.ofSeconds(2)), 20);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String track(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Song " + id + "\",\"type\":\"track\"}";
    }

    @Test
    void tracksInBatchesOfFiftyWithOneTokenAndNullsForUnknownIds() {
        server.stubFor(get(urlPathEqualTo("/v1/tracks")).withHeader("Authorization", equalTo("Bearer tok"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"tracks\":[" + track("t1") + ",null," + track("t3") + "]}")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add("t" + i);
        }
        assertThat(client.tracks(ids)).containsOnlyKeys("t1", "t3");
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/tracks")));
        server.verify(getRequestedFor(urlPathEqualTo("/v1/tracks")).withQueryParam("ids", containing("t0,t1,t2")));
        assertThat(tokens.fetches()).isEqualTo(1);
        // an hour later the token is fetched again (a minute before it expires)
        now[0] = now[0].plus(Duration.ofMinutes(59)).plusSeconds(1);
        client.tracks(List.of("t500"));
        assertThat(tokens.fetches()).isEqualTo(2);
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/token")));
    }

    @Test
    void a401FetchesANewTokenOnce() {
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).inScenario("expired").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}"))
                .willSetStateTo("fresh"));
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).inScenario("expired").whenScenarioStateIs("fresh")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"audio_features\":[{\"id\":\"a\",\"energy\":0.7},null]}")));
        assertThat(client.audioFeatures(List.of("a", "b"))).containsOnlyKeys("a");
        assertThat(tokens.fetches()).isEqualTo(2);
    }

    @Test
    void spotifysErrorObjectIsReportedAndA429Retried() {
        server.stubFor(get(urlPathEqualTo("/v1/tracks")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/v1/tracks")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"tracks\":[" + track("x") + "]}")));
        assertThat(client.tracks(List.of("x"))).containsOnlyKeys("x");
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1/tracks")));

        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":{\"status\":403,\"message\":\"Forbidden\"}}")));
        assertThatThrownBy(() -> client.audioFeatures(List.of("q"))).isInstanceOf(Resilience.HttpStatusException.class)
                .hasMessage("Forbidden");
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/audio-features"))); // a 403 is not retried
    }
}
