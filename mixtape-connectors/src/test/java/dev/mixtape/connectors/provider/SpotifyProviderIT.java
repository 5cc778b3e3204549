package dev.mixtape.connectors.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mixtape.connectors.provider.WireFormats.features;
import static dev.mixtape.connectors.provider.WireFormats.ids;
import static dev.mixtape.connectors.provider.WireFormats.spotifyArtist;
import static dev.mixtape.connectors.provider.WireFormats.spotifyBatch;
import static dev.mixtape.connectors.provider.WireFormats.spotifyError;
import static dev.mixtape.connectors.provider.WireFormats.spotifyTrack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mixtape.connectors.ManualClock;
import dev.mixtape.connectors.http.AbsentIds;
import dev.mixtape.connectors.http.LocalRemoteCache;
import dev.mixtape.connectors.http.Lookup;
import dev.mixtape.connectors.http.MalformedAnswerException;
import dev.mixtape.connectors.http.RemoteOptions;
import dev.mixtape.connectors.http.Resilience;
import dev.mixtape.connectors.spotify.SpotifyTokens;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.InvalidRequestException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SpotifyProvider} against a local stub of Spotify's accounts service and Web API, in their wire formats: the
 * client-credentials token (Basic auth, form body, {@code expires_in}), {@code {tracks:[…|null]}},
 * {@code {artists:[…]}}, {@code {audio_features:[…|null]}}, search, top tracks, related artists, the user's top lists and
 * Spotify's error object. Each case counts the calls the stub received, not only the answer.
 */
class SpotifyProviderIT {
    static final String BASIC = "Basic aWQ6c2VjcmV0"; // id:secret
    static final RequestPatternBuilder TOKEN_CALLS = postRequestedFor(urlPathEqualTo("/api/token"));

    WireMockServer server;
    URI base;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));
    SpotifyTokens tokens;
    LocalRemoteCache cache;
    SpotifyProvider spotify;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        server.stubFor(post(urlPathEqualTo("/api/token")).withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials")).willReturn(token("tok")));
        spotify = provider(options());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static RemoteOptions options() {
        return RemoteOptions.defaults(Duration.ofSeconds(5)).withRetries(3, Duration.ofMillis(20)).withRate(100);
    }

    SpotifyProvider provider(RemoteOptions options) {
        tokens = new SpotifyTokens(base, "id", "secret", HttpClient.newHttpClient(), clock);
        cache = new LocalRemoteCache(10_000);
        return new SpotifyProvider(base, tokens, true, options, cache, new AbsentIds(10_000, 0.001, Duration.ofHours(1)));
    }

    static ResponseDefinitionBuilder token(String token) {
        return json("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(spotifyError(status, message));
    }

    /** Stubs {@code /v1/tracks} for exactly this batch of ids; ids ending in 7 are unknown (null). */
    void tracksBatch(List<String> batch) {
        server.stubFor(get(urlPathEqualTo("/v1/tracks")).withQueryParam("ids", equalTo(String.join(",", batch)))
                .willReturn(json(spotifyBatch("tracks", batch, id -> id.endsWith("7"), WireFormats::spotifyTrack))));
    }

    int calls(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    /** A scenario: {@code first} answers {@code n} times, then {@code then} for good ({@code stub} makes a fresh mapping each time). */
    void sequence(java.util.function.Supplier<MappingBuilder> stub, String name, int n, ResponseDefinitionBuilder first,
                  ResponseDefinitionBuilder then) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= n; i++) {
            String next = "after " + i;
            server.stubFor(stub.get().inScenario(name).whenScenarioStateIs(state).willReturn(first).willSetStateTo(next));
            state = next;
        }
        server.stubFor(stub.get().inScenario(name).whenScenarioStateIs(state).willReturn(then));
    }

    static MappingBuilder getTracks() {
        return get(urlPathEqualTo("/v1/tracks"));
    }

    // --- batches, unknown ids, negative cache ---

    @Test
    void tracksGoInBatchesOfFiftyUnknownIdsAreLeftOutAndNotAskedAgain() {
        List<String> ids = ids("t", 120);
        tracksBatch(ids.subList(0, 50));
        tracksBatch(ids.subList(50, 100));
        tracksBatch(ids.subList(100, 120));

        Map<String, RemoteTrack> got = spotify.tracks(ids);
        assertThat(got).hasSize(120 - 12).doesNotContainKeys("t7", "t17", "t117");
        assertThat(got.get("t3")).satisfies(t -> {
            assertThat(t.name()).isEqualTo("Song t3");
            assertThat(t.artists()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("ar-t3"));
            assertThat(t.album().id()).isEqualTo("al-t3");
            assertThat(t.durationMs()).isEqualTo(201000);
            assertThat(t.popularity()).isEqualTo(61);
        });
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/tracks")).withHeader("Authorization", equalTo("Bearer tok")));
        server.verify(exactly(1), TOKEN_CALLS);

        // everything again, found and unknown: from the caches, no call
        assertThat(spotify.tracks(ids)).isEqualTo(got);
        assertThat(spotify.tracks(List.of("t7", "t17"))).isEmpty();
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/tracks")));
    }

    @Test
    void artistsAndAudioFeaturesInTheirOwnBatchSizes() {
        List<String> artistIds = ids("a", 60);
        server.stubFor(get(urlPathEqualTo("/v1/artists")).withQueryParam("ids", equalTo(String.join(",", artistIds.subList(0, 50))))
                .willReturn(json(spotifyBatch("artists", artistIds.subList(0, 50), id -> false, WireFormats::spotifyArtist))));
        server.stubFor(get(urlPathEqualTo("/v1/artists")).withQueryParam("ids", equalTo(String.join(",", artistIds.subList(50, 60))))
                .willReturn(json(spotifyBatch("artists", artistIds.subList(50, 60), id -> false, WireFormats::spotifyArtist))));
        Map<String, RemoteArtist> artists = spotify.artists(artistIds);
        assertThat(artists).hasSize(60);
        assertThat(artists.get("a59").genres()).containsExactly("indie", "dream pop");
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/artists")));

        List<String> trackIds = ids("f", 150);
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).withQueryParam("ids", equalTo(String.join(",", trackIds.subList(0, 100))))
                .willReturn(json(spotifyBatch("audio_features", trackIds.subList(0, 100), id -> id.equals("f5"), id -> features(id, true)))));
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).withQueryParam("ids", equalTo(String.join(",", trackIds.subList(100, 150))))
                .willReturn(json(spotifyBatch("audio_features", trackIds.subList(100, 150), id -> false, id -> features(id, true)))));
        Map<String, AudioFeatures> features = spotify.audioFeatures(trackIds);
        assertThat(features).hasSize(149).doesNotContainKey("f5");
        assertThat(features.get("f0").tempo()).isEqualTo(121.0);
        assertThat(features.get("f0").timeSignature()).isEqualTo(3);
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/audio-features")));
        server.verify(exactly(1), TOKEN_CALLS);
    }

    @Test
    void audioFeaturesAreRefusedWithoutACallWhenTheAccountHasNone() {
        SpotifyProvider without = new SpotifyProvider(base, tokens, false, options(), cache, new AbsentIds(100, 0.01, Duration.ofHours(1)));
        assertThat(without.can(MusicProvider.Capability.AUDIO_FEATURES)).isFalse();
        assertThatThrownBy(() -> without.audioFeatures(List.of("f1"))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("audio features");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTrackObjectThatCannotBeReadIsLeftOut() {
        // a local file in a playlist: no artist ids
        server.stubFor(getTracks().willReturn(json("{\"tracks\":[" + spotifyTrack("t1")
                + ",{\"id\":\"t2\",\"name\":\"Local\",\"artists\":[{\"id\":null,\"name\":\"Someone\"}]}]}")));
        Map<String, RemoteTrack> got = spotify.tracks(List.of("t1", "t2"));
        assertThat(got).containsOnlyKeys("t1");
        assertThat(got.values()).doesNotContainNull();
    }

    // --- tokens ---

    @Test
    void anExpiredTokenIsFetchedAgainOnceMidRun() {
        tracksBatch(List.of("t1"));
        tracksBatch(List.of("t2"));
        tracksBatch(List.of("t3"));
        spotify.tracks(List.of("t1"));
        spotify.tracks(List.of("t2"));
        server.verify(exactly(1), TOKEN_CALLS);
        // 59 min later the token is within a minute of its end: one new fetch, then it is kept
        clock.now = clock.now.plus(Duration.ofMinutes(59)).plusSeconds(1);
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(token("tok2")));
        spotify.tracks(List.of("t3"));
        server.verify(exactly(2), TOKEN_CALLS);
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/tracks")).withHeader("Authorization", equalTo("Bearer tok2")));
        assertThat(tokens.fetches()).isEqualTo(2);
    }

    @Test
    void a401FetchesOneNewTokenAndSendsTheRequestOnceMore() {
        server.stubFor(post(urlPathEqualTo("/api/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(token("old")).willSetStateTo("renewed"));
        server.stubFor(post(urlPathEqualTo("/api/token")).inScenario("tokens").whenScenarioStateIs("renewed").willReturn(token("new")));
        server.stubFor(get(urlPathEqualTo("/v1/artists")).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(error(401, "The access token expired")));
        server.stubFor(get(urlPathEqualTo("/v1/artists")).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(json(spotifyBatch("artists", List.of("a1"), id -> false, WireFormats::spotifyArtist))));
        assertThat(spotify.artists(List.of("a1"))).containsOnlyKeys("a1");
        server.verify(exactly(2), TOKEN_CALLS);
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/artists")).withHeader("Authorization", equalTo("Bearer old")));
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/artists")).withHeader("Authorization", equalTo("Bearer new")));
    }

    @Test
    void a401ForTheNewTokenTooIsReportedWithoutALoop() {
        server.stubFor(getTracks().willReturn(error(401, "Invalid access token")));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> spotify.tracks(List.of("t1")));
        assertThat(e.reason()).isInstanceOfSatisfying(Resilience.HttpStatusException.class, h -> {
            assertThat(h.status()).isEqualTo(401);
            assertThat(h).hasMessage("GET /v1/tracks answered 401: Invalid access token");
        });
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/tracks")));
        server.verify(exactly(2), TOKEN_CALLS);
    }

    @Test
    void aRefusedTokenRequestIsReportedWithoutAnApiCall() {
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}")));
        assertThatThrownBy(() -> spotify.searchTracks("x", 5)).isInstanceOf(Resilience.HttpStatusException.class)
                .hasMessageContaining("check the client id and secret");
        assertThat(calls(getRequestedFor(anyUrl()))).isZero();
        server.verify(exactly(1), TOKEN_CALLS);
    }

    // --- 429, 5xx, timeouts, malformed answers ---

    @Test
    void a429StormIsWaitedOutAsRetryAfterSays() {
        SpotifyProvider patient = provider(options().withRetries(4, Duration.ofMillis(20)));
        sequence(SpotifyProviderIT::getTracks, "storm", 3, error(429, "API rate limit exceeded").withHeader("Retry-After", "1"),
                json(spotifyBatch("tracks", List.of("t1"), id -> false, WireFormats::spotifyTrack)));
        assertThat(patient.tracks(List.of("t1"))).containsOnlyKeys("t1");
        server.verify(exactly(4), getRequestedFor(urlPathEqualTo("/v1/tracks")));
        // each call came after the Retry-After of the one before it
        List<LoggedRequest> sent = server.findAll(getRequestedFor(urlPathEqualTo("/v1/tracks")));
        for (int i = 1; i < sent.size(); i++) {
            long gap = sent.get(i).getLoggedDate().getTime() - sent.get(i - 1).getLoggedDate().getTime();
            assertThat(gap).as("ms between call %d and %d", i, i + 1).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void a429ThatOutlastsTheAttemptsIsReportedWithSpotifysMessage() {
        server.stubFor(getTracks().willReturn(error(429, "API rate limit exceeded").withHeader("Retry-After", "0")));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> spotify.tracks(List.of("t1")));
        assertThat(e.reason()).isInstanceOf(Resilience.HttpStatusException.class).hasMessageEndingWith("429: API rate limit exceeded");
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/tracks")));
    }

    @Test
    void aBurstOf5xxIsRetriedThrough() {
        sequence(() -> get(urlPathEqualTo("/v1/artists/a1/top-tracks")), "burst", 2, error(503, "Service unavailable"),
                json("{\"tracks\":[" + spotifyTrack("t1") + "," + spotifyTrack("t2") + "]}"));
        assertThat(spotify.artistTopTracks("a1")).extracting(RemoteTrack::id).containsExactly("t1", "t2");
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/artists/a1/top-tracks")).withQueryParam("market", equalTo("US")));
    }

    @Test
    void aLasting5xxIsReportedAfterTheLastAttempt() {
        server.stubFor(get(urlPathEqualTo("/v1/search")).willReturn(error(502, "Bad gateway")));
        Resilience.HttpStatusException e = catchThrowableOfType(Resilience.HttpStatusException.class, () -> spotify.searchTracks("x", 5));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e).hasMessage("GET /v1/search answered 502: Bad gateway");
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/search")));
    }

    @Test
    void aReadTimeoutIsRetriedThenReported() {
        SpotifyProvider impatient = provider(RemoteOptions.defaults(Duration.ofMillis(250)).withRetries(2, Duration.ofMillis(20)));
        server.stubFor(get(urlPathEqualTo("/v1/artists/a1/related-artists")).willReturn(json("{\"artists\":[]}").withFixedDelay(1_500)));
        Resilience.TransportException e = catchThrowableOfType(Resilience.TransportException.class, () -> impatient.relatedArtists("a1"));
        assertThat(e.timeout()).isTrue();
        assertThat(e).hasMessageContaining("GET /v1/artists/{id}/related-artists");
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/artists/a1/related-artists")));
    }

    @Test
    void aSlowAnswerThenAQuickOneCostsTwoCalls() {
        SpotifyProvider impatient = provider(RemoteOptions.defaults(Duration.ofMillis(250)).withRetries(3, Duration.ofMillis(20)));
        sequence(() -> get(urlPathEqualTo("/v1/artists/a1/related-artists")), "slow", 1,
                json("{\"artists\":[]}").withFixedDelay(1_500), json("{\"artists\":[" + spotifyArtist("a2") + "]}"));
        assertThat(impatient.relatedArtists("a1")).extracting(RemoteArtist::id).containsExactly("a2");
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/artists/a1/related-artists")));
    }

    @Test
    void malformedJsonIsOneCallAndAClearError() {
        server.stubFor(get(urlPathEqualTo("/v1/search")).willReturn(json("{\"tracks\":{\"items\":[")));
        assertThatThrownBy(() -> spotify.searchTracks("x", 5)).isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("GET /v1/search answered 200 with malformed JSON");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/search")));

        server.stubFor(getTracks().willReturn(json("<html>maintenance</html>")));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> spotify.tracks(List.of("t1")));
        assertThat(e.reason()).isInstanceOf(MalformedAnswerException.class).hasMessageContaining("GET /v1/tracks answered 200 with malformed JSON");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/tracks")));
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.stubFor(getTracks().willReturn(error(400, "invalid id")));
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> spotify.tracks(List.of("bad")));
        assertThat(e.reason()).hasMessage("GET /v1/tracks answered 400: invalid id");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/tracks")));
    }

    // --- single calls: search, top tracks, related artists; cache hits ---

    @Test
    void searchReadsItemsAndIsCached() {
        server.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("type", equalTo("track"))
                .willReturn(json("{\"tracks\":{\"href\":\"…\",\"items\":[" + spotifyTrack("t1") + "," + spotifyTrack("t2") + "],\"total\":2}}")));
        server.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("type", equalTo("artist"))
                .willReturn(json("{\"artists\":{\"items\":[" + spotifyArtist("a1") + "]}}")));
        assertThat(spotify.searchTracks("dream pop", 5)).extracting(RemoteTrack::id).containsExactly("t1", "t2");
        assertThat(spotify.searchTracks("dream pop", 5)).hasSize(2);
        assertThat(spotify.searchArtists("dream pop", 80)).extracting(RemoteArtist::id).containsExactly("a1");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/search")).withQueryParam("type", equalTo("track"))
                .withQueryParam("q", equalTo("dream pop")).withQueryParam("limit", equalTo("5")));
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/search")).withQueryParam("type", equalTo("artist"))
                .withQueryParam("limit", equalTo("50")));
    }

    @Test
    void aCacheHitMakesNoCallAndDoesNotWaitOnTheRateLimiter() {
        // no retries: the 429 below is handed back at once, leaving the host paused for 30 s
        SpotifyProvider once = provider(options().withRetries(1, Duration.ofMillis(20)));
        tracksBatch(List.of("t1", "t2", "t7"));
        server.stubFor(get(urlPathEqualTo("/v1/artists/a1/top-tracks")).willReturn(json("{\"tracks\":[" + spotifyTrack("t9") + "]}")));
        Map<String, RemoteTrack> first = once.tracks(List.of("t1", "t2", "t7"));
        once.artistTopTracks("a1");
        server.stubFor(get(urlPathEqualTo("/v1/search")).willReturn(error(429, "API rate limit exceeded").withHeader("Retry-After", "30")));
        assertThatThrownBy(() -> once.searchTracks("x", 5)).isInstanceOf(Resilience.HttpStatusException.class);
        int before = server.getAllServeEvents().size();

        // a call through the limiter would wait 30 s now; the cache answers at once
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(once.tracks(List.of("t1", "t2", "t7"))).isEqualTo(first);
            assertThat(once.artistTopTracks("a1")).extracting(RemoteTrack::id).containsExactly("t9");
        });
        assertThat(server.getAllServeEvents()).hasSize(before);
    }

    // --- the user's own top lists ---

    @Test
    void userTopTracksUseTheUsersTokenAndNoAppToken() {
        server.stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).withHeader("Authorization", equalTo("Bearer user-token"))
                .willReturn(json("{\"items\":[" + spotifyTrack("t1") + "],\"total\":1,\"limit\":20}")));
        server.stubFor(get(urlPathEqualTo("/v1/me/top/artists")).withHeader("Authorization", equalTo("Bearer user-token"))
                .willReturn(json("{\"items\":[" + spotifyArtist("a1") + "]}")));
        assertThat(spotify.userTopTracks("user-token", 20)).extracting(RemoteTrack::id).containsExactly("t1");
        assertThat(spotify.userTopTracks("user-token", 20)).hasSize(1);
        assertThat(spotify.userTopArtists("user-token", 20)).extracting(RemoteArtist::id).containsExactly("a1");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/me/top/tracks")).withQueryParam("time_range", equalTo("medium_term"))
                .withQueryParam("limit", equalTo("20")));
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/me/top/artists")));
        server.verify(exactly(0), TOKEN_CALLS);
    }

    @Test
    void anotherUsersTopTracksAreNotTheCachedOnes() {
        server.stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).withHeader("Authorization", equalTo("Bearer ann"))
                .willReturn(json("{\"items\":[" + spotifyTrack("t1") + "]}")));
        server.stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).withHeader("Authorization", equalTo("Bearer bob"))
                .willReturn(json("{\"items\":[" + spotifyTrack("t2") + "]}")));
        assertThat(spotify.userTopTracks("ann", 10)).extracting(RemoteTrack::id).containsExactly("t1");
        assertThat(spotify.userTopTracks("bob", 10)).extracting(RemoteTrack::id).containsExactly("t2");
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/me/top/tracks")));
    }

    @Test
    void aRejectedUserTokenIsAClearInvalidRequestAfterOneCall() {
        server.stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).willReturn(error(401, "The access token expired")));
        assertThatThrownBy(() -> spotify.userTopTracks("stale", 20)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("rejected the user's access token").hasMessageContaining("The access token expired")
                .hasMessageNotContaining("stale");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/me/top/tracks")));
        server.verify(exactly(0), TOKEN_CALLS);

        server.stubFor(get(urlPathEqualTo("/v1/me/top/artists")).willReturn(error(403, "Insufficient client scope")));
        assertThatThrownBy(() -> spotify.userTopArtists("narrow", 20)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("user-top-read");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/me/top/artists")));

        assertThatThrownBy(() -> spotify.userTopTracks(" ", 20)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("needs the user's Spotify access token");
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/me/top/tracks")));
    }

    // --- the naive path ---

    @Test
    void theNaivePathAsksOneIdPerCallAndKeepsNothing() {
        SpotifyProvider naive = provider(options().naive());
        List<String> ids = List.of("t1", "t2", "t3", "t7", "t2");
        ids.stream().distinct().forEach(id -> tracksBatch(List.of(id)));
        assertThat(naive.tracks(ids)).containsOnlyKeys("t1", "t2", "t3");
        server.verify(exactly(4), getRequestedFor(urlPathEqualTo("/v1/tracks")));
        naive.tracks(ids);
        server.verify(exactly(8), getRequestedFor(urlPathEqualTo("/v1/tracks")));
        server.verify(exactly(1), TOKEN_CALLS);
    }
}
