package dev.mixtape.app.server;

import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.algo.playlist.PlaylistRequest;
import dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.core.mood.PromptInterpreter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Mood-to-playlist end to end: prompt analysis (phase 1, timed here), then the
 * {@link dev.mixtape.algo.playlist.PlaylistGenerator} of the current engine (phases 2–6). Used by the
 * HTTP endpoint and the CLI alike. Thread-safe.
 */
public final class PlaylistService {
    /** The seed used when the caller gives none: the same prompt then gives the same playlist. */
    public static final long DEFAULT_SEED = 0L;
    /** The attributes a playlist aims at, which a caller may set directly instead of through the prompt. */
    public static final java.util.Set<Attribute> OVERRIDABLE = java.util.Set.copyOf(java.util.EnumSet.of(Attribute.VALENCE,
            Attribute.ENERGY, Attribute.DANCEABILITY, Attribute.ACOUSTICNESS, Attribute.INSTRUMENTALNESS, Attribute.SPEECHINESS,
            Attribute.TEMPO, Attribute.LOUDNESS));

    private final PromptInterpreter interpreter;

    public PlaylistService(PromptInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    public PromptInterpreter interpreter() {
        return interpreter;
    }

    /** The interpreter, with {@code overrides} replacing the targets it reads (as {@link #generate} applies them). */
    public PromptInterpreter interpreter(Map<Attribute, Double> overrides) {
        return overrides.isEmpty() ? interpreter
                : (prompt, catalog, length, arc) -> withTargets(interpreter.interpret(prompt, catalog, length, arc), overrides);
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
        return generate(engine, prompt, length, arc, seed, Map.of());
    }

    /**
     * As {@link #generate(Engine, String, Integer, Arc, Long)}, with {@code overrides} replacing the targets the
     * prompt implies for those attributes (any soft range the prompt set on them is dropped: the caller's value wins).
     */
    public Result generate(Engine engine, String prompt, Integer length, Arc arc, Long seed, Map<Attribute, Double> overrides) {
        long start = System.nanoTime();
        PromptAnalysis analysis = interpreter.interpret(prompt, engine.catalog(), length, arc);
        if (!overrides.isEmpty()) {
            analysis = withTargets(analysis, overrides);
        }
        double analysisMs = (System.nanoTime() - start) / 1e6;
        Playlist playlist = engine.playlists().generate(
                new PlaylistRequest(analysis.target(), seed == null ? DEFAULT_SEED : seed));
        return new Result(analysis, playlist, analysisMs);
    }

    private static PromptAnalysis withTargets(PromptAnalysis a, Map<Attribute, Double> overrides) {
        MoodTarget t = a.target();
        Map<Attribute, Double> targets = new EnumMap<>(Attribute.class);
        targets.putAll(t.targets());
        targets.putAll(overrides);
        Map<Attribute, MoodTarget.Range> ranges = new EnumMap<>(Attribute.class);
        ranges.putAll(t.ranges());
        overrides.keySet().forEach(ranges::remove);
        MoodTarget changed = new MoodTarget(targets, ranges, t.genres(), t.excludedGenres(), t.artists(), t.excludedArtists(),
                t.tracks(), t.allowExplicit(), t.length(), t.arc());
        java.util.List<PromptAnalysis.Phrase> recognised = new java.util.ArrayList<>(a.recognised());
        overrides.forEach((attr, v) -> recognised.add(new PromptAnalysis.Phrase(attr.wireName(), "override",
                attr.wireName() + " set to " + (v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v)))));
        return new PromptAnalysis(a.prompt(), changed, a.interpreter(), recognised, a.notUnderstood(), a.unknown(), a.relaxed(),
                a.meaningless(), a.fallback());
    }
}
