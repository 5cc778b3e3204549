package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BPM matching, e.g. to a running cadence: the target is {@code params.bpm} (40–220), else the activity's
 * typical cadence (running 165, cycling 150, workout and gym 130, dance 124, walking 115), else the
 * seed track's tempo, else the listener's usual tempo: the median tempo of the tracks they like, each weighted
 * by {@link HistoryEntry#affinity} (rows at or below 0 and tracks without a tempo left out), kept within 40–220.
 * A track matches at its tempo, half or double (a 85 BPM track fits a 170 cadence), within a Gaussian of 6 BPM;
 * energetic contexts favour energy, and a seed track favours its sound. Stateless; thread-safe.
 */
public final class TempoStrategy implements Strategy {
    /** For a listener the listening model knows (and no seed track): how far the listener's collaborative neighbourhood counts against the tempo fit ({@link Neighbourhood}). */
    static final double PRIOR_WEIGHT = 0.5;
    static final Map<String, Double> CADENCE = Map.of("running", 165.0, "run", 165.0, "cycling", 150.0, "workout", 130.0,
            "gym", 130.0, "training", 130.0, "hiit", 140.0, "dance", 124.0, "dancing", 124.0, "walking", 115.0);

    private static final double[] MULTIPLES = {1, 0.5, 2};
    private final StrategyModels m;

    public TempoStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "tempo";
    }

    @Override
    public String description() {
        return "tempo matching a BPM (params.bpm), an activity's cadence, the seed track, or the listener's usual tempo";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("bpm");
    }

    @Override
    public void validate(StrategyRequest r) {
        if (target(r).bpm() < 0) {
            throw new InvalidRequestException("strategy tempo needs params.bpm (40-220), an activity with a cadence ("
                    + String.join(", ", new java.util.TreeSet<>(CADENCE.keySet())) + "), track_id, or user_id of a listener "
                    + "who has liked or played tracks" + (r.hasListener() ? " (listener '" + r.listener().listener().id()
                    + "' has none yet)" : ""));
        }
    }

    /** The BPM to match (-1 when neither the request nor the listener's history gives one), and whether it is the listener's usual tempo. */
    record Target(double bpm, boolean usual) {}

    Target target(StrategyRequest r) {
        String bpm = r.params().get("bpm");
        if (bpm != null) {
            double v;
            try {
                v = Double.parseDouble(bpm.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("params.bpm must be a number from 40 to 220, got '" + bpm + "'");
            }
            if (!(v >= 40 && v <= 220)) {
                throw new InvalidRequestException("params.bpm must be a number from 40 to 220, got " + bpm);
            }
            return new Target(v, false);
        }
        if (r.context().activity() != null && CADENCE.containsKey(r.context().activity())) {
            return new Target(CADENCE.get(r.context().activity()), false);
        }
        if (r.hasTrack()) {
            return new Target(m.catalog().value(Attribute.TEMPO, r.track()), false);
        }
        return new Target(r.hasListener() ? usualTempo(r.listener().history(), r.context().time().toInstant()) : -1, true);
    }

    /** The affinity-weighted median tempo of the liked tracks in {@code history}, within 40–220; -1 when there are none. */
    double usualTempo(List<HistoryEntry> history, Instant now) {
        double[] tempo = new double[history.size()];
        double[] weight = new double[history.size()];
        int count = 0;
        double total = 0;
        for (HistoryEntry h : history) {
            int t = m.catalog().indexOf(h.trackId());
            double w = t < 0 ? 0 : h.affinity(now);
            double bpm = t < 0 ? 0 : m.catalog().value(Attribute.TEMPO, t);
            if (w > 0 && bpm > 0) {
                tempo[count] = bpm;
                weight[count++] = w;
                total += w;
            }
        }
        if (count == 0) {
            return -1;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(tempo[a], tempo[b]));
        double seen = 0;
        for (int i : order) {
            seen += weight[i];
            if (seen >= total / 2) {
                return Math.max(40, Math.min(220, tempo[i]));
            }
        }
        return Math.max(40, Math.min(220, tempo[order[count - 1]]));
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        Target target = target(r);
        double bpm = target.bpm();
        float[] tempo = m.catalog().column(Attribute.TEMPO);
        float[] energy = m.catalog().column(Attribute.ENERGY);
        boolean energetic = r.context().energetic() || bpm >= 120;
        int n = m.catalog().size();
        float[] sim = null;
        if (r.hasTrack()) {
            sim = new float[n];
            m.space().distancesTo(m.space().points(), r.track() * FeatureSpace.DIMS, sim);
        }
        float[] score = new float[n];
        for (int t = 0; t < n; t++) {
            double best = 0;
            for (int i = 0; i < 3; i++) {
                double mult = MULTIPLES[i];
                double d = (tempo[t] - bpm * mult) / 6.0;
                if (d > -4 && d < 4) { // beyond 4 σ the match is under e^-16: skip the exp
                    best = Math.max(best, Math.exp(-d * d) * (i == 0 ? 1 : 0.85));
                }
            }
            double s = best * (energetic ? 0.6 + 0.4 * energy[t] : 1);
            if (sim != null) {
                s *= 0.4 + 0.6 * FeatureSpace.similarity(sim[t]);
            }
            score[t] = (float) (s + 0.0005 * m.catalog().popularity(t));
        }
        float[] keep = score.clone();
        java.util.function.IntFunction<String> why = t -> String.format(java.util.Locale.ROOT,
                target.usual() ? "%.0f BPM, near the %.0f BPM you usually play" : "%.0f BPM for your %.0f BPM target", tempo[t], bpm);
        Neighbourhood nb = Neighbourhood.of(m, r);
        if (nb != null) {
            return nb.rank(keep, PRIOR_WEIGHT, m.allowed(r, m.taste(r)), k, "tempo_fit", t -> nb.explain(why.apply(t), t));
        }
        int[] best = StrategyModels.top(score, k, m.allowed(r, m.taste(r)));
        List<Scored> out = new ArrayList<>(best.length);
        for (int t : best) {
            out.add(new Scored(t, keep[t], why.apply(t), Map.of("tempo_fit", (double) keep[t])));
        }
        return out;
    }
}
