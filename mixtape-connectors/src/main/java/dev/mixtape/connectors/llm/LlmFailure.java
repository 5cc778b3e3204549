package dev.mixtape.connectors.llm;

/** Why the LLM gave no usable analysis; the message becomes the analysis's fallback reason. */
final class LlmFailure extends Exception {
    LlmFailure(String reason) {
        super(reason);
    }
}
