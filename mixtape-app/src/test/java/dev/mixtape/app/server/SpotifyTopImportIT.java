package dev.mixtape.app.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.config.ListenerConfig;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.connectors.provider.ProviderConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/users/{id}/spotify/top} against a local stub speaking Spotify's Web API wire format (paging objects
 * of full track and artist objects, its {@code {"error": {...}}} bodies), with the server's provider set to Spotify.
 */
class SpotifyTopImportIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static WireMockServer spotify;
    static MixtapeApp app;

    @BeforeAll
    static void start() throws Exception {
        spotify = new WireMockServer(wireMockConfig().dynamicPort());
        spotify.start();
        spotify.stubFor(post(urlPathEqualTo("/api/token")).willReturn(json(200,
                "{\"access_token\":\"app-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        // t1 is in the test catalog, the second track is not; "Artist Two" is in it under another id, "Nobody Here" is not
        spotify.stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).withHeader("Authorization", equalTo("Bearer user-ann"))
                .willReturn(json(200, page("tracks", track("t1", "Song One", "a1", "Artist One") + ","
                        + track("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "0gxyHStUsqpMadRV0Di1Qt", "Rick Astley")))));
        spotify.stubFor(get(urlPathEqualTo("/v1/me/top/artists")).withHeader("Authorization", equalTo("Bearer user-ann"))
                .willReturn(json(200, page("artists", artist("0TnOYISbd1XYRBk9myaseg", "Artist Two") + ","
                        + artist("1vCWHaC5f2uS3yhpwWbIA6", "Nobody Here")))));
        // the refresh-token grant: a good token (rotated on use) and a revoked one
        spotify.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                "grant_type=refresh_token&refresh_token=AQ-bea")).willReturn(json(200, "{\"access_token\":\"user-fresh\",\"token_type\":\"Bearer\","
                + "\"scope\":\"user-top-read\",\"expires_in\":3600,\"refresh_token\":\"AQ-rot-2\"}")));
        spotify.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                "grant_type=refresh_token&refresh_token=AQ-cy")).willReturn(json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
        for (String path : new String[] {"/v1/me/top/tracks", "/v1/me/top/artists"}) {
            spotify.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer user-fresh"))
                    .willReturn(json(200, page(path.substring(path.lastIndexOf('/') + 1), ""))));
        }
        spotify.stubFor(get(urlPathEqualTo("/v1/me/top/tracks")).withHeader("Authorization", equalTo("Bearer user-stale"))
                .willReturn(json(401, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}")));
        Path home = Files.createTempDirectory("mixtape-spotify-top-it");
        URI base = URI.create("http://127.0.0.1:" + spotify.port());
        ProviderConfig provider = new ProviderConfig("spotify", base, base, "client-id", "client-secret", false, base, Duration.ofSeconds(5),
                100, 4, 4, Duration.ofSeconds(5));
        MixtapeConfig cfg = new MixtapeConfig(0, home, home.resolve("no-data"), home.resolve("no-data/missing.csv.gz"),
                "jdbc:h2:mem:top_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "", List.of(), 3, 1000,
                null, new ListenerConfig(null, 100, SessionWeights.DEFAULT), provider);
        app = MixtapeApp.start(cfg);
        app.engines().set(Engine.of(ServerBehaviourIT.tinyCatalog()));
        assertThat(call("POST", "/api/v1/users", "{\"id\":\"ann\"}", null).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        spotify.stop();
    }

    @Test
    void topTracksAndArtistsBecomeHistoryOnceEvenWhenImportedAgain() throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/users/ann/spotify/top", null, "user-ann");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.get("provider").asText()).isEqualTo("spotify");
        assertThat(b.at("/top_tracks/received").asInt()).isEqualTo(2);
        assertThat(b.at("/top_tracks/in_catalog").asInt()).isEqualTo(1);
        assertThat(b.at("/top_tracks/not_in_catalog/0/name").asText()).isEqualTo("Never Gonna Give You Up");
        // the artist is matched by name (the catalog's artist ids are not Spotify's)
        assertThat(b.at("/top_artists/in_catalog").asInt()).isEqualTo(1);
        assertThat(b.at("/top_artists/not_in_catalog/0/name").asText()).isEqualTo("Nobody Here");
        // the first top track: 5 full plays; a top artist: 2 plays of its most popular own track
        assertThat(b.get("events_accepted").asInt()).isEqualTo(7);
        assertThat(b.get("events_already_imported").asInt()).isZero();
        spotify.verify(getRequestedFor(urlPathEqualTo("/v1/me/top/tracks")).withQueryParam("time_range", equalTo("medium_term"))
                .withQueryParam("limit", equalTo("50")));

        JsonNode history = JSON.readTree(call("GET", "/api/v1/users/ann/history", null, null).body());
        assertThat(history.toString()).contains("\"t1\"").contains("\"t2\"");

        // importing again adds nothing that is already there
        JsonNode again = JSON.readTree(call("POST", "/api/v1/users/ann/spotify/top", null, "user-ann").body());
        assertThat(again.get("events_accepted").asInt()).isZero();
        assertThat(again.get("events_already_imported").asInt()).isEqualTo(7);
    }

    @Test
    void aRefusedTokenAMissingTokenAndAnUnknownListenerAreClearErrors() throws Exception {
        assertThat(call("POST", "/api/v1/users", "{\"id\":\"dee\"}", null).statusCode()).isEqualTo(201);
        HttpResponse<String> stale = call("POST", "/api/v1/users/dee/spotify/top", null, "user-stale");
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("rejected the user's access token").contains("The access token expired").doesNotContain("user-stale");

        HttpResponse<String> none = call("POST", "/api/v1/users/dee/spotify/top", null, null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("X-Spotify-User-Token").contains("user-top-read");

        HttpResponse<String> unknown = call("POST", "/api/v1/users/nobody/spotify/top", null, "user-ann");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aLinkedListenerIsImportedAgainWithTheirRefreshTokenUntilSpotifyRefusesIt() throws Exception {
        for (String u : new String[] {"bea", "cy"}) {
            assertThat(call("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", null).statusCode()).isEqualTo(201);
        }
        JsonNode before = JSON.readTree(call("GET", "/api/v1/users/bea/spotify", null, null).body());
        assertThat(before.get("linked").asBoolean()).isFalse();
        assertThat(before.get("refresh_every_hours").asDouble()).isEqualTo(6.0);

        HttpResponse<String> linked = call("POST", "/api/v1/users/bea/spotify/top", "{\"refresh_token\":\"AQ-bea\"}", "user-ann");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        JsonNode link = JSON.readTree(linked.body()).get("link");
        assertThat(link.get("linked").asBoolean()).isTrue();
        assertThat(link.get("state").asText()).isEqualTo("active");
        java.time.Instant next = java.time.Instant.parse(link.get("next_import_at").asText());
        assertThat(next).isBetween(java.time.Instant.now().plus(Duration.ofHours(6)).minusSeconds(60), java.time.Instant.now().plus(Duration.ofHours(6)));
        assertThat(linked.body()).doesNotContain("AQ-bea");
        assertThat(call("POST", "/api/v1/users/cy/spotify/top", "{\"refresh_token\":\"AQ-cy\"}", "user-ann").statusCode()).isEqualTo(200);

        // nothing is due yet; six hours on, both links are: bea's token is traded and her lists imported again, cy's is refused
        SpotifyTopRefresher refresher = app.spotifyTop();
        assertThat(refresher.runDue(java.time.Instant.now())).isZero();
        spotify.resetRequests();
        assertThat(refresher.runDue(next.plusSeconds(60))).isEqualTo(1);
        spotify.verify(postRequestedFor(urlPathEqualTo("/api/token")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("refresh_token=AQ-bea")));
        spotify.verify(getRequestedFor(urlPathEqualTo("/v1/me/top/tracks")).withHeader("Authorization", equalTo("Bearer user-fresh")));
        JsonNode bea = JSON.readTree(call("GET", "/api/v1/users/bea/spotify", null, null).body());
        assertThat(bea.get("state").asText()).isEqualTo("active");
        assertThat(bea.get("last_error").isNull()).isTrue();
        assertThat(java.time.Instant.parse(bea.get("next_import_at").asText())).isAfter(next);
        JsonNode cy = JSON.readTree(call("GET", "/api/v1/users/cy/spotify", null, null).body());
        assertThat(cy.get("state").asText()).isEqualTo("stopped");
        assertThat(cy.get("next_import_at").isNull()).isTrue();
        assertThat(cy.get("last_error").asText()).contains("invalid_grant").contains("Refresh token revoked");

        // the rotated refresh token is the one used next time
        spotify.resetRequests();
        assertThat(refresher.runDue(next.plus(Duration.ofHours(7)))).isZero(); // the rotated token has no stub: a transient failure
        spotify.verify(postRequestedFor(urlPathEqualTo("/api/token")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("refresh_token=AQ-rot-2")));
        assertThat(JSON.readTree(call("GET", "/api/v1/users/bea/spotify", null, null).body()).get("last_error").asText()).startsWith("retrying");

        assertThat(call("DELETE", "/api/v1/users/cy/spotify", null, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/users/cy/spotify", null, null).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(call("GET", "/api/v1/users/cy/spotify", null, null).body()).get("linked").asBoolean()).isFalse();
    }

    @Test
    void aBadBodyIsAClearErrorAndImportsNothing() throws Exception {
        assertThat(call("POST", "/api/v1/users", "{\"id\":\"eve\"}", null).statusCode()).isEqualTo(201);
        HttpResponse<String> wrongType = call("POST", "/api/v1/users/eve/spotify/top", "{\"refresh_token\":5}", "user-ann");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("refresh_token");
        HttpResponse<String> unknown = call("POST", "/api/v1/users/eve/spotify/top", "{\"token\":\"x\"}", "user-ann");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field 'token'");
    }

    static HttpResponse<String> call(String method, String path, String body, String userToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (userToken != null) {
            b.header("X-Spotify-User-Token", userToken);
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        dev.mixtape.app.TestHttp.conforms(method, path, response);
        return response;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** A Spotify paging object, as /v1/me/top/{type} answers. */
    static String page(String type, String items) {
        return "{\"href\":\"https://api.spotify.com/v1/me/top/" + type + "?limit=50&offset=0&time_range=medium_term\",\"items\":[" + items
                + "],\"limit\":50,\"next\":null,\"offset\":0,\"previous\":null,\"total\":2}";
    }

    static String track(String id, String name, String artistId, String artistName) {
        return "{\"album\":{\"album_type\":\"album\",\"id\":\"al-" + id + "\",\"name\":\"Album\",\"type\":\"album\"},\"artists\":[{\"id\":\""
                + artistId + "\",\"name\":\"" + artistName + "\",\"type\":\"artist\",\"uri\":\"spotify:artist:" + artistId + "\"}],"
                + "\"duration_ms\":213573,\"explicit\":false,\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"popularity\":77,"
                + "\"type\":\"track\",\"uri\":\"spotify:track:" + id + "\"}";
    }

    static String artist(String id, String name) {
        return "{\"followers\":{\"href\":null,\"total\":1000},\"genres\":[\"dance pop\"],\"id\":\"" + id + "\",\"name\":\"" + name
                + "\",\"popularity\":70,\"type\":\"artist\",\"uri\":\"spotify:artist:" + id + "\"}";
    }
}
