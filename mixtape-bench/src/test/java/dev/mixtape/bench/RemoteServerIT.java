package dev.mixtape.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.server.Engine;
import dev.mixtape.connectors.provider.ProviderConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server with {@code provider=spotify+reccobeats} pointed at {@link RemoteStub}: playlists from the remote catalog
 * (and from the caches the second time), the provider endpoint, prefetch (202, 5 per minute, 404 for an unknown
 * listener), a listener's Spotify token as seeds and a rejected one, and a provider that cannot be reached.
 */
class RemoteServerIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Engine engine;
    static RemoteStub stub;
    static MixtapeApp app;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.of(BenchData.loadCatalog(BenchData.catalogFile(null)));
        stub = new RemoteStub(engine, 1, 5, 10_000, 30);
        app = start(stub.spotifyUri(), stub.reccobeatsUri());
    }

    static MixtapeApp start(URI spotify, URI reccobeats) throws Exception {
        Path home = Files.createTempDirectory("mixtape-remote-it");
        ProviderConfig providers = new ProviderConfig("spotify+reccobeats", spotify, spotify, "id", "secret", false, reccobeats,
                Duration.ofSeconds(2), 50, 16, 8, Duration.ofSeconds(20));
        MixtapeConfig cfg = new MixtapeConfig(0, home, home.resolve("no-data"), home.resolve("no-data/missing.csv.gz"),
                "jdbc:h2:mem:" + home.getFileName() + ";DB_CLOSE_DELAY=-1", "", "", List.of(), 3, 1000, null, null, providers);
        MixtapeApp a = MixtapeApp.start(cfg);
        a.engines().set(engine);
        return a;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    static HttpResponse<String> call(MixtapeApp a, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void playlistsComeFromTheRemoteCatalogAndTheSecondFromTheCaches() throws Exception {
        stub.resetCounts();
        HttpResponse<String> r = call(app, "POST", "/api/v1/playlists", "{\"prompt\":\"calm acoustic morning coffee\",\"length\":20}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("tracks")).hasSize(20);
        assertThat(body.path("remote").path("provider").asText()).isEqualTo("spotify+reccobeats");
        assertThat(body.path("remote").path("candidates").asInt()).isGreaterThanOrEqualTo(20);
        for (JsonNode t : body.get("tracks")) {
            assertThat(engine.catalog().indexOf(t.get("id").asText())).as("a real Spotify id from the stub").isNotNegative();
        }
        int cold = stub.calls();
        assertThat(cold).isBetween(3, 25);
        String metrics = call(app, "GET", "/metrics", null).body();
        assertThat(metrics).as("timing per remote endpoint").contains("mixtape_remote_requests_seconds_count{")
                .contains("endpoint=\"GET /v1/track/recommendation\"").contains("endpoint=\"GET /v1/tracks\"");

        stub.resetCounts();
        HttpResponse<String> again = call(app, "POST", "/api/v1/playlists", "{\"prompt\":\"calm acoustic morning coffee\",\"length\":20}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("tracks")).hasSize(20);
        assertThat(stub.calls()).as("everything came from the caches").isZero();
    }

    @Test
    void theProviderEndpointSaysWhatItCanDo() throws Exception {
        JsonNode p = JSON.readTree(call(app, "GET", "/api/v1/provider", null).body());
        assertThat(p.get("provider").asText()).isEqualTo("spotify+reccobeats");
        assertThat(p.get("remote").asBoolean()).isTrue();
        assertThat(p.get("capabilities").toString()).contains("recommend", "user_top", "audio_features", "search_tracks");
    }

    @Test
    void aListenersSpotifyTokenSeedsThePlaylistAndARejectedOneIsA400() throws Exception {
        HttpResponse<String> r = call(app, "POST", "/api/v1/playlists", "{\"prompt\":\"party\",\"length\":10}", "X-Spotify-User-Token", "user-42");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("tracks")).hasSize(10);

        HttpResponse<String> bad = call(app, "POST", "/api/v1/playlists", "{\"prompt\":\"party\",\"length\":10}", "X-Spotify-User-Token", "expired");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Spotify rejected the user's access token");
    }

    @Test
    void prefetchWarmsInTheBackgroundFivePerMinute() throws Exception {
        assertThat(call(app, "POST", "/api/v1/users", "{\"id\":\"prefetcher\"}").statusCode()).isIn(200, 201);
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 3; i++) {
            events.append(i == 0 ? "" : ",").append("{\"user_id\":\"prefetcher\",\"track_id\":\"").append(engine.catalog().trackId(1000 + i))
                    .append("\",\"type\":\"play\",\"timestamp\":\"2026-11-20T10:0").append(i).append(":00Z\",\"ms_played\":200000}");
        }
        assertThat(call(app, "POST", "/api/v1/events", events + "]}").statusCode()).isEqualTo(200);

        stub.resetCounts();
        HttpResponse<String> first = call(app, "POST", "/api/v1/users/prefetcher/prefetch", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(JSON.readTree(first.body()).get("warming").toString()).contains("history tracks (3)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (JSON.readTree(call(app, "GET", "/api/v1/provider", null).body()).get("prefetching").asInt() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(stub.calls()).as("details, artists and features of the history, one batch each").isBetween(2, 4);

        for (int i = 0; i < 4; i++) {
            assertThat(call(app, "POST", "/api/v1/users/prefetcher/prefetch", null).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> sixth = call(app, "POST", "/api/v1/users/prefetcher/prefetch", null);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("5 per minute");

        assertThat(call(app, "POST", "/api/v1/users/nobody-here/prefetch", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnreachableProviderIsA502NamingIt() throws Exception {
        URI closed = URI.create("http://127.0.0.1:9"); // discard port: nothing listens
        MixtapeApp down = start(closed, closed);
        try {
            HttpResponse<String> r = call(down, "POST", "/api/v1/playlists", "{\"prompt\":\"sad rainy evening\",\"length\":10}");
            assertThat(r.statusCode()).as(r.body()).isIn(502, 503, 504);
            assertThat(r.body()).contains("remote provider");
        } finally {
            down.close();
        }
    }
}
