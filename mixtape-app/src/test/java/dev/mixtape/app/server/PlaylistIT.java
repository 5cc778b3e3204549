package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.core.Catalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/playlists} over HTTP against the full catalog. */
class PlaylistIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;
    static Catalog catalog;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        catalog = app.engines().get().catalog();
    }

    HttpResponse<String> post(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/playlists"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        dev.mixtape.app.TestHttp.conforms("POST", "/api/v1/playlists", response);
        return response;
    }

    JsonNode ok(String body) throws Exception {
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void calmAcousticPlaylistIsCalmAcousticAndExplained() throws Exception {
        JsonNode p = ok("{\"prompt\":\"calm rainy sunday morning, acoustic, no rap\",\"length\":20}");
        JsonNode tracks = p.get("tracks");
        assertThat(tracks).hasSize(20);
        double energy = 0;
        Set<String> ids = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        for (JsonNode t : tracks) {
            energy += t.get("energy").asDouble();
            assertThat(ids.add(t.get("id").asText())).isTrue();
            assertThat(t.get("explanation").asText()).isNotBlank();
            assertThat(t.get("genres").toString()).doesNotContain("hip-hop");
            perArtist.merge(t.get("artists").get(0).asText(), 1, Integer::sum);
        }
        assertThat(energy / 20).as("mean energy of a calm playlist").isLessThan(0.4);
        assertThat(perArtist.values()).allMatch(n -> n <= 2);
        assertThat(p.at("/analysis/recognised").toString()).contains("calm").contains("acoustic").contains("no rap");
        assertThat(p.at("/quality/overall").asDouble()).isBetween(0.0, 1.0);
        assertThat(p.at("/timings_ms/total_ms").asDouble()).isPositive();
        assertThat(p.at("/timings_ms/generation_ms").asDouble()).isNotNegative();
        assertThat(p.get("iterations").asInt()).isBetween(0, 2);
    }

    @Test
    void workoutIsMoreEnergeticThanSleep() throws Exception {
        double workout = meanEnergy(ok("{\"prompt\":\"intense workout\"}"));
        double sleep = meanEnergy(ok("{\"prompt\":\"music to fall asleep to\"}"));
        assertThat(workout).isGreaterThan(sleep + 0.3);
    }

    @Test
    void samePromptAndSeedGiveTheSamePlaylistAnotherSeedAnother() throws Exception {
        String a = ok("{\"prompt\":\"90s indie road trip\",\"seed\":7}").get("tracks").toString();
        String b = ok("{\"prompt\":\"90s indie road trip\",\"seed\":7}").get("tracks").toString();
        String c = ok("{\"prompt\":\"90s indie road trip\",\"seed\":8}").get("tracks").toString();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void targetOverridesWinOverThePrompt() throws Exception {
        JsonNode p = ok("{\"prompt\":\"calm acoustic evening\",\"length\":20,\"targets\":{\"energy\":0.9,\"tempo\":150}}");
        assertThat(p.at("/targets/values/energy").asDouble()).isEqualTo(0.9);
        assertThat(p.at("/targets/values/tempo").asDouble()).isEqualTo(150.0);
        assertThat(p.at("/targets/ranges").has("energy")).isFalse();
        assertThat(p.at("/analysis/recognised").toString()).contains("energy set to 0.9");
        assertThat(meanEnergy(p)).as("an energy override of 0.9 on a calm prompt").isGreaterThan(meanEnergy(ok("{\"prompt\":\"calm acoustic evening\",\"length\":20}")) + 0.1);
    }

    @Test
    void meaninglessPromptStillGivesAPlaylistAndSaysSo() throws Exception {
        JsonNode p = ok("{\"prompt\":\"asdf qwerty\"}");
        assertThat(p.get("tracks")).hasSize(30);
        assertThat(p.at("/analysis/meaningless").asBoolean()).isTrue();
    }

    @Test
    void badInputIsNamed() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"prompt\":\"\"}", "prompt",
                "{\"prompt\":\"" + "x".repeat(1001) + "\"}", "1000",
                "{\"prompt\":\"jazz\",\"length\":201}", "length",
                "{\"prompt\":\"jazz\",\"arc\":\"zigzag\"}", "arc",
                "{\"prompt\":\"jazz\",\"lenght\":20}", "lenght",
                "[1,2]", "JSON object",
                "{\"prompt\":\"jazz\",\"targets\":{\"energi\":0.5}}", "targets.energi",
                "{\"prompt\":\"jazz\",\"targets\":{\"energy\":1.5}}", "targets.energy must be a number from 0 to 1, got 1.5",
                "{\"prompt\":\"jazz\",\"targets\":{\"popularity\":50}}", "known: acousticness",
                "{\"prompt\":\"jazz\",\"targets\":[1]}", "targets must be an object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = post(c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).at("/error/message").asText()).as(c.getKey()).contains(c.getValue());
        }
        for (Map.Entry<String, String> c : Map.of("{\"prompt\":42}", "prompt must be a string of 1 to 1000 characters, got number",
                "{\"prompt\":[\"jazz\"]}", "got array", "{\"length\":20}", "prompt is required").entrySet()) {
            HttpResponse<String> r = post(c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).at("/error/message").asText()).as(c.getKey()).contains(c.getValue());
        }
    }

    static double meanEnergy(JsonNode p) {
        double sum = 0;
        for (JsonNode t : p.get("tracks")) {
            sum += t.get("energy").asDouble();
        }
        return sum / p.get("tracks").size();
    }
}
