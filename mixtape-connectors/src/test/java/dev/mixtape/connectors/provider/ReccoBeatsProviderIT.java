package dev.mixtape.connectors.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mixtape.connectors.provider.WireFormats.content;
import static dev.mixtape.connectors.provider.WireFormats.ids;
import static dev.mixtape.connectors.provider.WireFormats.reccoTrack;
import static dev.mixtape.connectors.provider.WireFormats.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mixtape.connectors.ManualClock;
import dev.mixtape.connectors.http.AbsentIds;
import dev.mixtape.connectors.http.LocalRemoteCache;
import dev.mixtape.connectors.http.Lookup;
import dev.mixtape.connectors.http.MalformedAnswerException;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.http.RemoteOptions;
import dev.mixtape.connectors.http.Resilience;
import dev.mixtape.connectors.reccobeats.DenyList;
import dev.mixtape.connectors.reccobeats.RecommendationGuard;
import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.InvalidRequestException;
import java.net.URI;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReccoBeatsProvider} against a local stub speaking ReccoBeats' wire format ({@code {content:[…]}} for tracks,
 * artists, audio features, artist search and recommendations; track objects with a UUID, {@code trackTitle}, artists
 * and a Spotify {@code href}), including its 429s with Retry-After, 5xx, slow answers, malformed bodies and the 400 it
 * gives for a bad seed combination. Each case counts the calls the stub received.
 */
class ReccoBeatsProviderIT {
    static final List<String> FIVE = List.of("s1", "s2", "s3", "s4", "s5");

    WireMockServer server;
    URI base;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));
    LocalRemoteCache cache;
    ReccoBeatsProvider recco;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        recco = provider(options());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static RemoteOptions options() {
        return RemoteOptions.defaults(Duration.ofSeconds(5)).withRetries(3, Duration.ofMillis(20)).withRate(100);
    }

    /** A provider with its own cache, which also holds its deny list. */
    ReccoBeatsProvider provider(RemoteOptions options) {
        cache = new LocalRemoteCache(10_000);
        return provider(options, cache, cache);
    }

    ReccoBeatsProvider provider(RemoteOptions options, RemoteCache answers, RemoteCache denials) {
        return new ReccoBeatsProvider(base, options, answers, new AbsentIds(10_000, 0.001, Duration.ofHours(1)),
                new RecommendationGuard(new DenyList(denials, clock)));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder badRequest(String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                "{\"timestamp\":\"2026-11-22T00:00:00.000+00:00\",\"status\":400,\"error\":\"Bad Request\",\"message\":\"" + message
                        + "\",\"path\":\"/v1/track/recommendation\"}");
    }

    static String recommended(String... spotifyIds) {
        return content(List.of(spotifyIds), id -> true, WireFormats::reccoTrack);
    }

    static RecommendationQuery query(List<String> seeds, List<String> negatives) {
        return new RecommendationQuery(seeds, negatives, 10, Map.of("energy", 0.8), 3);
    }

    // fresh builders each time: withQueryParam changes the builder it is called on
    static RequestPatternBuilder recommendations() {
        return getRequestedFor(urlPathEqualTo("/v1/track/recommendation"));
    }

    static RequestPatternBuilder tracks() {
        return getRequestedFor(urlPathEqualTo("/v1/track"));
    }

    static RequestPatternBuilder features() {
        return getRequestedFor(urlPathEqualTo("/v1/audio-features"));
    }

    /** Stubs {@code path} for exactly this batch; ids ending in 7 are unknown (left out of the answer). */
    void batch(String path, List<String> batch, java.util.function.Function<String, String> obj) {
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("ids", equalTo(String.join(",", batch)))
                .willReturn(json(content(batch, id -> !id.endsWith("7"), obj))));
    }

    // --- lookups: batches of 40, keyed by the id asked for, unknown ids negative-cached ---

    @Test
    void tracksGoInBatchesOfFortyKeyedByTheSpotifyIdAskedFor() {
        List<String> ids = ids("t", 120);
        for (int from = 0; from < 120; from += 40) {
            batch("/v1/track", ids.subList(from, from + 40), WireFormats::reccoTrack);
        }
        Map<String, RemoteTrack> got = recco.tracks(ids);
        assertThat(got).hasSize(120 - 12).doesNotContainKeys("t7", "t117");
        assertThat(got.get("t3")).satisfies(t -> {
            assertThat(t.id()).isEqualTo("t3");
            assertThat(t.name()).isEqualTo("Song t3");
            assertThat(t.artists()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("ar-t3"));
            assertThat(t.durationMs()).isEqualTo(187000);
            assertThat(t.popularity()).isEqualTo(57);
            assertThat(t.album()).isNull();
        });
        server.verify(exactly(3), tracks());

        // again, with the unknown ones: nothing is sent
        assertThat(recco.tracks(ids)).isEqualTo(got);
        assertThat(recco.tracks(List.of("t7", "t17", "t27"))).isEmpty();
        server.verify(exactly(3), tracks());
    }

    @Test
    void reccoBeatsIdsAreAnsweredUnderThemselves() {
        String own = uuid("t1");
        server.stubFor(get(urlPathEqualTo("/v1/track")).willReturn(json(content(List.of("t1", "t2"), id -> true, WireFormats::reccoTrack))));
        Map<String, RemoteTrack> got = recco.tracks(List.of(own, "t2"));
        assertThat(got).containsOnlyKeys(own, "t2");
        assertThat(got.get(own).id()).isEqualTo(own);
        server.verify(exactly(1), tracks().withQueryParam("ids", equalTo(own + ",t2")));
    }

    @Test
    void audioFeaturesInBatchesOfFortyFromTheCacheTheSecondTime() {
        List<String> ids = new ArrayList<>(ids("f", 95));
        ids.add("f0"); // asked once
        batch("/v1/audio-features", ids.subList(0, 40), WireFormats::reccoFeatures);
        batch("/v1/audio-features", ids.subList(40, 80), WireFormats::reccoFeatures);
        batch("/v1/audio-features", ids.subList(80, 95), WireFormats::reccoFeatures);
        Map<String, AudioFeatures> got = recco.audioFeatures(ids);
        assertThat(got).hasSize(95 - 9).containsKey("f0").doesNotContainKey("f7");
        assertThat(got.get("f0").timeSignature()).as("ReccoBeats has none: 4 is assumed").isEqualTo(4);
        assertThat(got.get("f0").energy()).isEqualTo(0.8);
        server.verify(exactly(3), features());

        assertThat(recco.audioFeatures(ids)).isEqualTo(got);
        server.verify(exactly(3), features());
    }

    @Test
    void artistsAndArtistSearch() {
        batch("/v1/artist", List.of("a1", "a2", "a7"), WireFormats::reccoArtist);
        assertThat(recco.artists(List.of("a1", "a2", "a7"))).containsOnlyKeys("a1", "a2")
                .hasEntrySatisfying("a1", a -> {
                    assertThat(a.name()).isEqualTo("Artist a1");
                    assertThat(a.genres()).isEmpty();
                });
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/artist")));

        server.stubFor(get(urlPathEqualTo("/v1/artist/search")).willReturn(json(content(List.of("a3", "a4"), id -> true,
                WireFormats::reccoArtist))));
        assertThat(recco.searchArtists("Beach House", 10)).extracting(RemoteArtist::id).containsExactly("a3", "a4");
        assertThat(recco.searchArtists("Beach House", 10)).hasSize(2);
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/artist/search")).withQueryParam("searchText", equalTo("Beach House"))
                .withQueryParam("size", equalTo("10")).withQueryParam("page", equalTo("0")));
    }

    @Test
    void whatReccoBeatsDoesNotOfferIsRefusedWithoutACall() {
        assertThatThrownBy(() -> recco.searchTracks("x", 5)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("reccobeats does not offer search tracks");
        assertThatThrownBy(() -> recco.artistTopTracks("a1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> recco.relatedArtists("a1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> recco.userTopTracks("token", 5)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    // --- failures ---

    @Test
    void aFailedBatchKeepsTheOthersAndOnlyItIsAskedAgain() {
        List<String> ids = ids("t", 80);
        batch("/v1/track", ids.subList(0, 40), WireFormats::reccoTrack);
        server.stubFor(get(urlPathEqualTo("/v1/track")).withQueryParam("ids", equalTo(String.join(",", ids.subList(40, 80))))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"Internal Server Error\"}")));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> recco.tracks(ids));
        assertThat(e.partial()).hasSize(40 - 4).containsKey("t0").doesNotContainKey("t40");
        assertThat(e.failed()).containsExactlyInAnyOrderElementsOf(ids.subList(40, 80));
        assertThat(e.reason()).hasMessage("GET /v1/track answered 500: Internal Server Error");
        server.verify(exactly(1 + 3), tracks()); // the failing batch was tried three times

        batch("/v1/track", ids.subList(40, 80), WireFormats::reccoTrack);
        assertThat(recco.tracks(ids)).hasSize(80 - 8);
        server.verify(exactly(5), tracks());
        server.verify(exactly(3 + 1), tracks().withQueryParam("ids", equalTo(String.join(",", ids.subList(40, 80)))));
    }

    @Test
    void a429StormIsWaitedOut() {
        ReccoBeatsProvider patient = provider(options().withRetries(4, Duration.ofMillis(20)));
        String state = Scenario.STARTED;
        for (int i = 1; i <= 3; i++) {
            server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).inScenario("storm").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"message\":\"Too Many Requests\"}"))
                    .willSetStateTo("429 #" + i));
            state = "429 #" + i;
        }
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).inScenario("storm").whenScenarioStateIs(state)
                .willReturn(json(recommended("r1"))));
        assertThat(patient.recommend(query(List.of("s1"), List.of()))).extracting(RemoteTrack::id).containsExactly("r1");
        server.verify(exactly(4), recommendations());
        assertThat(cache.get(RemoteCache.Kind.DENIED, "s1|-")).as("a 429 is not a reason to deny").isEmpty();
    }

    /**
     * Three batches in flight when the storm starts: each is answered 429 with Retry-After: 1. Each is retried once, after
     * the Retry-After, and answered: 3 + 3 calls, none sent during the pause. (That a call arriving during a pause is
     * held without being sent is RateLimitedTransportTest's.)
     */
    @Test
    void a429StormOverConcurrentBatchesIsWaitedOutWithOneRetryPerBatch() {
        List<String> ids = ids("c", 120);
        // one scenario per batch (each batch's requests are sequential, so the stub's state cannot race): its first
        // request is refused with a 429, its retry answered
        for (int b = 0; b < 3; b++) {
            List<String> batch = ids.subList(40 * b, 40 * b + 40);
            server.stubFor(get(urlPathEqualTo("/v1/audio-features")).inScenario("storm " + b).whenScenarioStateIs(Scenario.STARTED)
                    .withQueryParam("ids", equalTo(String.join(",", batch)))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withFixedDelay(200)
                            .withBody("{\"message\":\"Too Many Requests\"}"))
                    .willSetStateTo("refused"));
            server.stubFor(get(urlPathEqualTo("/v1/audio-features")).inScenario("storm " + b).whenScenarioStateIs("refused")
                    .withQueryParam("ids", equalTo(String.join(",", batch)))
                    .willReturn(json(content(batch, id -> true, WireFormats::reccoFeatures))));
        }
        assertThat(recco.audioFeatures(ids)).hasSize(120);
        server.verify(exactly(6), features());
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        assertThat(events.subList(0, 3)).allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(429));
        assertThat(events.subList(3, 6)).allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(200));
        // every retry waited out the Retry-After (1 s, counted from the answers, which the stub delays by 200 ms so that
        // the three batches are in flight together)
        long first = events.get(0).getRequest().getLoggedDate().getTime();
        assertThat(events.subList(3, 6)).allSatisfy(e -> assertThat(e.getRequest().getLoggedDate().getTime() - first)
                .as("sent after the pause").isGreaterThanOrEqualTo(1_000));
    }

    @Test
    void a5xxBurstIsRetriedThenReportedAndNeverDenied() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(aResponse().withStatus(503).withBody("upstream busy")));
        Resilience.HttpStatusException e = catchThrowableOfType(Resilience.HttpStatusException.class,
                () -> recco.recommend(query(List.of("s1"), List.of())));
        assertThat(e).hasMessage("GET /v1/track/recommendation answered 503: upstream busy");
        server.verify(exactly(3), recommendations());

        // the service is back: the same request is sent (it was not deny-listed) and answered
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(json(recommended("r1"))));
        assertThat(recco.recommend(query(List.of("s1"), List.of()))).hasSize(1);
        server.verify(exactly(4), recommendations());
    }

    @Test
    void aReadTimeoutIsRetriedThenReported() {
        assertThat(ReccoBeatsProvider.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
        ReccoBeatsProvider impatient = provider(RemoteOptions.defaults(Duration.ofMillis(250)).withRetries(2, Duration.ofMillis(20)));
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(json("{\"content\":[]}").withFixedDelay(1_500)));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> impatient.audioFeatures(List.of("f1")));
        assertThat(e.reason()).isInstanceOfSatisfying(Resilience.TransportException.class, t -> assertThat(t.timeout()).isTrue());
        assertThat(e.failed()).containsExactly("f1");
        server.verify(exactly(2), features());
        assertThat(cache.get(RemoteCache.Kind.ABSENT, "AUDIO_FEATURES:f1")).as("a timeout says nothing about the id").isEmpty();
    }

    @Test
    void malformedJsonIsOneCallAndAClearError() {
        server.stubFor(get(urlPathEqualTo("/v1/artist/search")).willReturn(json("{\"content\":[{\"id\":")));
        assertThatThrownBy(() -> recco.searchArtists("x", 5)).isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("GET /v1/artist/search answered 200 with malformed JSON");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/artist/search")));

        server.stubFor(get(urlPathEqualTo("/v1/track")).willReturn(json("")));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> recco.tracks(List.of("t1")));
        assertThat(e.reason()).isInstanceOf(MalformedAnswerException.class).hasMessage("GET /v1/track answered 200 with an empty body");
        server.verify(exactly(1), tracks());
    }

    // --- recommendations and the guard ---

    @Test
    void aRecommendationSendsEveryParameterAndReadsTheTracks() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(json(recommended("r1", "r2"))));
        List<RemoteTrack> got = recco.recommend(query(List.of("s1", "s2", "s3"), List.of("n1")));
        assertThat(got).extracting(RemoteTrack::id).containsExactly("r1", "r2");
        assertThat(got.get(0).artists()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("ar-r1"));
        server.verify(exactly(1), recommendations().withQueryParam("seeds", equalTo("s1,s2,s3")).withQueryParam("negativeSeeds", equalTo("n1"))
                .withQueryParam("size", equalTo("10")).withQueryParam("energy", equalTo("0.8")).withQueryParam("featureWeight", equalTo("3")));

        // the same query within 15 minutes: the kept answer
        assertThat(recco.recommend(query(List.of("s1", "s2", "s3"), List.of("n1")))).hasSize(2);
        server.verify(exactly(1), recommendations());
    }

    @Test
    void aQueryThatCanNeverSucceedIsNotSent() {
        assertThatThrownBy(() -> recco.recommend(query(List.of(), List.of()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 to 5 seeds");
        assertThatThrownBy(() -> recco.recommend(query(List.of("a", "b", "c", "d", "e", "f"), List.of())))
                .isInstanceOf(InvalidRequestException.class);
        // too many negatives are trimmed before sending, not sent to collect a 400
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(json(recommended("r1"))));
        RecommendationGuard.Outcome<List<RemoteTrack>> o = recco.recommendWithSteps(query(List.of("s1", "s2", "s3"), List.of("n1", "n2", "s1")));
        assertThat(o.sent().negativeSeeds()).containsExactly("n1");
        server.verify(exactly(1), recommendations());
        server.verify(exactly(1), recommendations().withQueryParam("negativeSeeds", equalTo("n1")));
    }

    @Test
    void aRatioErrorDropsTheNegativesAndTheRejectedCombinationIsNotSentAgain() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).atPriority(5).willReturn(json(recommended("r1"))));
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).atPriority(1).withQueryParam("negativeSeeds", matching(".+"))
                .willReturn(badRequest("negativeSeeds must be fewer than half of seeds")));
        RecommendationGuard.Outcome<List<RemoteTrack>> o = recco.recommendWithSteps(query(FIVE, List.of("n1", "n2")));
        assertThat(o.sent().negativeSeeds()).isEmpty();
        assertThat(o.sent().seeds()).isEqualTo(FIVE);
        assertThat(o.answer()).extracting(RemoteTrack::id).containsExactly("r1");
        assertThat(o.steps()).anySatisfy(s -> assertThat(s).contains("5 seeds, 2 negatives rejected (400", "fewer than half"));
        server.verify(exactly(2), recommendations()); // the 400 itself was not retried
        assertThat(cache.get(RemoteCache.Kind.DENIED, "s1,s2,s3,s4,s5|-n1,n2")).isPresent();

        // the same request again: the denied combination is skipped, the fallback's answer is kept: no call at all
        RecommendationGuard.Outcome<List<RemoteTrack>> again = recco.recommendWithSteps(query(FIVE, List.of("n1", "n2")));
        assertThat(again.steps()).anySatisfy(s -> assertThat(s).contains("skipped 5 seeds, 2 negatives", "within the last 24 h"));
        server.verify(exactly(2), recommendations());

        // another instance sharing the deny list (not the answers): only the fallback is sent
        ReccoBeatsProvider other = provider(options(), new LocalRemoteCache(100), cache);
        assertThat(other.recommend(query(FIVE, List.of("n1", "n2")))).hasSize(1);
        server.verify(exactly(3), recommendations());
        server.verify(exactly(1), recommendations().withQueryParam("negativeSeeds", equalTo("n1,n2")));

        // 24 hours later the combination may be tried again
        clock.now = clock.now.plus(Duration.ofHours(24));
        provider(options(), new LocalRemoteCache(100), cache).recommend(query(FIVE, List.of("n1", "n2")));
        server.verify(exactly(2), recommendations().withQueryParam("negativeSeeds", equalTo("n1,n2")));
    }

    @Test
    void theLadderGoesOnToThreeSeedsWhenTheRejectionIsNotAboutNegatives() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).atPriority(5).willReturn(json(recommended("r1"))));
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).atPriority(1).withQueryParam("seeds", containing("s5"))
                .willReturn(badRequest("Seed s5 is not a valid track")));
        RecommendationGuard.Outcome<List<RemoteTrack>> o = recco.recommendWithSteps(query(FIVE, List.of("n1", "n2")));
        assertThat(o.sent().seeds()).containsExactly("s1", "s2", "s3");
        assertThat(o.sent().negativeSeeds()).containsExactly("n1");
        // 5/2 rejected, (drop negatives: not a ratio error, skipped), 5/1 rejected, 3/1 answered
        server.verify(exactly(3), recommendations());
        server.verify(exactly(1), recommendations().withQueryParam("seeds", equalTo("s1,s2,s3")).withQueryParam("negativeSeeds", equalTo("n1")));
    }

    @Test
    void whenEveryStepIsRejectedTheCallerIsToldAndNothingIsSentAgain() {
        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(badRequest("Invalid seeds")));
        assertThatThrownBy(() -> recco.recommend(query(FIVE, List.of("n1", "n2")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("rejected every fallback");
        server.verify(exactly(4), recommendations()); // 5/2, 5/1, 3/1, 3/0
        assertThatThrownBy(() -> recco.recommend(query(FIVE, List.of("n1", "n2")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("within the last 24 h");
        server.verify(exactly(4), recommendations());
    }

    // --- the naive path ---

    @Test
    void theNaivePathAsksOneIdPerCallAndKeepsNothing() {
        ReccoBeatsProvider naive = provider(options().naive());
        for (String id : List.of("t1", "t2", "t7")) {
            batch("/v1/track", List.of(id), WireFormats::reccoTrack);
        }
        assertThat(naive.tracks(List.of("t1", "t2", "t7", "t1"))).containsOnlyKeys("t1", "t2");
        server.verify(exactly(3), tracks());
        naive.tracks(List.of("t1", "t2", "t7"));
        server.verify(exactly(6), tracks());

        server.stubFor(get(urlPathEqualTo("/v1/track/recommendation")).willReturn(json(recommended("r1"))));
        naive.recommend(query(List.of("s1"), List.of()));
        naive.recommend(query(List.of("s1"), List.of()));
        server.verify(exactly(2), recommendations());
    }
}
