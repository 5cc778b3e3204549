package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.MixtapeException;
import dev.mixtape.core.Track;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's behaviour around the catalog: readiness, API keys, 503 before loading, error shapes. */
class ServerBehaviourIT {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    MixtapeApp app;
    Path home;

    @BeforeEach
    void start() throws Exception {
        home = Files.createTempDirectory("mixtape-server-it");
        MixtapeConfig cfg = new MixtapeConfig(0, home, home.resolve("no-data"), home.resolve("no-data/missing.csv.gz"),
                "jdbc:h2:mem:" + home.getFileName() + ";DB_CLOSE_DELAY=-1", "", "", List.of("secret-1", "secret-2"), 3, 1000, null, null);
        app = MixtapeApp.start(cfg);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        dev.mixtape.app.TestHttp.conforms("GET", path, response);
        return response;
    }

    static JsonNode error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error");
    }

    @Test
    void liveAtOnceAndNotReadyWithTheReasonWhenThereIsNoCatalog() throws Exception {
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> app.loadCatalog((p, d, t) -> {}))
                .isInstanceOf(MixtapeException.class).hasMessageContaining("missing.csv.gz");
        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).get("detail").asText()).contains("MIXTAPE_DATA_DIR");
        HttpResponse<String> v1 = get("/v1/recommendations/available-genre-seeds", "secret-1");
        assertThat(v1.statusCode()).isEqualTo(503);
        assertThat(v1.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(error(v1).get("message").asText()).contains("not loaded");
    }

    @Test
    void apiKeysAreRequiredWhenConfigured() throws Exception {
        app.engines().set(Engine.of(tinyCatalog()));
        HttpResponse<String> none = get("/v1/tracks/t1", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).get("message").asText()).isEqualTo("No token provided");
        HttpResponse<String> wrong = get("/v1/tracks/t1", "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong).get("message").asText()).isEqualTo("Invalid access token");
        HttpResponse<String> ok = get("/v1/tracks/t1", "secret-2");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("name").asText()).isEqualTo("Song One");
        assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        app.engines().set(Engine.of(tinyCatalog()));
        HttpResponse<String> malformed = get("/v1/tracks/bad%20id", "secret-1");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(error(malformed).get("message").asText()).contains("invalid track id").contains("bad id");
        HttpResponse<String> unknown = get("/v1/artists/nobody", "secret-1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).get("message").asText()).contains("nobody");
        HttpResponse<String> tooMany = get("/v1/tracks?ids=" + "a,".repeat(51), "secret-1");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(error(tooMany).get("message").asText()).contains("51").contains("50");
        HttpResponse<String> twice = get("/v1/recommendations?seed_genres=pop&limit=3&limit=4", "secret-1");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(error(twice).get("message").asText()).contains("limit is given 2 times");
        HttpResponse<String> recs = get("/v1/recommendations?seed_genres=pop&limit=3", "secret-1");
        assertThat(recs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(recs.body()).get("tracks")).hasSize(2);
        HttpResponse<String> features = get("/v1/audio-features?ids=t1,zz,t2", "secret-1");
        JsonNode list = JSON.readTree(features.body()).get("audio_features");
        assertThat(list.get(0).get("energy").asDouble()).isEqualTo(0.5);
        assertThat(list.get(1).isNull()).isTrue();
        assertThat(list.get(2).get("type").asText()).isEqualTo("audio_features");
    }

    static dev.mixtape.core.Catalog tinyCatalog() {
        AudioFeatures f1 = new AudioFeatures(0.1, 0.6, 0.5, 0, 0.1, 0.05, 0.7, 5, 1, -6, 120, 4);
        AudioFeatures f2 = new AudioFeatures(0.8, 0.4, 0.2, 0.5, 0.1, 0.04, 0.3, 2, 0, -12, 80, 3);
        ArtistRef a = new ArtistRef("a1", "Artist One");
        ArtistRef b = new ArtistRef("a2", "Artist Two");
        return new CatalogBuilder()
                .add(new Track("t1", "Song One", List.of(a), new AlbumRef("al1", "Album"), 200_000, false, 50, Set.of("pop"), f1))
                .add(new Track("t2", "Song Two", List.of(b), new AlbumRef("al2", "Other"), 180_000, true, 70, Set.of("pop", "folk"), f2))
                .build();
    }
}
