package dev.mixtape.core.mood;

import java.util.List;

/**
 * How a prompt was read: the resulting {@link MoodTarget}, every recognised phrase with its effect,
 * and what was not understood, so the reading can be shown to the person who wrote the prompt.
 *
 * @param interpreter    which interpreter produced it ("built-in", or "llm:&lt;model&gt;")
 * @param recognised     phrases found in the prompt and what each did
 * @param notUnderstood  words or phrases that had no effect
 * @param unknown        artists or tracks mentioned but not found in the catalog
 * @param relaxed        constraints that contradicted each other, and how they were relaxed
 * @param meaningless    true when nothing musical was recognised (a default playlist follows)
 * @param fallback       why the preferred interpreter was not used and this one answered instead
 *                       (e.g. "llm:gpt-4o-mini: HTTP 429, retry after 20 s"), or null when it was used
 */
public record PromptAnalysis(String prompt, MoodTarget target, String interpreter, List<Phrase> recognised,
                             List<String> notUnderstood, List<String> unknown, List<String> relaxed,
                             boolean meaningless, String fallback) {
    public PromptAnalysis {
        recognised = List.copyOf(recognised);
        notUnderstood = List.copyOf(notUnderstood);
        unknown = List.copyOf(unknown);
        relaxed = List.copyOf(relaxed);
    }

    /** An analysis by the interpreter that was asked (no fallback). */
    public PromptAnalysis(String prompt, MoodTarget target, String interpreter, List<Phrase> recognised,
                          List<String> notUnderstood, List<String> unknown, List<String> relaxed, boolean meaningless) {
        this(prompt, target, interpreter, recognised, notUnderstood, unknown, relaxed, meaningless, null);
    }

    /** This analysis, marked as a fallback: {@code reason} says why the preferred interpreter was not used. */
    public PromptAnalysis withFallback(String reason) {
        return new PromptAnalysis(prompt, target, interpreter, recognised, notUnderstood, unknown, relaxed,
                meaningless, reason);
    }

    /** One recognised phrase, e.g. {@code "rainy"} → {@code "valence -0.15, acousticness +0.2"}. */
    public record Phrase(String text, String kind, String effect) {}
}
