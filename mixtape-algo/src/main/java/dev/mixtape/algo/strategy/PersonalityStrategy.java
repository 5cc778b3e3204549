package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.algo.personality.PersonalityMusicModel;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The listener's Big Five profile through the trait → music model (docs/LISTENERS.md). */
public final class PersonalityStrategy implements Strategy {
    /** For a listener the listening model knows (and no seed track): how far the listener's collaborative neighbourhood counts against the personality match ({@link Neighbourhood}). */
    static final double PRIOR_WEIGHT = 0.6;
    private final StrategyModels m;

    public PersonalityStrategy(StrategyModels m) {
        this.m = m;
    }

    @Override
    public String name() {
        return "personality";
    }

    @Override
    public String description() {
        return "fit to the listener's Big Five personality profile";
    }

    @Override
    public void validate(StrategyRequest r) {
        if (!r.hasListener()) {
            throw new InvalidRequestException("strategy personality needs user_id");
        }
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        if (r.listener().profile() == null) {
            throw new StrategyUnavailableException("listener has no personality profile (PUT /api/v1/users/{id}/personality)");
        }
        PersonalityMusicModel.Scorer s = m.personality().scorer(r.listener().profile().traits());
        float[] score = new float[m.catalog().size()];
        s.matchAll(score);
        for (int t = 0; t < score.length; t++) {
            score[t] += 0.001f * m.catalog().popularity(t);
        }
        float[] keep = score.clone();
        Neighbourhood nb = Neighbourhood.of(m, r);
        if (nb != null) {
            return nb.rank(keep, PRIOR_WEIGHT, m.allowed(r, m.taste(r)), k, "personality", t -> {
                String trait = s.mainTrait(t);
                return nb.explain(trait == null ? "Fits your personality profile" : "Fits your " + trait, t);
            });
        }
        int[] best = StrategyModels.top(score, k, m.allowed(r, m.taste(r)));
        List<Scored> out = new ArrayList<>(best.length);
        for (int t : best) {
            String trait = s.mainTrait(t);
            out.add(new Scored(t, keep[t], trait == null ? "Fits your personality profile" : "Fits your " + trait,
                    Map.of("personality", (double) keep[t])));
        }
        return out;
    }
}
