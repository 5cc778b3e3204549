package dev.mixtape.algo.strategy;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BPM matching, e.g. to a running cadence: the target is {@code params.bpm} (40–220), else the activity's
 * typical cadence (running 165, cycling 150, workout and gym 130, dance 124, walking 115, yoga 80), else the
 * seed track's tempo. A track matches at its tempo, half or double (a 85 BPM track fits a 170 cadence),
 * within a Gaussian of 6 BPM; energetic contexts favour energy, and a seed track favours its sound.
 */
public final class TempoStrategy implements Strategy {
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
        return "tempo matching a BPM (params.bpm), an activity's cadence, or the seed track";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("bpm");
    }

    @Override
    public void validate(StrategyRequest r) {
        if (target(r) < 0) {
            throw new InvalidRequestException("strategy tempo needs params.bpm (40-220), an activity with a cadence ("
                    + String.join(", ", new java.util.TreeSet<>(CADENCE.keySet())) + ") or track_id");
        }
    }

    double target(StrategyRequest r) {
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
            return v;
        }
        if (r.context().activity() != null && CADENCE.containsKey(r.context().activity())) {
            return CADENCE.get(r.context().activity());
        }
        return r.hasTrack() ? m.catalog().value(Attribute.TEMPO, r.track()) : -1;
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        double bpm = target(r);
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
        int[] best = StrategyModels.top(score, k, m.allowed(r, m.taste(r)));
        List<Scored> out = new ArrayList<>(best.length);
        for (int t : best) {
            out.add(new Scored(t, keep[t], String.format(java.util.Locale.ROOT, "%.0f BPM for your %.0f BPM target", tempo[t], bpm),
                    Map.of("tempo_fit", (double) keep[t])));
        }
        return out;
    }
}
