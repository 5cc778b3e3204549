package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v2 recommendation API over HTTP against the full catalog. */
class StrategyApiIT {
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

    JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String error(String body, int status) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v2/recommendations", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body()).get("error").get("message").asText();
    }

    static String trackOf(String genre, int i) {
        return catalog.trackId(catalog.genreTracks(catalog.genreIndexOf(genre))[i]);
    }

    @Test
    void contentForATrackIsExplainedAndCached() throws Exception {
        String seed = trackOf("acoustic", 3);
        String body = "{\"track_id\":\"" + seed + "\",\"strategy\":\"content\",\"n\":15}";
        JsonNode r = ok("POST", "/api/v2/recommendations", body);
        assertThat(r.get("recommendations")).hasSize(15);
        assertThat(r.get("strategy").get("chosen").asText()).isEqualTo("content");
        assertThat(r.get("fallback").get("used").asBoolean()).as(r.get("fallback").toString() + r.get("metadata")).isFalse();
        assertThat(r.get("recommendation_id").asText()).startsWith("rec_");
        assertThat(r.get("metadata").get("cache_status").asText()).isEqualTo("miss");
        Set<String> ids = new HashSet<>();
        for (JsonNode rec : r.get("recommendations")) {
            assertThat(rec.get("track").get("id").asText()).isNotEqualTo(seed);
            assertThat(ids.add(rec.get("track").get("id").asText())).isTrue();
            assertThat(rec.get("explanation").asText()).startsWith("Sounds like");
            assertThat(rec.get("metadata").get("model_version").asText()).isNotBlank();
        }
        JsonNode again = ok("POST", "/api/v2/recommendations", body);
        assertThat(again.get("metadata").get("cache_status").asText()).isEqualTo("hit");
        assertThat(again.get("recommendations")).isEqualTo(r.get("recommendations"));
        JsonNode similar = ok("GET", "/api/v1/tracks/" + seed + "/similar?n=15", null);
        assertThat(similar.get("recommendations").get(0).get("track").get("id")).isEqualTo(r.get("recommendations").get(0).get("track").get("id"));
    }

    @Test
    void badInputIsNamed() throws Exception {
        assertThat(error("{\"track_id\":\"" + trackOf("pop", 0) + "\",\"strategy\":\"magic\"}", 400))
                .contains("unknown strategy 'magic'").contains("content").contains("hybrid").contains("auto");
        assertThat(error("{\"track_id\":\"nope\",\"strategy\":\"content\"}", 404)).contains("unknown track_id 'nope'");
        assertThat(error("{\"user_id\":\"ghost-" + UUID.randomUUID() + "\",\"strategy\":\"content\"}", 404)).contains("no listener");
        assertThat(error("{\"track_id\":\"" + trackOf("pop", 0) + "\",\"n\":500}", 400)).contains("n must be from 1 to 100");
        assertThat(error("{\"strategy\":\"personality\"}", 400)).contains("needs user_id");
        assertThat(error("{\"track_id\":\"" + trackOf("pop", 0) + "\",\"filters\":{\"genres\":[\"polka\"]}}", 400)).contains("unknown genre 'polka'");
        assertThat(error("{\"track_id\":\"" + trackOf("pop", 0) + "\",\"user_context\":{\"time\":\"noon\"}}", 400)).contains("user_context.time");
        assertThat(error("{\"track_id\":\"" + trackOf("pop", 0) + "\",\"colour\":\"red\"}", 400)).contains("unknown field 'colour'");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("{\"track_id\":\"" + catalog.trackId(i) + "\"}");
        }
        HttpResponse<String> batch = call("POST", "/api/v2/recommendations/batch", "{\"requests\":[" + String.join(",", many) + "]}");
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(batch.body()).contains("1 to 100 requests; got 101");
    }

    @Test
    void autoFollowsTheContext() throws Exception {
        String seed = trackOf("rock", 5);
        JsonNode morning = ok("POST", "/api/v2/recommendations", "{\"track_id\":\"" + seed + "\",\"user_context\":{\"time\":\"2026-11-20T08:00:00+01:00\"}}");
        assertThat(morning.get("strategy").get("chosen").asText()).isEqualTo("contextual");
        assertThat(morning.get("strategy").get("auto_reason").asText()).contains("morning");
        JsonNode exploring = ok("POST", "/api/v2/recommendations", "{\"track_id\":\"" + seed + "\",\"user_context\":{\"exploring\":true}}");
        assertThat(exploring.get("strategy").get("chosen").asText()).isEqualTo("exploration");
        JsonNode running = ok("POST", "/api/v2/recommendations", "{\"strategy\":\"auto\",\"n\":20,\"user_context\":{\"activity\":\"running\","
                + "\"time\":\"2026-11-20T14:00:00Z\"}}");
        assertThat(running.get("strategy").get("chosen").asText()).isEqualTo("tempo");
        for (JsonNode rec : running.get("recommendations")) {
            float bpm = catalog.value(Attribute.TEMPO, catalog.indexOf(rec.get("track").get("id").asText()));
            assertThat(Math.min(Math.abs(bpm - 165), Math.abs(bpm - 82.5))).as("tempo %s", bpm).isLessThan(12);
        }
    }

    @Test
    void theSeedSpellingIsAcceptedOverHttpAndInBatches() throws Exception {
        String seed = trackOf("rock", 7);
        String excluded = trackOf("rock", 8);
        String body = "{\"track_id\":\"" + seed + "\",\"n_recommendations\":7,\"exclude_tracks\":[\"" + excluded + "\"],"
                + "\"user_context\":{\"time_of_day\":\"evening\"}}";
        JsonNode r = ok("POST", "/api/v2/recommendations", body);
        assertThat(r.get("recommendations")).hasSize(7);
        assertThat(r.get("strategy").get("auto_reason").asText()).contains("evening");
        r.get("recommendations").forEach(x -> assertThat(x.get("track").get("id").asText()).isNotEqualTo(excluded));
        JsonNode batch = ok("POST", "/api/v2/recommendations/batch", "{\"requests\":[" + body + ",{\"track_id\":\"" + seed
                + "\",\"n\":3,\"n_recommendations\":4}]}");
        assertThat(batch.get("results").get(0).get("recommendations")).isEqualTo(r.get("recommendations"));
        assertThat(batch.get("results").get(1).get("error").get("message").asText()).contains("n and n_recommendations");
        assertThat(error("{\"track_id\":\"" + seed + "\",\"exclude\":[],\"exclude_tracks\":[\"" + excluded + "\"]}", 400))
                .contains("exclude and exclude_tracks");
    }

    @Test
    void aMissingModelFallsBackAndSaysSo() throws Exception {
        // the test server imported Last.fm on its first start: take the artist model away for this request
        CollaborativeModels cf = app.engines().get().cf();
        dev.mixtape.algo.cf.ArtistNeighbours served = cf.artists();
        String status = cf.status();
        cf.artists(null, "taken away by the test");
        try {
            JsonNode r = ok("POST", "/api/v2/recommendations", "{\"track_id\":\"" + trackOf("jazz", 2) + "\",\"strategy\":\"collaborative\",\"n\":10,\"seed\":17}");
            assertThat(r.get("recommendations")).hasSize(10);
            assertThat(r.get("fallback").get("used").asBoolean()).isTrue();
            assertThat(r.get("fallback").get("steps").get(0).get("strategy").asText()).isEqualTo("collaborative");
            assertThat(r.get("fallback").get("steps").get(0).get("reason").asText()).contains("import lastfm");
            assertThat(r.get("strategy").get("served_by").get(0).asText()).isEqualTo("content");
        } finally {
            cf.artists(served, status);
        }
    }

    @Test
    void aListenersAnswersSkipWhatTheyHeardAndChangeWithTheirEvents() throws Exception {
        String u = "v2-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}");
        List<String> events = new ArrayList<>();
        Set<String> heard = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String t = trackOf("blues", i);
            heard.add(t);
            events.add("{\"user_id\":\"" + u + "\",\"track_id\":\"" + t + "\",\"type\":\"play\",\"timestamp\":" + System.currentTimeMillis() + "}");
        }
        ok("POST", "/api/v1/events", "{\"events\":[" + String.join(",", events) + "]}");
        app.events().awaitLearners(); // the trending counts learn in the background, after the acknowledgement
        String body = "{\"user_id\":\"" + u + "\",\"strategy\":\"content\",\"n\":20}";
        JsonNode r = ok("POST", "/api/v2/recommendations", body);
        for (JsonNode rec : r.get("recommendations")) {
            assertThat(heard).doesNotContain(rec.get("track").get("id").asText());
        }
        assertThat(ok("POST", "/api/v2/recommendations", body).get("metadata").get("cache_status").asText()).isEqualTo("hit");
        ok("POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"" + u + "\",\"track_id\":\"" + trackOf("blues", 40)
                + "\",\"type\":\"like\",\"timestamp\":" + System.currentTimeMillis() + "}]}");
        assertThat(ok("POST", "/api/v2/recommendations", body).get("metadata").get("cache_status").asText()).isEqualTo("miss");
        JsonNode hybrid = ok("POST", "/api/v2/recommendations", "{\"user_id\":\"" + u + "\",\"strategy\":\"hybrid\",\"n\":20}");
        assertThat(hybrid.get("recommendations")).hasSize(20);
    }

    @Test
    void everyListedStrategyServesARequestWithOnlyAUserId() throws Exception {
        String u = "only-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/v1/users", "{\"id\":\"" + u + "\"}");
        ok("PUT", "/api/v1/users/" + u + "/personality",
                "{\"traits\":{\"openness\":0.8,\"conscientiousness\":0.4,\"extraversion\":0.6,\"agreeableness\":0.5,\"neuroticism\":0.3}}");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            events.add("{\"user_id\":\"" + u + "\",\"track_id\":\"" + trackOf("jazz", i) + "\",\"type\":\"" + (i % 5 == 0 ? "like" : "play")
                    + "\",\"timestamp\":" + System.currentTimeMillis() + "}");
        }
        ok("POST", "/api/v1/events", "{\"events\":[" + String.join(",", events) + "]}");
        List<String> names = new ArrayList<>();
        ok("GET", "/api/v2/strategies", null).get("strategies").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).contains("session", "tempo", "hybrid");
        names.add("auto");
        for (String name : names) {
            JsonNode r = ok("POST", "/api/v2/recommendations", "{\"user_id\":\"" + u + "\",\"strategy\":\"" + name + "\",\"n\":10}");
            assertThat(r.get("recommendations")).as(name).hasSize(10);
            assertThat(r.get("strategy").get("requested").asText()).isEqualTo(name);
            if (!name.equals("auto")) {
                assertThat(r.get("strategy").get("served_by").toString()).as(name + ": " + r.get("fallback")).contains("\"" + name + "\"");
            }
        }
    }

    @Test
    void aBatchRunsEveryRequestAndReportsEachError() throws Exception {
        List<String> reqs = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            reqs.add("{\"track_id\":\"" + catalog.trackId(1000 + i * 37) + "\",\"strategy\":\"content\",\"n\":10}");
        }
        reqs.add("{\"track_id\":\"missing\",\"strategy\":\"content\"}");
        JsonNode r = ok("POST", "/api/v2/recommendations/batch", "{\"requests\":[" + String.join(",", reqs) + "]}");
        assertThat(r.get("results")).hasSize(100);
        assertThat(r.get("metadata").get("errors").asInt()).isEqualTo(1);
        assertThat(r.get("results").get(99).get("error").get("status").asInt()).isEqualTo(404);
        assertThat(r.get("results").get(0).get("recommendations")).hasSize(10);
    }

    @Test
    void trendingFollowsTheEventsJustPosted() throws Exception {
        String hot = trackOf("tango", 7);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add("{\"user_id\":\"trend-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"track_id\":\"" + hot
                    + "\",\"type\":\"play\",\"timestamp\":" + Instant.now().toEpochMilli() + "}");
        }
        ok("GET", "/api/v2/strategies", null); // builds the models, so that the events below are counted
        ok("POST", "/api/v1/events", "{\"events\":[" + String.join(",", events) + "]}");
        JsonNode r = ok("POST", "/api/v2/recommendations", "{\"strategy\":\"popularity\",\"n\":5,\"params\":{\"trending\":\"true\"},\"seed\":"
                + System.nanoTime() + "}");
        assertThat(r.get("recommendations").get(0).get("track").get("id").asText()).isEqualTo(hot);
        assertThat(r.get("recommendations").get(0).get("explanation").asText()).isEqualTo("Trending now");
    }
}
