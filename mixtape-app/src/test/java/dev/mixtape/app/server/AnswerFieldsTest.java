package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.storage.cache.TieredCache;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerFieldsTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] b) throws Exception {
        return JsonBody.JSON.readTree(b);
    }

    @Test
    void metadataFieldsGoInsideTheLastObjectAndTopFieldsAfterIt() throws Exception {
        byte[] cached = bytes("{\"recommendations\":[{\"rank\":1}],\"metadata\":{\"count\":1}}");
        byte[] out = new AnswerFields().metadata("cache_status", "hit").metadata("response_time_ms", 0.42)
                .top("recommendation_id", "rec_1").top("experiment", Map.of("name", "e")).addTo(cached);
        JsonNode n = tree(out);
        assertThat(n.get("metadata").get("count").asInt()).isEqualTo(1);
        assertThat(n.get("metadata").get("cache_status").asText()).isEqualTo("hit");
        assertThat(n.get("metadata").get("response_time_ms").asDouble()).isEqualTo(0.42);
        assertThat(n.get("recommendation_id").asText()).isEqualTo("rec_1");
        assertThat(n.get("experiment").get("name").asText()).isEqualTo("e");
        assertThat(new String(cached, StandardCharsets.UTF_8)).isEqualTo("{\"recommendations\":[{\"rank\":1}],\"metadata\":{\"count\":1}}");
    }

    @Test
    void stringsAreEscapedAndAnEmptyMetadataObjectTakesItsFirstFieldWithoutAComma() throws Exception {
        JsonNode n = tree(new AnswerFields().metadata("note", "a \"quoted\" \\ line\nbreak").addTo(bytes("{\"metadata\":{}}")));
        assertThat(n.get("metadata").get("note").asText()).isEqualTo("a \"quoted\" \\ line\nbreak");
        assertThat(tree(new AnswerFields().top("id", "x").addTo(bytes("{\"metadata\":{}}"))).toString())
                .isEqualTo("{\"metadata\":{},\"id\":\"x\"}");
        assertThat(new String(new AnswerFields().addTo(bytes("{\"a\":1,\"metadata\":{\"b\":2}}")), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1,\"metadata\":{\"b\":2}}");
    }

    @Test
    void timedAddsTheResponseTimeAndCacheStatus() throws Exception {
        JsonNode n = tree(AnswerFields.timed(System.nanoTime(), TieredCache.Status.MISS).addTo(bytes("{\"metadata\":{\"count\":0}}")));
        assertThat(n.get("metadata").get("cache_status").asText()).isEqualTo(TieredCache.Status.MISS.wireName());
        assertThat(n.get("metadata").get("response_time_ms").asDouble()).isBetween(0.0, 60_000.0);
    }

    @Test
    void anAnswerNotEndingInItsMetadataObjectIsRefused() {
        assertThatThrownBy(() -> new AnswerFields().addTo(bytes("[1,2]"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> new AnswerFields().addTo(bytes("{\"a\":1}"))).isInstanceOf(IllegalStateException.class);
    }
}
