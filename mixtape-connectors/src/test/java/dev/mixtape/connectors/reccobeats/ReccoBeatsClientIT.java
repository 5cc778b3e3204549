package dev.mixtape.connectors.reccobeats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mixtape.connectors.http.Resilience;
import dev.mixtape.core.InvalidRequestException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ReccoBeats client against a local stub speaking its wire format ({@code {content:[…]}}), including its
 * 429s with Retry-After, 5xx, and the 400 it gives for too many negative seeds.
 */
class ReccoBeatsClientIT {
    static final String TRACKS = "{\"content\":[{\"id\":\"rb-1\",\"trackTitle\":\"Song One\",\"artists\":[{\"id\":\"a1\",\"name\":\"Artist\"}],"
            + "\"href\":\"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\",\"popularity\":55}]}";
    WireMockServer server;
    ReccoBeatsClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        client = new ReccoBeatsClient(URI.create("http://127.0.0.1:" + server.port()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new Resilience(3, Duration.ofMillis(20), Duration.ofSeconds(2)), new RecommendationGuard(new DenyList(Clock.systemUTC())));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static RecommendationQuery query(List<String> seeds, List<String> negatives) {
        return new RecommendationQuery(seeds, negatives, 10, Map.of("energy", 0.8), 3);
    }

    @Test
    void recommendationsAreParsedAndTheParametersSent() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TRACKS)));
        var o = client.recommend(query(List.of("s1", "s2", "s3"), List.of("n1")));
        assertThat(o.answer()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("rb-1");
            assertThat(t.title()).isEqualTo("Song One");
            assertThat(t.artists()).containsExactly("Artist");
            assertThat(t.popularity()).isEqualTo(55);
        });
        server.verify(getRequestedFor(urlPathEqualTo("/v1/track/recommendation")).withQueryParam("seeds", equalTo("s1,s2,s3"))
                .withQueryParam("negativeSeeds", equalTo("n1")).withQueryParam("size", equalTo("10"))
                .withQueryParam("energy", equalTo("0.8")).withQueryParam("featureWeight", equalTo("3")));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"message\":\"Too Many Requests\"}"))
                .willSetStateTo("open"));
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TRACKS)));
        long start = System.nanoTime();
        assertThat(client.recommend(query(List.of("s1"), List.of())).answer()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1/track/recommendation")));
    }

    @Test
    void serverErrorsAreRetriedAFewTimesThenReported() {
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThatThrownBy(() -> client.audioFeatures(List.of("a"))).isInstanceOf(Resilience.HttpStatusException.class)
                .hasMessageContaining("503");
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/audio-features")));
    }

    @Test
    void aRatioErrorIsNotRetriedButWalksTheFallbackLadder() {
        // the service rejects any negative seeds with a 400 naming them; without negatives it answers
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"negativeSeeds must be fewer than half of seeds\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).withQueryParam("negativeSeeds", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TRACKS)));
        var o = client.recommend(query(List.of("s1", "s2", "s3", "s4", "s5"), List.of("n1", "n2")));
        assertThat(o.sent().negativeSeeds()).isEmpty();
        assertThat(o.steps()).anyMatch(s -> s.contains("400"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1/track/recommendation"))); // no retry of the 400 itself
        // the same request again: the rejected combination is not sent again
        client.recommend(query(List.of("s1", "s2", "s3", "s4", "s5"), List.of("n1", "n2")));
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/track/recommendation")));
        assertThatThrownBy(() -> client.recommend(query(List.of(), List.of()))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void audioFeaturesGoInBatchesOfForty() {
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"content\":[{\"id\":\"id1\",\"energy\":0.5}]}")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            ids.add("id" + i);
        }
        ids.add("id0"); // repeated ids are asked once
        assertThat(client.audioFeatures(ids)).containsOnlyKeys("id1");
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/audio-features")));
        // asked again: found and not-found ids both come from the cache, without a call
        client.audioFeatures(ids);
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/audio-features")));
    }
}
