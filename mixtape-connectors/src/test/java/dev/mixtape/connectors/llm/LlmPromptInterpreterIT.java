package dev.mixtape.connectors.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.mixtape.connectors.llm.ChatCompletions.CATALOG;
import static dev.mixtape.connectors.llm.ChatCompletions.artistId;
import static dev.mixtape.connectors.llm.ChatCompletions.completion;
import static dev.mixtape.connectors.llm.ChatCompletions.reply;
import static dev.mixtape.connectors.llm.ChatCompletions.trackId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LlmPromptInterpreter} against a local WireMock server that answers like OpenAI's
 * {@code /v1/chat/completions}: a good reply, model nulls, unknown names, then every way it can
 * fail — 429 with Retry-After, 500, a timeout, a refused connection, a body that is not JSON, a
 * content that is not JSON, a refusal, a cut-off reply, schema violations — each of which must give
 * the built-in model's analysis, marked with the reason.
 */
class LlmPromptInterpreterIT {
    private static final String PATH = "/v1/chat/completions";
    private static final String PROMPT = "calm acoustic jazz like adele, no hip hop, 20 songs, wind down";
    private static WireMockServer server;
    private final BuiltInPromptInterpreter builtIn = new BuiltInPromptInterpreter();
    private LlmPromptInterpreter llm;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        llm = interpreter(Duration.ofSeconds(2), server.port());
    }

    private LlmPromptInterpreter interpreter(Duration timeout, int port) {
        return new LlmPromptInterpreter(new LlmConfig(URI.create("http://localhost:" + port + "/v1"), "test-model",
                "sk-test-123", timeout), builtIn);
    }

    private void answer(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private void answerReply(ObjectNode reply) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(completion(reply.toString())));
    }

    private PromptAnalysis assertFellBack(String prompt, String... reasonFragments) {
        PromptAnalysis a = llm.interpret(prompt, CATALOG, null, null);
        assertThat(a.interpreter()).isEqualTo("built-in");
        assertThat(a.fallback()).startsWith("llm:test-model: ").contains(reasonFragments);
        assertThat(a.withFallback(null)).isEqualTo(builtIn.interpret(prompt, CATALOG, null, null));
        return a;
    }

    @Test
    void readsTheModelsAnswerAndSendsAStrictSchema() {
        answerReply(reply());
        PromptAnalysis a = llm.interpret(PROMPT, CATALOG, null, null);

        assertThat(a.interpreter()).isEqualTo("llm:test-model");
        assertThat(a.fallback()).isNull();
        assertThat(a.target().targets()).containsEntry(Attribute.VALENCE, 0.35).containsEntry(Attribute.ENERGY, 0.25)
                .containsEntry(Attribute.ACOUSTICNESS, 0.8).containsEntry(Attribute.TEMPO, 95.0).hasSize(8);
        assertThat(a.target().ranges().get(Attribute.ENERGY).contains(0.25)).isTrue();
        assertThat(a.target().genres()).containsExactlyInAnyOrder("jazz", "acoustic");
        assertThat(a.target().excludedGenres()).containsExactly("hip-hop");
        assertThat(a.target().artists()).containsExactly(artistId("Adele"));
        assertThat(a.target().excludedArtists()).containsExactly(artistId("Drake"));
        assertThat(a.target().tracks()).containsExactly(trackId("Someone Like You"));
        assertThat(a.unknown()).containsExactly("Zzzyx Quartet", "Nonexistent Song");
        assertThat(a.target().allowExplicit()).isFalse();
        assertThat(a.target().length()).isEqualTo(20);
        assertThat(a.target().arc()).isEqualTo(Arc.WIND_DOWN);
        assertThat(a.recognised()).extracting(PromptAnalysis.Phrase::text).containsExactly("calm", "acoustic jazz");
        assertThat(a.notUnderstood()).containsExactly("blorp");
        assertThat(a.meaningless()).isFalse();

        server.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer sk-test-123"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(PROMPT)))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("mood_target")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true"))));
        LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
        JsonNode schema = ChatCompletions.read(sent.getBodyAsString()).at("/response_format/json_schema/schema");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("required")).hasSize(schema.get("properties").size());
        assertThat(schema.at("/properties/genres/items/enum").toString()).contains("\"hip-hop\"", "\"jazz\"");
        assertThat(schema.at("/properties/targets/properties/valence/maximum").asDouble()).isEqualTo(1.0);
    }

    @Test
    void featuresTheModelLeavesNullGetNeutralTargetsAndWideRanges() {
        answerReply(reply());
        PromptAnalysis a = llm.interpret(PROMPT, CATALOG, null, null);
        PromptAnalysis neutral = builtIn.interpret("asdf", CATALOG, null, null);
        assertThat(a.target().targets().get(Attribute.LOUDNESS)).isEqualTo(neutral.target().targets().get(Attribute.LOUDNESS));
        assertThat(a.target().ranges().get(Attribute.LOUDNESS)).isEqualTo(neutral.target().ranges().get(Attribute.LOUDNESS));
    }

    @Test
    void theCallersLengthAndArcWin() {
        answerReply(reply());
        PromptAnalysis a = llm.interpret(PROMPT, CATALOG, 50, Arc.STEADY);
        assertThat(a.target().length()).isEqualTo(50);
        assertThat(a.target().arc()).isEqualTo(Arc.STEADY);
        assertThat(a.relaxed()).anySatisfy(s -> assertThat(s).contains("length 50"))
                .anySatisfy(s -> assertThat(s).contains("arc steady"));
    }

    @Test
    void rateLimitedFallsBackAndPausesCallsForRetryAfter() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                .withBody(ChatCompletions.error("Rate limit reached for test-model on requests per min (RPM): Limit 3, Used 3.",
                        "requests", "rate_limit_exceeded")));
        assertFellBack(PROMPT, "HTTP 429", "Rate limit reached", "Retry-After 30 s");
        PromptAnalysis again = assertFellBack("happy songs", "paused after HTTP 429", "not calling again");
        assertThat(again.target().targets().get(Attribute.VALENCE)).isGreaterThan(0.5);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void serverErrorFallsBack() {
        answer(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(ChatCompletions.error(
                "The server had an error while processing your request. Sorry about that!", "server_error", null)));
        assertFellBack(PROMPT, "HTTP 500", "server had an error");
        // no pause after a 500 without Retry-After: the next prompt calls again
        assertFellBack("sad", "HTTP 500");
        server.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void otherClientErrorsFallBack() {
        answer(aResponse().withStatus(401).withBody(ChatCompletions.error("Incorrect API key provided: sk-test-***.",
                "invalid_request_error", "invalid_api_key")));
        assertFellBack(PROMPT, "HTTP 401", "Incorrect API key");
        answer(aResponse().withStatus(404).withBody("<html>not found</html>"));
        assertFellBack(PROMPT, "HTTP 404");
    }

    @Test
    void slowServerTimesOutAndFallsBack() {
        llm = interpreter(Duration.ofMillis(300), server.port());
        answer(aResponse().withStatus(200).withFixedDelay(3000).withBody(completion(reply().toString())));
        long start = System.nanoTime();
        assertFellBack(PROMPT, "timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void refusedConnectionFallsBack() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        llm = interpreter(Duration.ofSeconds(2), closed);
        assertFellBack(PROMPT, "connection failed");
    }

    @Test
    void malformedBodiesFallBack() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choices\": [ {\"mess"));
        assertFellBack(PROMPT, "malformed response: not JSON");
        answer(aResponse().withStatus(200).withBody("{\"object\": \"chat.completion\", \"choices\": []}"));
        assertFellBack(PROMPT, "malformed response: no choices[0].message");
        answer(aResponse().withStatus(200).withBody(completion("Sure! Here is your playlist: calm jazz.")));
        assertFellBack(PROMPT, "malformed reply: the content is not JSON");
        answer(aResponse().withStatus(200).withBody(ChatCompletions.refusal("I'm sorry, I can't help with that.")));
        assertFellBack(PROMPT, "the model refused: I'm sorry");
        answer(aResponse().withStatus(200).withBody(ChatCompletions.cutOff()));
        assertFellBack(PROMPT, "cut off");
    }

    @Test
    void repliesThatBreakTheSchemaFallBack() {
        violation(r -> ((ObjectNode) r.get("targets")).put("valence", 1.7), "$.targets.valence: 1.7 is above the maximum 1.0");
        violation(r -> ((ObjectNode) r.get("targets")).put("tempo", 12), "$.targets.tempo: 12 is below the minimum");
        violation(r -> ((ObjectNode) r.get("targets")).put("energy", "high"), "$.targets.energy: expected [\"number\",\"null\"]");
        violation(r -> r.remove("meaningless"), "missing property 'meaningless'");
        violation(r -> r.put("mood", "calm"), "unexpected property 'mood'");
        violation(r -> ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("genres")).add("polka-core"),
                "$.genres[2]: \"polka-core\" is not one of");
        violation(r -> r.put("length", 500), "$.length: 500 is above the maximum 200");
        violation(r -> r.put("arc", "zigzag"), "$.arc: \"zigzag\" is not one of");
        violation(r -> r.put("length", 20.5), "$.length: expected [\"integer\",\"null\"]");
    }

    private void violation(Consumer<ObjectNode> breakIt, String reason) {
        ObjectNode r = reply();
        breakIt.accept(r);
        server.resetAll();
        answerReply(r);
        assertFellBack(PROMPT, "schema: ", reason);
    }

    @Test
    void badInputIsRejectedWithoutACall() {
        answerReply(reply());
        assertThatThrownBy(() -> llm.interpret(" ", CATALOG, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("prompt must not be empty");
        assertThatThrownBy(() -> llm.interpret("x".repeat(1001), CATALOG, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 1000 characters");
        assertThatThrownBy(() -> llm.interpret("calm", CATALOG, 201, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("length must be from 5 to 200, got 201");
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }
}
