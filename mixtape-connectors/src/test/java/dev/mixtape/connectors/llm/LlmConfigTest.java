package dev.mixtape.connectors.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmConfigTest {
    private static final URI BASE = URI.create("https://api.openai.com/v1");

    @Test
    void appendsChatCompletionsToTheBase() {
        assertThat(new LlmConfig(BASE, "gpt-4o-mini", "sk-1", Duration.ofSeconds(3)).chatCompletions())
                .isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
        assertThat(new LlmConfig(URI.create("http://localhost:11434/v1/"), "llama3", null, Duration.ofSeconds(3))
                .chatCompletions()).isEqualTo(URI.create("http://localhost:11434/v1/chat/completions"));
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> new LlmConfig(URI.create("ftp://x/v1"), "m", null, Duration.ofSeconds(1)))
                .hasMessage("llm base URL must be an absolute http or https URL, got ftp://x/v1");
        assertThatThrownBy(() -> new LlmConfig(URI.create("/v1"), "m", null, Duration.ofSeconds(1)))
                .hasMessageContaining("absolute http or https URL, got /v1");
        assertThatThrownBy(() -> new LlmConfig(URI.create("https://x/v1?key=1"), "m", null, Duration.ofSeconds(1)))
                .hasMessageContaining("must not have a query");
        assertThatThrownBy(() -> new LlmConfig(BASE, " ", null, Duration.ofSeconds(1)))
                .hasMessage("llm model must not be blank");
        assertThatThrownBy(() -> new LlmConfig(BASE, "m", " sk-1", Duration.ofSeconds(1)))
                .hasMessageContaining("api key must not have surrounding spaces");
        assertThatThrownBy(() -> new LlmConfig(BASE, "m", null, Duration.ofMillis(50)))
                .hasMessage("llm timeout must be from 100 ms to 60 s, got PT0.05S");
        assertThatThrownBy(() -> new LlmConfig(BASE, "m", null, Duration.ofMinutes(2)))
                .hasMessage("llm timeout must be from 100 ms to 60 s, got PT2M");
        assertThatThrownBy(() -> new LlmConfig(BASE, "m", null, null)).hasMessageContaining("timeout");
    }

    @Test
    void neverShowsTheKey() {
        LlmConfig c = new LlmConfig(BASE, "gpt-4o-mini", "sk-secret-value", Duration.ofSeconds(3));
        assertThat(c.toString()).doesNotContain("sk-secret-value").contains("apiKey=***");
        assertThat(new LlmConfig(BASE, "m", "", Duration.ofSeconds(3)).hasApiKey()).isFalse();
    }
}
