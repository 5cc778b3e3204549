package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.mood.MoodTarget;

/** The checks every {@link dev.mixtape.core.mood.PromptInterpreter} applies to its input before reading it. */
public final class PromptValidation {
    /** Longest prompt accepted, in characters (Unicode code points). */
    public static final int MAX_PROMPT_CHARS = 1000;

    private PromptValidation() {}

    /**
     * @throws InvalidRequestException naming the problem: a missing or blank prompt, one over
     *     {@value #MAX_PROMPT_CHARS} characters, or a length outside 5–200
     */
    public static void check(String prompt, Integer lengthOverride) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidRequestException("prompt must not be empty");
        }
        int chars = prompt.codePointCount(0, prompt.length());
        if (chars > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException("prompt must be at most " + MAX_PROMPT_CHARS + " characters, got " + chars);
        }
        if (lengthOverride != null && (lengthOverride < MoodTarget.MIN_LENGTH || lengthOverride > MoodTarget.MAX_LENGTH)) {
            throw new InvalidRequestException("length must be from " + MoodTarget.MIN_LENGTH + " to "
                    + MoodTarget.MAX_LENGTH + ", got " + lengthOverride);
        }
    }
}
