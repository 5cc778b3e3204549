package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.core.Catalog;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listener API over HTTP against the full catalog and the embedded H2 store. */
class ListenerApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;
    static Catalog catalog;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        catalog = app.engines().get().catalog();
    }

    static String user() {
        return "it-" + UUID.randomUUID().toString().substring(0, 12);
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return dev.mixtape.app.TestHttp.call(app, method, path, body);
    }

    JsonNode ok(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = call(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    String error(String method, String path, String body, int status) throws Exception {
        return ok(method, path, body, status).get("error").get("message").asText();
    }

    static String event(String user, int track, String type, Instant at, String key) {
        return "{\"user_id\":\"" + user + "\",\"track_id\":\"" + catalog.trackId(track) + "\",\"type\":\"" + type
                + "\",\"timestamp\":\"" + at + "\",\"ms_played\":180000" + (key == null ? "" : ",\"idempotency_key\":\"" + key + "\"") + "}";
    }

    static String batch(List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    long rows(String sql, String user) throws Exception {
        try (Connection c = app.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void usersAreCreatedOnceReadAndDeleted() throws Exception {
        String u = user();
        JsonNode created = ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\",\"created_at\":\"2024-02-03T04:05:06Z\"}", 201);
        assertThat(created.get("created_at").asText()).isEqualTo("2024-02-03T04:05:06Z");
        assertThat(ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 200).get("created_at").asText()).isEqualTo("2024-02-03T04:05:06Z");
        assertThat(ok("GET", "/api/v1/users/" + u, null, 200).get("event_count").asLong()).isZero();
        ok("DELETE", "/api/v1/users/" + u, null, 204);
        assertThat(error("GET", "/api/v1/users/" + u, null, 404)).contains("no listener '" + u + "'").contains("POST /api/v1/users");
        assertThat(error("DELETE", "/api/v1/users/" + u, null, 404)).contains(u);
        assertThat(error("POST", "/api/v1/users", "{\"id\":\"has space\"}", 400)).contains("id must be 1 to 128 characters");
        assertThat(error("POST", "/api/v1/users", "{\"id\":\"x\",\"age\":3}", 400)).contains("unknown field 'age'");
        assertThat(error("POST", "/api/v1/users", "{\"id\":", 400)).contains("not valid JSON");
        assertThat(error("POST", "/api/v1/users", "{\"id\":\"x\",\"created_at\":\"yesterday\"}", 400)).contains("created_at").contains("ISO-8601");
    }

    @Test
    void eventsAreValidatedOneByOneDeduplicatedAndDurableBeforeTheAnswer() throws Exception {
        String u = user();
        Instant t = Instant.now().minus(Duration.ofHours(2));
        List<String> events = List.of(
                event(u, 10, "play", t, "k1"),
                event(u, 11, "like", t, null),
                event(u, 12, "jump", t, null),
                "{\"user_id\":\"" + u + "\",\"track_id\":\"nope\",\"type\":\"play\",\"timestamp\":\"" + t + "\"}",
                event(u, 13, "play", Instant.now().plus(Duration.ofDays(1)), null),
                "{\"user_id\":\"" + u + "\",\"track_id\":\"" + catalog.trackId(14) + "\",\"type\":\"skip\",\"timestamp\":1700000000}",
                "[1,2]");
        JsonNode r = ok("POST", "/api/v1/events", batch(events), 200);
        assertThat(r.get("received").asInt()).isEqualTo(7);
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(r.get("duplicates").asInt()).isZero();
        List<String> errors = new ArrayList<>();
        r.get("rejected").forEach(x -> errors.add(x.get("index").asInt() + ": " + x.get("error").asText()));
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("2: type must be one of");
        assertThat(errors.get(1)).startsWith("3: unknown track_id 'nope'");
        assertThat(errors.get(2)).startsWith("4: timestamp").contains("in the future");
        assertThat(errors.get(3)).startsWith("5: timestamp 1700000000 looks like epoch seconds");
        assertThat(errors.get(4)).startsWith("6: an event must be a JSON object");
        // durable: the rows are in the database when the answer arrives
        assertThat(rows("SELECT COUNT(*) FROM listening_events WHERE user_id = ?", u)).isEqualTo(2);
        // a retried batch counts nothing twice
        JsonNode retry = ok("POST", "/api/v1/events", batch(events.subList(0, 2)), 200);
        assertThat(retry.get("accepted").asInt()).isZero();
        assertThat(retry.get("duplicates").asInt()).isEqualTo(2);
        assertThat(ok("GET", "/api/v1/users/" + u, null, 200).get("event_count").asLong()).isEqualTo(2);

        assertThat(error("POST", "/api/v1/events", "{\"events\":[]}", 400)).contains("1 to 1000 events");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(event(u, i, "play", t, "m" + i));
        }
        assertThat(error("POST", "/api/v1/events", batch(tooMany), 400)).contains("got 1001").contains("split the batch");
        assertThat(error("POST", "/api/v1/events", "{\"evnts\":[]}", 400)).contains("unknown field 'evnts'");
    }

    @Test
    void historyIsTheDecayedPlayCountWithAudioFeatures() throws Exception {
        String u = user();
        Instant now = Instant.now();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(event(u, 100, "play", now.minus(Duration.ofMinutes(10 + i)), null));
        }
        first.add(event(u, 200, "play", now.minus(Duration.ofDays(60)), null));
        first.add(event(u, 300, "like", now, null));
        ok("POST", "/api/v1/events", batch(first), 200);
        JsonNode h = ok("GET", "/api/v1/users/" + u + "/history", null, 200);
        assertThat(h.get("items")).hasSize(2); // likes alone are not plays
        assertThat(h.get("items").get(0).get("track").get("id").asText()).isEqualTo(catalog.trackId(100));
        assertThat(h.get("items").get(0).get("play_count").asDouble()).isBetween(2.99, 3.0);
        assertThat(h.get("items").get(1).get("play_count").asDouble()).isBetween(0.24, 0.26); // two half-lives
        assertThat(h.get("items").get(0).get("audio_features").get("energy").isNumber()).isTrue();
        // a second batch is folded in incrementally (no recount): track 200 overtakes with 4 fresh plays
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            second.add(event(u, 200, "play", now.minus(Duration.ofMinutes(i)), null));
        }
        ok("POST", "/api/v1/events", batch(second), 200);
        JsonNode h2 = ok("GET", "/api/v1/users/" + u + "/history?limit=1", null, 200);
        assertThat(h2.get("items")).hasSize(1);
        assertThat(h2.get("items").get(0).get("track").get("id").asText()).isEqualTo(catalog.trackId(200));
        assertThat(h2.get("items").get(0).get("plays").asDouble()).isEqualTo(5.0);
        assertThat(error("GET", "/api/v1/users/" + u + "/history?limit=500", null, 400)).contains("limit must be from 1 to 50");
    }

    @Test
    void personalityFromAnswersOrTraitsAndInventoriesWithTheirTexts() throws Exception {
        String u = user();
        ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 201);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(i % 5 == 0 ? (i < 5 || i >= 10 && i < 15 ? 5 : 1) : 3); // extraversion items all toward high
        }
        JsonNode p = ok("PUT", "/api/v1/users/" + u + "/personality", "{\"inventory\":\"mini-ipip-20\",\"answers\":" + answers + "}", 200);
        assertThat(p.get("source").asText()).isEqualTo("mini-ipip-20");
        assertThat(p.get("traits").get("extraversion").asDouble()).isEqualTo(1.0);
        assertThat(p.get("traits").get("openness").asDouble()).isEqualTo(0.5);
        JsonNode t = ok("PUT", "/api/v1/users/" + u + "/personality",
                "{\"traits\":{\"openness\":0.9,\"conscientiousness\":0.2,\"extraversion\":0.4,\"agreeableness\":0.6,\"neuroticism\":0.3}}", 200);
        assertThat(t.get("source").asText()).isEqualTo("traits");
        JsonNode read = ok("GET", "/api/v1/users/" + u + "/personality", null, 200); // read back from the store
        assertThat(read.get("traits").get("openness").asDouble()).isEqualTo(0.9);
        assertThat(read.get("updated_at").asText()).as("the PUT's answer says what a later read says").isEqualTo(t.get("updated_at").asText());
        assertThat(ok("GET", "/api/v1/users/" + u, null, 200).get("has_personality").asBoolean()).isTrue();

        assertThat(error("PUT", "/api/v1/users/" + u + "/personality", "{\"inventory\":\"ipip-50\",\"answers\":[1,2,3]}", 400))
                .isEqualTo("ipip-50 has 50 items; got 3 answers");
        assertThat(error("PUT", "/api/v1/users/" + u + "/personality", "{\"inventory\":\"mbti\",\"answers\":[1]}", 400))
                .contains("inventory must be one of ipip-50, mini-ipip-20, bfi-44");
        assertThat(error("PUT", "/api/v1/users/" + u + "/personality",
                "{\"traits\":{\"openness\":1.5,\"conscientiousness\":0.2,\"extraversion\":0.4,\"agreeableness\":0.6,\"neuroticism\":0.3}}", 400))
                .contains("traits.openness must be from 0 to 1, got 1.5");
        assertThat(error("PUT", "/api/v1/users/" + u + "/personality", "{\"traits\":{\"openness\":0.5}}", 400))
                .contains("traits.conscientiousness is required");
        assertThat(error("PUT", "/api/v1/users/nobody-" + u + "/personality", "{\"traits\":{\"openness\":0.5,"
                + "\"conscientiousness\":0.2,\"extraversion\":0.4,\"agreeableness\":0.6,\"neuroticism\":0.3}}", 404)).contains("no listener");

        JsonNode inv = ok("GET", "/api/v1/personality/inventories/mini-ipip-20", null, 200);
        assertThat(inv.get("items")).hasSize(20);
        assertThat(inv.get("items").get(0).get("text").asText()).isEqualTo("Am the life of the party.");
        assertThat(inv.get("items").get(3).get("trait").asText()).isEqualTo("neuroticism");
        assertThat(ok("GET", "/api/v1/personality/inventories/ipip-50", null, 200).get("items")).hasSize(50);
        assertThat(error("GET", "/api/v1/personality/inventories/bfi-44", null, 404)).contains("not public domain");
        assertThat(ok("GET", "/api/v1/personality/inventories", null, 200).get("inventories")).hasSize(3);
    }

    @Test
    void sessionsBlendByStageAreCachedAndRespondToEvents() throws Exception {
        String u = user();
        ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 201);
        JsonNode cold = ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        JsonNode meta = cold.get("metadata");
        assertThat(cold.get("recommendations")).hasSize(50);
        assertThat(meta.get("final_count").asInt()).isEqualTo(50);
        assertThat(meta.get("cold_start_stage").asText()).isEqualTo("week-1");
        assertThat(meta.get("total_candidates").asInt()).isBetween(200, 500);
        assertThat(meta.get("cache_status").asText()).isEqualTo("miss");
        assertThat(meta.get("response_time_ms").asDouble()).isPositive();
        Set<String> artists = new HashSet<>();
        for (JsonNode r : cold.get("recommendations")) {
            assertThat(r.get("explanation").asText()).isNotBlank();
            artists.add(r.get("track").get("artists").get(0).get("id").asText());
        }
        assertThat(artists.size()).isGreaterThanOrEqualTo(25);

        JsonNode again = ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        assertThat(again.get("metadata").get("cache_status").asText()).isEqualTo("hit");
        assertThat(again.get("session_id")).isEqualTo(cold.get("session_id"));

        // a profile change drops the cached picks, and the new ones follow the profile
        ok("PUT", "/api/v1/users/" + u + "/personality", "{\"traits\":{\"openness\":0.95,\"conscientiousness\":0.5,"
                + "\"extraversion\":0.1,\"agreeableness\":0.6,\"neuroticism\":0.4}}", 200);
        JsonNode open = ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        assertThat(open.get("metadata").get("cache_status").asText()).isEqualTo("miss");
        assertThat(open.get("session_id")).isNotEqualTo(cold.get("session_id"));
        assertThat(open.get("recommendations").get(0).get("reason").asText()).isEqualTo("personality");
        assertThat(open.get("recommendations").get(0).get("explanation").asText()).startsWith("Fits your");

        // events drop them too; an event can name the session that offered the track
        String sid = open.get("session_id").asText();
        String picked = open.get("recommendations").get(0).get("track").get("id").asText();
        ok("POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"" + u + "\",\"track_id\":\"" + picked
                + "\",\"type\":\"like\",\"timestamp\":" + System.currentTimeMillis() + ",\"recommendation_id\":\"" + sid + "\"}]}", 200);
        JsonNode after = ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        assertThat(after.get("metadata").get("cache_status").asText()).isEqualTo("miss");
        for (JsonNode r : after.get("recommendations")) {
            assertThat(r.get("track").get("id").asText()).isNotEqualTo(picked); // heard tracks are not offered again
        }

        // so do they for picks of another size (those were once cached under a key no invalidation reached)
        String ten = "{\"user_id\":\"" + u + "\",\"size\":10}";
        assertThat(ok("POST", "/api/v1/sessions", ten, 200).get("metadata").get("cache_status").asText()).isEqualTo("miss");
        assertThat(ok("POST", "/api/v1/sessions", ten, 200).get("metadata").get("cache_status").asText()).isEqualTo("hit");
        ok("POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"" + u + "\",\"track_id\":\"" + picked
                + "\",\"type\":\"skip\",\"timestamp\":" + System.currentTimeMillis() + "}]}", 200);
        assertThat(ok("POST", "/api/v1/sessions", ten, 200).get("metadata").get("cache_status").asText()).isEqualTo("miss");

        assertThat(error("POST", "/api/v1/sessions", "{\"user_id\":\"ghost-" + u + "\"}", 404)).contains("no listener");
        assertThat(error("POST", "/api/v1/sessions", "{}", 400)).contains("user_id is required");
        assertThat(error("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\",\"size\":0}", 400)).contains("size must be from 1 to 100");
        assertThat(ok("GET", "/api/v1/stats/cache", null, 200).get("kinds").get("recommendations").get("local_hits").asLong()).isPositive();
    }

    @Test
    void aListenerWithAMonthOfHistoryGetsPicksLedByIt() throws Exception {
        String u = user();
        ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\",\"created_at\":\"" + Instant.now().minus(Duration.ofDays(90)) + "\"}", 201);
        int genre = catalog.genreIndexOf("bluegrass");
        int[] tracks = catalog.genreTracks(genre);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(event(u, tracks[i], "play", Instant.now().minus(Duration.ofHours(i + 1)), null));
        }
        ok("POST", "/api/v1/events", batch(events), 200);
        JsonNode s = ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        assertThat(s.get("metadata").get("cold_start_stage").asText()).isEqualTo("established");
        int history = 0;
        for (JsonNode r : s.get("recommendations")) {
            if (r.get("reason").asText().equals("history")) {
                history++;
                // the listening model serves (FullCatalogServer waits for it): history is what listeners like them play
                assertThat(r.get("explanation").asText()).startsWith("Listeners");
            }
        }
        assertThat(history).isGreaterThan(25);
    }

    @Test
    void theExportHoldsEverythingStoredAboutTheListenerAndGoesWithThem() throws Exception {
        String u = user();
        ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\",\"created_at\":\"2026-01-02T03:04:05Z\"}", 201);
        Instant t0 = Instant.now().minusSeconds(600);
        ok("POST", "/api/v1/events", batch(List.of(event(u, 5, "play", t0.plusSeconds(60), "a"), event(u, 6, "save", t0, "b"),
                event(u, 5, "skip", t0.plusSeconds(120), null))), 200);
        ok("PUT", "/api/v1/users/" + u + "/personality", "{\"traits\":{\"openness\":0.9,\"conscientiousness\":0.5,"
                + "\"extraversion\":0.5,\"agreeableness\":0.5,\"neuroticism\":0.1}}", 200);
        String sessionId = ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200).get("session_id").asText();
        // sessions are kept by a background writer, within moments
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(rows("SELECT COUNT(*) FROM session_recommendations WHERE user_id = ?", u)).isPositive());

        HttpResponse<String> r = call("GET", "/api/v1/users/" + u + "/export", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("mixtape-listener-" + u + ".json"));
        JsonNode x = JSON.readTree(r.body());
        assertThat(x.get("format").asText()).isEqualTo("mixtape-listener-export/1");
        assertThat(x.get("listener").get("id").asText()).isEqualTo(u);
        assertThat(x.get("listener").get("created_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(x.get("listener").get("event_count").asLong()).isEqualTo(3);
        assertThat(x.get("personality").get("traits").get("openness").asDouble()).isEqualTo(0.9);
        // every event, oldest first, as posted
        assertThat(x.get("events")).hasSize(3);
        assertThat(x.get("events").findValuesAsText("type")).containsExactly("save", "play", "skip");
        assertThat(x.get("events").get(0).get("track_id").asText()).isEqualTo(catalog.trackId(6));
        assertThat(x.get("events").get(1).get("ms_played").asLong()).isEqualTo(180_000);
        assertThat(x.get("history").findValuesAsText("track_id")).containsExactlyInAnyOrder(catalog.trackId(5), catalog.trackId(6));
        assertThat(x.get("sessions")).hasSize(1);
        assertThat(x.get("sessions").get(0).get("session_id").asText()).isEqualTo(sessionId);
        assertThat(x.get("sessions").get(0).get("answer").get("recommendations")).isNotEmpty();
        assertThat(x.get("impressions").isArray()).isTrue();
        assertThat(x.get("spotify_link").get("linked").asBoolean()).isFalse();
        assertThat(r.body()).doesNotContain("refresh_token");

        ok("DELETE", "/api/v1/users/" + u, null, 204);
        assertThat(error("GET", "/api/v1/users/" + u + "/export", null, 404)).contains("no listener '" + u + "'");
        assertThat(error("GET", "/api/v1/users/" + "%20bad%20id/export", null, 400)).isNotBlank();
    }

    @Test
    void deleteRemovesEveryRowAndTheCachedPicks() throws Exception {
        String u = user();
        ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 201);
        ok("POST", "/api/v1/events", batch(List.of(event(u, 5, "play", Instant.now(), "a"), event(u, 6, "save", Instant.now(), "b"))), 200);
        ok("PUT", "/api/v1/users/" + u + "/personality", "{\"traits\":{\"openness\":0.5,\"conscientiousness\":0.5,"
                + "\"extraversion\":0.5,\"agreeableness\":0.5,\"neuroticism\":0.5}}", 200);
        ok("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 200);
        String[] tables = {"SELECT COUNT(*) FROM listeners WHERE id = ?", "SELECT COUNT(*) FROM listening_events WHERE user_id = ?",
            "SELECT COUNT(*) FROM listening_history WHERE user_id = ?", "SELECT COUNT(*) FROM personality_profiles WHERE user_id = ?",
            "SELECT COUNT(*) FROM session_recommendations WHERE user_id = ?"};
        for (String sql : tables) {
            // sessions are kept by a background writer, within moments
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rows(sql, u)).as(sql).isPositive());
        }
        ok("DELETE", "/api/v1/users/" + u, null, 204);
        for (String sql : tables) {
            assertThat(rows(sql, u)).as(sql).isZero();
        }
        // the cached picks are gone with the data: no session for a listener who no longer exists
        assertThat(error("POST", "/api/v1/sessions", "{\"user_id\":\"" + u + "\"}", 404)).contains("no listener");
    }

    @Test
    void eachListenerHasARateLimitAndTheAnswerSaysWhenToRetry() throws Exception {
        String u = user();
        long start = System.nanoTime();
        ok("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}", 201); // request 1
        HttpResponse<String> limited = null;
        int request = 1;
        while (limited == null && request < 200) {
            request++;
            HttpResponse<String> r = call("GET", "/api/v1/users/" + u, null);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        // 100 a minute, refilled smoothly (one every 0.6 s): the first refusal comes right after the budget plus
        // what refilled while the requests ran
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(limited).isNotNull();
        assertThat(request).isBetween(101, 101 + (int) Math.ceil(seconds / 0.6) + 1);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(limited.body()).contains("rate limit exceeded for listener '" + u + "'");
        // another listener is not affected
        String other = user();
        ok("POST", "/api/v1/users", "{\"id\":\"" + other + "\"}", 201);
    }
}
