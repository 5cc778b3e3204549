package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} (Prometheus) and {@code /api/v1/system/profiling} after real requests. */
class MonitoringIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
    }

    @Test
    void requestsStrategiesCachesAndModelsShowInMetricsAndProfiling() throws Exception {
        String track = app.engines().get().catalog().trackId(4242);
        long seed = System.nanoTime();
        assertThat(TestHttp.call(app, "POST", "/api/v2/recommendations", "{\"track_id\":\"" + track + "\",\"strategy\":\"content\",\"seed\":"
                + seed + "}").statusCode()).isEqualTo(200);
        assertThat(TestHttp.call(app, "POST", "/api/v2/recommendations", "{\"track_id\":\"" + track + "\",\"strategy\":\"collaborative\",\"seed\":"
                + seed + "}").statusCode()).isEqualTo(200);
        // a listener without a personality profile: personality cannot serve and hands over (a fallback the metrics count,
        // whichever models are loaded)
        String u = "mon-" + UUID.randomUUID().toString().substring(0, 8);
        TestHttp.call(app, "POST", "/api/v1/users", "{\"id\":\"" + u + "\"}");
        assertThat(TestHttp.call(app, "POST", "/api/v2/recommendations", "{\"user_id\":\"" + u + "\",\"strategy\":\"personality\",\"seed\":"
                + seed + "}").statusCode()).isEqualTo(200);
        assertThat(TestHttp.call(app, "POST", "/api/v2/recommendations", "{\"strategy\":\"magic\"}").statusCode()).isEqualTo(400);
        assertThat(TestHttp.call(app, "POST", "/api/v1/playlists", "{\"prompt\":\"calm acoustic morning\",\"length\":10,\"seed\":"
                + seed + "}").statusCode()).isEqualTo(200);
        assertThat(TestHttp.call(app, "POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}").statusCode()).isEqualTo(200);
        assertThat(TestHttp.call(app, "GET", "/api/v1/no-such-route", null).statusCode()).isEqualTo(404);

        HttpResponse<String> metrics = TestHttp.call(app, "GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String m = metrics.body();
        assertThat(m).contains("http_server_requests_seconds_bucket{").contains("route=\"/api/v2/recommendations\"");
        assertThat(m).contains("mixtape_strategy_seconds_bucket{").contains("strategy=\"content\"");
        assertThat(m).contains("mixtape_strategy_fallbacks_total{kind=\"unavailable\",strategy=\"personality\"}");
        assertThat(m).contains("mixtape_errors_total{route=\"/api/v2/recommendations\",status=\"400\"}");
        // a path no route matched counts under one route label, not Javalin's sentence
        assertThat(m).contains("route=\"unmatched\"").doesNotContain("No handler matched");
        assertThat(m).contains("mixtape_cache_hit_ratio{cache=\"recommendations\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(TestHttp.call(app, "GET", "/metrics", null).body()).contains("mixtape_model_info{catalog_version="));

        JsonNode profiling = JSON.readTree(TestHttp.call(app, "GET", "/api/v1/system/profiling", null).body());
        JsonNode phases = profiling.get("phases");
        assertThat(phases.has("playlist.seeds")).isTrue();
        assertThat(phases.get("playlist.total").get("count").asLong()).isPositive();
        assertThat(phases.get("playlist.total").get("recent")).isNotEmpty();
        assertThat(phases.has("session.compute")).isTrue();
        assertThat(phases.get("v2.content").get("p99_ms").asDouble()).isPositive();
    }

    @Test
    void systemNamesEveryDatasetWithItsLicenceTheModelsAndTheScenes() throws Exception {
        HttpResponse<String> r = TestHttp.call(app, "GET", "/api/v1/system", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("catalog").asText()).contains("tracks");
        JsonNode lastFm = null;
        for (JsonNode d : body.get("datasets")) {
            assertThat(d.get("licence").asText()).isNotBlank();
            assertThat(d.get("present").asBoolean()).as(d.get("name").asText()).isTrue();
            if (d.get("name").asText().equals("lastfm-hetrec2011-2k")) {
                lastFm = d;
            }
        }
        assertThat(lastFm).isNotNull();
        assertThat(lastFm.get("licence").asText()).contains("non-commercial");
        assertThat(body.get("models").get("artist_neighbours").asText()).isNotBlank();
        assertThat(body.get("models").get("artist_embeddings").asText()).startsWith("artist embeddings");
        JsonNode kpop = body.get("scenes").get("K-pop");
        assertThat(kpop.get("artists").asInt()).isPositive();
        assertThat(kpop.get("genres").get(0).asText()).isEqualTo("k-pop");
    }
}
