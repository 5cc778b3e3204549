package dev.mixtape.connectors.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.playlist.prompt.PromptValidation;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.core.mood.PromptInterpreter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompt analysis by an OpenAI-compatible chat-completions endpoint ({@code POST {base}/chat/completions})
 * with a strict JSON schema ({@link MoodTargetSchema}), falling back to another interpreter — the
 * built-in mood model — on any failure: a timeout, a refused connection, an HTTP error (a 429 also
 * pauses calls until its {@code Retry-After} has passed), a body that is not the chat-completions
 * shape, a refusal, a reply cut short, or JSON that breaks the schema or names a genre the catalog
 * lacks. The analysis says which interpreter produced it ({@code llm:<model>} or the fallback's name)
 * and, after a fallback, why ({@link PromptAnalysis#fallback()}). Invalid input (an empty prompt, a
 * bad length) is rejected before any call, as the built-in interpreter rejects it.
 *
 * <p>Thread-safe: the HTTP client and JSON mapper are shared; the only mutable state is the
 * rate-limit pause, a volatile deadline.
 */
public final class LlmPromptInterpreter implements PromptInterpreter {
    private static final Logger LOG = LoggerFactory.getLogger(LlmPromptInterpreter.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_ERROR_TEXT = 200;

    private final LlmConfig config;
    private final PromptInterpreter fallback;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final String name;
    private volatile long pausedUntilNanos;
    private volatile String pauseReason;

    public LlmPromptInterpreter(LlmConfig config, PromptInterpreter fallback) {
        this(config, fallback, HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public LlmPromptInterpreter(LlmConfig config, PromptInterpreter fallback, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.http = Objects.requireNonNull(http, "http");
        this.name = "llm:" + config.model();
    }

    @Override
    public PromptAnalysis interpret(String prompt, Catalog catalog, Integer lengthOverride, Arc arcOverride) {
        PromptValidation.check(prompt, lengthOverride);
        Objects.requireNonNull(catalog, "catalog");
        String reason;
        try {
            JsonNode reply = call(prompt, catalog);
            return MoodTargetReply.read(reply, prompt, catalog, lengthOverride, arcOverride, name);
        } catch (LlmFailure e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            // whatever else a reply can provoke must not fail the request either
            LOG.warn("{}: unexpected error reading the reply", name, e);
            reason = "unexpected error: " + shorten(String.valueOf(e));
        }
        LOG.warn("{} failed, falling back: {}", name, reason);
        return fallback.interpret(prompt, catalog, lengthOverride, arcOverride).withFallback(name + ": " + reason);
    }

    /** The model's reply, checked against the schema. */
    private JsonNode call(String prompt, Catalog catalog) throws LlmFailure {
        long now = System.nanoTime();
        if (now - pausedUntilNanos < 0) {
            throw new LlmFailure(pauseReason + "; not calling again for another "
                    + TimeUnit.NANOSECONDS.toSeconds(pausedUntilNanos - now + 999_999_999) + " s");
        }
        ObjectNode schema = MoodTargetSchema.schema(json, catalog);
        HttpResponse<String> response = send(body(prompt, catalog, schema));
        if (response.statusCode() / 100 != 2) {
            throw new LlmFailure(httpError(response));
        }
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new LlmFailure("malformed response: not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode message = root.path("choices").path(0).path("message");
        if (!message.isObject()) {
            throw new LlmFailure("malformed response: no choices[0].message");
        }
        if (message.hasNonNull("refusal")) {
            throw new LlmFailure("the model refused: " + shorten(message.get("refusal").asText()));
        }
        if ("length".equals(root.path("choices").path(0).path("finish_reason").asText())) {
            throw new LlmFailure("the reply was cut off (finish_reason length)");
        }
        if (!message.path("content").isTextual()) {
            throw new LlmFailure("malformed response: choices[0].message.content is not a string");
        }
        JsonNode reply;
        try {
            reply = json.readTree(message.get("content").asText());
        } catch (JsonProcessingException e) {
            throw new LlmFailure("malformed reply: the content is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (reply == null || reply.isMissingNode()) {
            throw new LlmFailure("malformed reply: the content is empty");
        }
        StrictSchema.validate(schema, reply, "$");
        return reply;
    }

    private String body(String prompt, Catalog catalog, ObjectNode schema) {
        ObjectNode body = json.createObjectNode().put("model", config.model()).put("temperature", 0);
        body.putArray("messages")
                .add(json.createObjectNode().put("role", "system").put("content", MoodTargetSchema.instructions(catalog)))
                .add(json.createObjectNode().put("role", "user").put("content", prompt));
        body.set("response_format", MoodTargetSchema.responseFormat(json, schema));
        return body.toString();
    }

    private HttpResponse<String> send(String body) throws LlmFailure {
        HttpRequest.Builder req = HttpRequest.newBuilder(config.chatCompletions())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (config.hasApiKey()) {
            req.header("Authorization", "Bearer " + config.apiKey());
        }
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofString());
        try {
            return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new LlmFailure("timed out after " + config.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmFailure("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new LlmFailure("timed out after " + config.timeout().toMillis() + " ms");
            }
            if (cause instanceof IOException) {
                throw new LlmFailure("connection failed: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + shorten(cause.getMessage())));
            }
            throw new LlmFailure("request failed: " + cause);
        }
    }

    private String httpError(HttpResponse<String> response) {
        int status = response.statusCode();
        String reason = "HTTP " + status;
        String message = null;
        try {
            message = json.readTree(response.body()).path("error").path("message").asText(null);
        } catch (JsonProcessingException | RuntimeException e) {
            // not the usual {"error":{"message":...}} shape; the status says enough
        }
        if (message != null && !message.isBlank()) {
            reason += ": " + shorten(message);
        }
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null));
        if (status == 429 || retryAfter != null) {
            Duration pause = retryAfter == null ? Duration.ofSeconds(1) : retryAfter.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : retryAfter;
            reason += " (Retry-After " + pause.toSeconds() + " s)";
            pauseReason = "paused after " + reason;
            pausedUntilNanos = System.nanoTime() + pause.toNanos();
        }
        return reason;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > MAX_ERROR_TEXT ? one.substring(0, MAX_ERROR_TEXT - 3) + "..." : one;
    }

    public LlmConfig config() {
        return config;
    }
}
