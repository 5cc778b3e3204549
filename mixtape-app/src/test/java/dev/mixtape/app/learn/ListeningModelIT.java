package dev.mixtape.app.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.TestHttp;
import dev.mixtape.core.Catalog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listening model in a running server (full catalog, embedded H2, Last.fm imported on first start): training through
 * the API, the models listing, a fresh listener's picks following their events without retraining, and a damaged
 * version refused at load.
 */
class ListeningModelIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;
    static Catalog catalog;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        app.modelsLoaded().join();
        // the first start's training (Last.fm imported, no listeners yet) runs in the background: wait for it
        for (int i = 0; i < 600 && app.engines().get().cf().listening() == null; i++) {
            Thread.sleep(100);
        }
        assertThat(app.engines().get().cf().listening()).as(app.engines().get().cf().listeningStatus()).isNotNull();
        catalog = app.engines().get().catalog();
    }

    JsonNode call(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = TestHttp.call(app, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    JsonNode trained() throws Exception {
        JsonNode job = call("POST", "/api/v1/models/train", "{\"reason\":\"test\"}", 202);
        String href = job.get("href").asText();
        assertThat(href).isEqualTo("/api/v1/models/train/" + job.get("id").asText());
        for (int i = 0; i < 600 && !job.get("state").asText().matches("succeeded|failed"); i++) {
            Thread.sleep(100);
            job = call("GET", href, null, 200);
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    /** The most popular catalog artist of that name (the one Last.fm's listeners are matched to). */
    static int artistNamed(String name) {
        int best = -1;
        for (int a = 0; a < catalog.artistCount(); a++) {
            if (catalog.artistName(a).equals(name) && (best < 0 || catalog.artistPopularity(a) > catalog.artistPopularity(best))) {
                best = a;
            }
        }
        assertThat(best).as("no artist " + name).isNotNegative();
        return best;
    }

    String plays(String user, String... artists) {
        List<String> events = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(3600);
        for (String name : artists) {
            int a = artistNamed(name);
            int[] own = java.util.Arrays.stream(catalog.artistTracks(a)).filter(t -> catalog.trackArtists(t)[0] == a).toArray();
            for (int k = 0; k < Math.min(2, own.length); k++) {
                int t = own[k];
                events.add("{\"user_id\":\"" + user + "\",\"track_id\":\"" + catalog.trackId(t) + "\",\"type\":\"play\",\"timestamp\":\""
                        + (at = at.plusSeconds(60)) + "\",\"ms_played\":200000}");
            }
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    static List<String> pickArtists(JsonNode session) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : session.get("recommendations")) {
            out.add(catalog.artistName(catalog.trackArtists(catalog.indexOf(r.get("track").get("id").asText()))[0]));
        }
        return out;
    }

    @Test
    void trainingThroughTheApiServesANewVersionListedWithItsManifest() throws Exception {
        JsonNode job = trained();
        String version = job.get("version").asText();
        assertThat(version).startsWith("listening-v");
        assertThat(job.get("manifest").get("imported_listeners").asInt()).isGreaterThan(1000);
        JsonNode models = call("GET", "/api/v1/models", null, 200);
        assertThat(models.get("serving").asText()).isEqualTo(version);
        assertThat(models.get("versions").get(0).get("version").asText()).isEqualTo(version);
        assertThat(models.get("versions").get(0).get("serving").asBoolean()).isTrue();
        assertThat(models.get("versions").get(0).get("bytes").asLong()).isPositive();
        assertThat(models.get("versions").get(0).get("manifest").get("validation_recall_at_50").asDouble())
                .isGreaterThan(models.get("versions").get(0).get("manifest").get("validation_popularity_recall_at_50").asDouble());
        // the artist embeddings are refitted on the model that serves, with the imported Last.fm tags
        JsonNode fit = models.get("artist_embeddings").get("fit");
        assertThat(fit.get("source").asText()).as(models.get("artist_embeddings").toString()).isEqualTo(version);
        assertThat(fit.get("learned_artists").asInt()).isGreaterThan(1000);
        assertThat(fit.get("placed_artists").asInt()).isGreaterThan(20_000);
        assertThat(fit.get("tagged_artists").asInt()).isGreaterThan(1000);
        assertThat(fit.get("validation_cosine").asDouble()).isGreaterThan(0.3);
        assertThat(call("GET", "/api/v1/models/train/nope", null, 404).get("error").get("message").asText()).contains("no training job 'nope'");
        assertThat(call("POST", "/api/v1/models/train", "{\"why\":1}", 400).get("error").get("message").asText()).contains("why");
        assertThat(TestHttp.call(app, "GET", "/metrics", null).body()).contains("mixtape_model_trainings_total{result=\"success\"}");
    }

    @Test
    void aFreshListenersNextPicksFollowTheirEventsWithoutRetraining() throws Exception {
        String u = "lm-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 201);
        call("POST", "/api/v1/events", plays(u, "Radiohead", "Portishead", "Massive Attack"), 200);
        JsonNode first = call("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        assertThat(first.get("metadata").get("listening_model").asText())
                .as(first.get("metadata") + " / " + app.engines().get().cf().listeningStatus()).startsWith("listening-v");
        assertThat(first.get("metadata").get("candidates_by_source").get("listeners").asInt()).isPositive();
        List<String> before = pickArtists(first);
        assertThat(first.get("recommendations").toString()).contains("Listeners of ");
        // the very next request after the acknowledged events sees them
        call("POST", "/api/v1/events", plays(u, "Daddy Yankee", "Don Omar", "Wisin & Yandel"), 200);
        JsonNode second = call("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        List<String> after = pickArtists(second);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.stream().filter(a -> !before.contains(a)).count()).isGreaterThan(5);
        JsonNode v2 = call("POST", "/api/v2/recommendations", "{\"user_id\":\"" + u + "\",\"strategy\":\"collaborative\",\"n\":20}", 200);
        assertThat(v2.get("metadata").toString()).doesNotContain("fallback\":[{\"strategy\":\"collaborative");
    }

    @Test
    void aDamagedVersionIsRefusedNamingTheFileAndTheNextOlderOneServes() throws Exception {
        String good = trained().get("version").asText();
        Path dir = app.training().modelsDir();
        String bad = dev.mixtape.algo.learn.ListeningModelFiles.nextName(dir);
        for (String ext : new String[] {".cfmodel", ".artists.tsv", ".properties"}) {
            Files.copy(dir.resolve(good + ext), dir.resolve(bad + ext));
        }
        Path model = dir.resolve(bad + ".cfmodel");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 3] ^= 0x33;
        Files.write(model, bytes);
        try {
            assertThat(app.training().load(app.engines().get())).isEqualTo(good);
            assertThat(app.engines().get().cf().listening().version()).isEqualTo(good);
        } finally {
            for (String ext : new String[] {".cfmodel", ".artists.tsv", ".properties"}) {
                Files.deleteIfExists(dir.resolve(bad + ext));
            }
        }
    }
}
