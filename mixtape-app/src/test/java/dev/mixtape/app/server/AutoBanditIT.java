package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.core.Catalog;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code auto} learns from the outcomes of its answers: over HTTP, a strategy whose tracks listeners like replaces the
 * rule's choice for that kind of request, and {@code GET /api/v2/strategies/auto} shows the evidence.
 */
class AutoBanditIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;
    static Catalog catalog;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        catalog = app.engines().get().catalog();
    }

    JsonNode ok(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = dev.mixtape.app.TestHttp.call(app, method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    JsonNode auto(String user, int seedTrack) throws Exception {
        // a track seed in the evening: the rule serves contextual
        return ok("POST", "/api/v2/recommendations", "{\"user_id\":\"" + user + "\",\"track_id\":\"" + catalog.trackId(seedTrack)
                + "\",\"strategy\":\"auto\",\"n\":10,\"user_context\":{\"time\":\"2026-06-03T20:30:00+00:00\"}}", 200);
    }

    void outcome(String user, JsonNode answer, String type) throws Exception {
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (JsonNode r : answer.get("recommendations")) {
            if (events.charAt(events.length() - 1) != '[') {
                events.append(',');
            }
            events.append("{\"user_id\":\"").append(user).append("\",\"track_id\":\"").append(r.get("track").get("id").asText())
                    .append("\",\"type\":\"").append(type).append("\",\"timestamp\":").append(System.currentTimeMillis())
                    .append(",\"recommendation_id\":\"").append(answer.get("recommendation_id").asText()).append("\"}");
        }
        ok("POST", "/api/v1/events", events.append("]}").toString(), 200);
    }

    /** Keeps to track/evening requests: no other test gives outcomes for that kind. */
    @Test
    void aStrategyWhoseTracksAreLikedReplacesTheRuleForThatKindOfRequest() throws Exception {
        JsonNode state = ok("GET", "/api/v2/strategies/auto", null, 200);
        assertThat(state.get("learning").asBoolean()).isTrue();
        assertThat(state.get("explore").asDouble()).isEqualTo(0.1);

        String user = "bandit-" + UUID.randomUUID().toString().substring(0, 8);
        ok("POST", "/api/v1/users", "{\"id\":\"" + user + "\"}", 201);
        AutoBanditService bandit = app.strategies().autoBandit();
        String explored = null;
        int rules = 0;
        // until one answer explored and the rule has a few answers against it (in either order)
        for (int i = 0; i < 400 && (explored == null || rules < 3); i++) {
            JsonNode a = auto(user, 1000 + 37 * i);
            String chosen = a.get("strategy").get("chosen").asText();
            String reason = a.get("strategy").get("auto_reason").asText();
            if (reason.startsWith("exploring")) {
                assertThat(reason).startsWith("exploring for track/evening requests");
                if (explored == null && !chosen.equals("contextual")) {
                    outcome(user, a, "like"); // the first answer exploring another strategy: its tracks are liked
                    explored = chosen;
                }
            } else if (reason.startsWith("outcomes for track/evening requests: ")) {
                break; // already learned
            } else {
                // the rule's answers are skipped: evidence against it
                assertThat(chosen).isEqualTo("contextual");
                assertThat(reason).startsWith("evening");
                outcome(user, a, "skip");
                rules++;
            }
            bandit.refresh();
        }
        assertThat(explored).as("auto explores about a tenth of its answers").isNotNull();

        // the next answers that do not explore serve the liked strategy, and say why
        int learned = 0;
        for (int i = 0; i < 10; i++) {
            JsonNode a = auto(user, 40_000 + 11 * i);
            if (a.get("strategy").get("auto_reason").asText().startsWith("exploring")) {
                continue;
            }
            assertThat(a.get("strategy").get("chosen").asText()).isEqualTo(explored);
            assertThat(a.get("strategy").get("auto_reason").asText()).startsWith("outcomes for track/evening requests: " + explored)
                    .contains("ahead of the rule's contextual");
            learned++;
        }
        assertThat(learned).isGreaterThan(5);

        JsonNode after = ok("GET", "/api/v2/strategies/auto", null, 200);
        JsonNode kind = null;
        for (JsonNode k : after.get("kinds")) {
            if (k.get("kind").asText().equals("track/evening")) {
                kind = k;
            }
        }
        assertThat(kind).as(after.toString()).isNotNull();
        assertThat(kind.get("leading").asText()).isEqualTo(explored);
        for (JsonNode arm : kind.get("arms")) {
            if (arm.get("strategy").asText().equals(explored)) {
                assertThat(arm.get("positive").asLong()).isGreaterThanOrEqualTo(10);
                assertThat(arm.get("rate").asDouble()).isGreaterThan(0.5);
            }
            if (arm.get("strategy").asText().equals("contextual")) {
                assertThat(arm.get("answers").asLong()).isGreaterThanOrEqualTo(rules);
                assertThat(arm.get("tracks_shown").asLong()).isGreaterThanOrEqualTo(10L * rules);
            }
        }
    }
}
