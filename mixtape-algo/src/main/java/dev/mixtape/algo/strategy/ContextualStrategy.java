package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.listener.Taste;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.playlist.TargetProfile;
import dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter;
import dev.mixtape.core.mood.PromptAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The moment: time of day, weekday or weekend, mood, activity and weather become feature targets. The
 * context is written as a short phrase ("rainy weekend morning, calm, cooking") and read by the same
 * built-in interpreter as playlist prompts, so every word it knows there works here; each track's fit to
 * the targets ranks it (times the similarity to the seed track, when there is one). The time comes from
 * the request's {@code user_context.time}, else from the request's own timestamp.
 */
public final class ContextualStrategy implements Strategy {
    /** For a listener the listening model knows (and no seed track): how far the listener's collaborative neighbourhood counts against the context fit ({@link Neighbourhood}). */
    static final double PRIOR_WEIGHT = 0.5;
    private final StrategyModels m;
    private final BuiltInPromptInterpreter interpreter = new BuiltInPromptInterpreter();
    /** Phrases whose catalog-wide fit is kept (360 KB each on the full catalog). */
    static final int MAX_PHRASES = 64;
    private final java.util.concurrent.ConcurrentHashMap<String, float[]> fits = new java.util.concurrent.ConcurrentHashMap<>();

    public ContextualStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "contextual";
    }

    @Override
    public String description() {
        return "time of day, weekday, mood, activity and weather turned into feature targets";
    }

    @Override
    public void validate(StrategyRequest r) {
        // every request has a context: at least its time
    }

    /** The phrase the context is read as. */
    static String phrase(UserContext c) {
        StringJoiner j = new StringJoiner(", ");
        String part = c.dayPart().wireName();
        j.add((c.weather() == null ? "" : c.weather() + " ") + (c.weekend() ? "weekend " : "") + part);
        if (c.mood() != null) {
            j.add(c.mood());
        }
        if (c.activity() != null) {
            j.add(c.activity());
        }
        return j.toString();
    }

    /** Each track's fit to what the phrase reads as: 0 when excluded, else fit × (0.7 + 0.3 × genre match). */
    private float[] fit(String phrase) {
        PromptAnalysis a = interpreter.interpret(phrase, m.catalog(), null, null);
        TargetProfile target = new TargetProfile(a.target(), m.space(), m.genres(), m.catalogMean());
        float[] fit = new float[m.catalog().size()];
        for (int t = 0; t < fit.length; t++) {
            fit[t] = target.excluded(t) ? 0f : target.fit(t) * (0.7f + 0.3f * target.genreMatch(t));
        }
        return fit;
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        String phrase = phrase(r.context());
        // contexts repeat (day parts × moods × activities × weather): each phrase's fit over the catalog is computed once
        float[] fit = fits.computeIfAbsent(phrase, this::fit);
        if (fits.size() > MAX_PHRASES) {
            fits.clear();
        }
        int n = m.catalog().size();
        float[] score = new float[n];
        float[] sim = null;
        if (r.hasTrack()) {
            sim = new float[n];
            m.space().distancesTo(m.space().points(), r.track() * FeatureSpace.DIMS, sim);
        }
        for (int t = 0; t < n; t++) {
            float f = fit[t];
            if (sim != null) {
                f *= 0.3f + 0.7f * (sim[t] > ContentStrategy.FAR ? 0f : FeatureSpace.similarity(sim[t]));
            }
            // a little popularity, so that ties between equally fitting tracks go to known ones
            score[t] = f + 0.0005f * m.catalog().popularity(t);
        }
        float[] keep = score.clone();
        Taste taste = m.taste(r);
        String why = "Fits a " + phrase;
        Neighbourhood nb = Neighbourhood.of(m, r);
        if (nb != null) {
            return nb.rank(keep, PRIOR_WEIGHT, m.allowed(r, taste), k, "context_fit", t -> nb.explain(why, t));
        }
        int[] best = StrategyModels.top(score, k, m.allowed(r, taste));
        List<Scored> out = new ArrayList<>(best.length);
        for (int t : best) {
            out.add(new Scored(t, keep[t], why, Map.of("context_fit", (double) keep[t])));
        }
        return out;
    }
}
