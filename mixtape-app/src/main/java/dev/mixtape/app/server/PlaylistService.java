package dev.mixtape.app.server;

import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.algo.playlist.PlaylistRequest;
import dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.core.mood.PromptInterpreter;

/**
 * Mood-to-playlist end to end: prompt analysis (phase 1, timed here), then the
 * {@link dev.mixtape.algo.playlist.PlaylistGenerator} of the current engine (phases 2–6). Used by the
 * HTTP endpoint and the CLI alike. Thread-safe.
 */
public final class PlaylistService {
    /** The seed used when the caller gives none: the same prompt then gives the same playlist. */
    public static final long DEFAULT_SEED = 0L;

    private final PromptInterpreter interpreter;

    public PlaylistService(PromptInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    public PromptInterpreter interpreter() {
        return interpreter;
    }

    public static PlaylistService builtIn() {
        return new PlaylistService(new BuiltInPromptInterpreter());
    }

    /** A playlist with how its prompt was read and how long prompt analysis took. */
    public record Result(PromptAnalysis analysis, Playlist playlist, double analysisMs) {
        public double totalMs() {
            return analysisMs + playlist.timings().totalMs();
        }
    }

    /**
     * @param length null to take it from the prompt (default 30)
     * @param arc    null to take it from the prompt (default peak)
     * @param seed   null for {@link #DEFAULT_SEED}
     */
    public Result generate(Engine engine, String prompt, Integer length, Arc arc, Long seed) {
        long start = System.nanoTime();
        PromptAnalysis analysis = interpreter.interpret(prompt, engine.catalog(), length, arc);
        double analysisMs = (System.nanoTime() - start) / 1e6;
        Playlist playlist = engine.playlists().generate(
                new PlaylistRequest(analysis.target(), seed == null ? DEFAULT_SEED : seed));
        return new Result(analysis, playlist, analysisMs);
    }
}
