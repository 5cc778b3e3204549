package dev.mixtape.connectors.llm;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach an OpenAI-compatible chat-completions endpoint for prompt analysis.
 * Validated on construction; a bad value fails with a message naming it. {@link #toString()} never
 * shows the key.
 *
 * @param baseUrl absolute http(s) URL up to the API version, e.g. {@code https://api.openai.com/v1}
 *                or {@code http://localhost:11434/v1}; {@code /chat/completions} is appended
 * @param model   the model name sent with every request, e.g. {@code gpt-4o-mini}
 * @param apiKey  sent as {@code Authorization: Bearer <key>}; null or empty for servers that need none
 * @param timeout the whole call at most, from 100 ms to 60 s; past it the built-in model answers
 */
public record LlmConfig(URI baseUrl, String model, String apiKey, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public LlmConfig {
        if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("llm base URL must be an absolute http or https URL, got " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("llm base URL must not have a query or fragment, got " + baseUrl);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("llm model must not be blank");
        }
        if (apiKey != null && (apiKey.strip().length() != apiKey.length() || apiKey.contains("\n"))) {
            throw new IllegalArgumentException("llm api key must not have surrounding spaces or line breaks");
        }
        if (timeout == null || timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("llm timeout must be from 100 ms to 60 s, got " + timeout);
        }
    }

    /** The chat-completions endpoint: the base URL plus {@code /chat/completions}. */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (hasApiKey() ? "***" : "none")
                + ", timeout=" + timeout + "]";
    }
}
