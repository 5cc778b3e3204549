package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.config.ListenerConfig;
import dev.mixtape.app.config.MixtapeConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What happens around the dependencies: two instances sharing a database (an H2 TCP server here) and the
 * real Redis (cached picks shared, invalidated across instances), a configured Redis that is down at start,
 * and a database that goes away while the server runs.
 */
class DependenciesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REDIS = System.getProperty("mixtape.it.redis.url", "redis://127.0.0.1:6379");
    final HttpClient http = HttpClient.newHttpClient();
    Server h2;
    String dbUrl;
    Path home;

    @BeforeEach
    void startDatabase() throws Exception {
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        dbUrl = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:deps_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1";
        home = Files.createTempDirectory("mixtape-deps-it");
    }

    @AfterEach
    void stopDatabase() {
        h2.stop();
    }

    MixtapeApp start(String redisUrl) throws Exception {
        MixtapeConfig cfg = new MixtapeConfig(0, home, home.resolve("no-data"), home.resolve("no-data/missing.csv.gz"), dbUrl, "sa", "",
                List.of(), 3, 1000, null, new ListenerConfig(redisUrl, 100, SessionWeights.DEFAULT));
        MixtapeApp app = MixtapeApp.start(cfg);
        app.engines().set(Engine.of(ServerBehaviourIT.tinyCatalog()));
        return app;
    }

    HttpResponse<String> call(MixtapeApp app, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        dev.mixtape.app.TestHttp.conforms(method, path, response);
        return response;
    }

    JsonNode ok(MixtapeApp app, String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(app, method, path, body);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    @Test
    void twoInstancesShareCachedPicksThroughRedisAndInvalidateEachOther() throws Exception {
        try (MixtapeApp a = start(REDIS); MixtapeApp b = start(REDIS)) {
            String u = "deps-" + UUID.randomUUID();
            ok(a, "POST", "/api/v1/users", "{\"id\":\"" + u + "\"}");
            JsonNode first = ok(a, "POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}");
            assertThat(first.get("metadata").get("cache_status").asText()).isEqualTo("miss");
            JsonNode shared = ok(b, "POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}");
            assertThat(shared.get("metadata").get("cache_status").asText()).isEqualTo("shared-hit");
            assertThat(shared.get("session_id")).isEqualTo(first.get("session_id"));
            assertThat(ok(b, "GET", "/health/ready", null).get("checks").get("shared_cache").asText()).isEqualTo("up");

            // an event through A drops the picks everywhere: B computes afresh
            ok(a, "POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"" + u + "\",\"track_id\":\"t1\",\"type\":\"like\","
                    + "\"timestamp\":" + System.currentTimeMillis() + "}]}");
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                JsonNode after = ok(b, "POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}");
                assertThat(after.get("session_id")).isNotEqualTo(first.get("session_id"));
            });
        }
    }

    @Test
    void aConfiguredRedisThatIsDownDoesNotStopServing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (MixtapeApp app = start("redis://127.0.0.1:" + closedPort)) {
            String u = "deps-" + UUID.randomUUID();
            ok(app, "POST", "/api/v1/users", "{\"id\":\"" + u + "\"}");
            assertThat(ok(app, "POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}").get("metadata").get("cache_status").asText())
                    .isEqualTo("miss");
            assertThat(ok(app, "POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}").get("metadata").get("cache_status").asText())
                    .isEqualTo("hit");
        }
    }

    @Test
    void whenTheDatabaseGoesAwayReadinessSaysSoAndCatalogReadsGoOn() throws Exception {
        try (MixtapeApp app = start(null)) {
            assertThat(call(app, "GET", "/health/ready", null).statusCode()).isEqualTo(200);
            h2.stop();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> ready = call(app, "GET", "/health/ready", null);
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(ready.body()).get("checks").get("database").asText()).contains("database is unavailable");
            });
            // reads that need no database
            assertThat(call(app, "GET", "/v1/tracks/t1", null).statusCode()).isEqualTo(200);
            assertThat(call(app, "GET", "/v1/recommendations?seed_tracks=t1&limit=1", null).statusCode()).isEqualTo(200);
            // a write that does: a clear 503, soon
            long start = System.nanoTime();
            HttpResponse<String> write = call(app, "POST", "/api/v1/users", "{\"id\":\"after-outage\"}");
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(write.body()).get("error").get("message").asText()).contains("cannot");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }
}
