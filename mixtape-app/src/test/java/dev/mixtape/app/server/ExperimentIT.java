package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.core.Catalog;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A/B experiments over HTTP: creation, validation, deterministic assignment, impressions, outcomes and the report. */
class ExperimentIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;
    static Catalog catalog;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        catalog = app.engines().get().catalog();
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return dev.mixtape.app.TestHttp.call(app, method, path, body);
    }

    JsonNode ok(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = call(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    @Test
    void invalidExperimentsAreRejectedByName() throws Exception {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ok("POST", "/api/v1/experiments", "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"strategy\":\"content\","
                + "\"weight\":0.5},{\"name\":\"b\",\"strategy\":\"hybrid\",\"weight\":0.4}]}", 400).toString()).contains("weights must sum to 1, got 0.9");
        assertThat(ok("POST", "/api/v1/experiments", "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"strategy\":\"magic\","
                + "\"weight\":0.5},{\"name\":\"b\",\"strategy\":\"hybrid\",\"weight\":0.5}]}", 400).toString()).contains("unknown strategy 'magic'");
        assertThat(ok("POST", "/api/v1/experiments", "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"strategy\":\"content\","
                + "\"weight\":1}]}", 400).toString()).contains("2 to 20 variants");
        assertThat(ok("GET", "/api/v1/experiments/none-" + name, null, 404).toString()).contains("no experiment");
    }

    @Test
    void listenersAreAssignedStablyImpressionsAreLoggedAndOutcomesCounted() throws Exception {
        String name = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        ok("POST", "/api/v1/experiments", "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"control\",\"strategy\":\"content\",\"weight\":0.5},"
                + "{\"name\":\"blend\",\"strategy\":\"popularity\",\"weight\":0.5}]}", 201);
        assertThat(ok("POST", "/api/v1/experiments", "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"strategy\":\"content\","
                + "\"weight\":0.5},{\"name\":\"b\",\"strategy\":\"hybrid\",\"weight\":0.5}]}", 409).toString()).contains("exists");

        Map<String, Integer> perVariant = new HashMap<>();
        Map<String, Integer> saves = new HashMap<>();
        String seed = catalog.trackId(500);
        for (int i = 0; i < 40; i++) {
            String u = name + "-u" + i;
            ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 201);
            String body = "{\"user_id\":\"" + u + "\",\"track_id\":\"" + seed + "\",\"experiment\":\"" + name + "\",\"n\":5}";
            JsonNode r = ok("POST", "/api/v2/recommendations", body, 200);
            String variant = r.get("experiment").get("variant").asText();
            // the same listener always lands in the same variant
            assertThat(ok("POST", "/api/v2/recommendations", body, 200).get("experiment").get("variant").asText()).isEqualTo(variant);
            assertThat(r.get("strategy").get("chosen").asText()).isEqualTo(variant.equals("control") ? "content" : "popularity");
            perVariant.merge(variant, 2, Integer::sum);
            if (variant.equals("blend") || i % 4 == 0) {
                // outcomes name the recommendation id: blend saves every time, control one in four
                String picked = r.get("recommendations").get(0).get("track").get("id").asText();
                ok("POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"" + u + "\",\"track_id\":\"" + picked + "\",\"type\":\"save\","
                        + "\"timestamp\":" + System.currentTimeMillis() + ",\"recommendation_id\":\"" + r.get("recommendation_id").asText() + "\"}]}", 200);
                saves.merge(variant, 1, Integer::sum);
            }
        }
        assertThat(perVariant.keySet()).containsExactlyInAnyOrder("control", "blend");
        JsonNode report = ok("GET", "/api/v1/experiments/" + name, null, 200);
        List<String> seen = new ArrayList<>();
        for (JsonNode v : report.get("results")) {
            String variant = v.get("variant").asText();
            seen.add(variant);
            assertThat(v.get("impressions").asInt()).isEqualTo(perVariant.get(variant));
            assertThat(v.get("saves").asInt()).isEqualTo(saves.getOrDefault(variant, 0));
            assertThat(v.get("save_rate").asDouble()).isEqualTo(Math.round(1e6 * saves.getOrDefault(variant, 0) / (double) perVariant.get(variant)) / 1e6);
            assertThat(v.get("save_rate_ci95").get(0).asDouble()).isLessThanOrEqualTo(v.get("save_rate").asDouble());
            assertThat(v.get("save_rate_ci95").get(1).asDouble()).isGreaterThanOrEqualTo(v.get("save_rate").asDouble());
        }
        assertThat(seen).containsExactly("control", "blend");
        JsonNode test = report.get("results").get(1).get("versus_control").get("save_rate");
        assertThat(test.get("difference").asDouble()).isPositive();
        assertThat(test.get("p_value").asDouble()).isBetween(0.0, 0.05);
        assertThat(ok("GET", "/api/v1/experiments", null, 200).toString()).contains(name);

        assertThat(ok("POST", "/api/v2/recommendations", "{\"track_id\":\"" + seed + "\",\"experiment\":\"" + name + "\"}", 400).toString())
                .contains("needs user_id");
    }
}
