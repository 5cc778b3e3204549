package dev.mixtape.core.mood;

import dev.mixtape.core.Catalog;

/**
 * Port: turns a free-text prompt into a {@link PromptAnalysis} against a catalog (whose genres,
 * artists and tracks the prompt may name). Implementations must be thread-safe and must not throw
 * on odd prompts: a prompt with no musical meaning yields a default target, marked meaningless.
 */
public interface PromptInterpreter {
    /**
     * @param lengthOverride the caller's explicit length, or null to take it from the prompt (default 30)
     * @param arcOverride    the caller's explicit arc, or null to take it from the prompt (default PEAK)
     */
    PromptAnalysis interpret(String prompt, Catalog catalog, Integer lengthOverride, Arc arcOverride);
}
