package dev.mixtape.algo.listener;

/**
 * The blend of an established listener's picks: {@code history·H + personality·P + diversity·D +
 * novelty·N}, each component from 0 to 1, then multiplied by {@code 1 + adjustment} where the online
 * adjustment is bounded by {@code ±maxAdjustment}. With a listening model, H is {@code modelShare} × the model's score
 * for the track's artist + the rest × audio similarity to the listener's profile.
 *
 * <p>{@link #DEFAULT} is the blend fitted on the replay evaluation's validation listeners (docs/EVALUATION.md, "Fitted
 * session blend"); {@link #SEED} is the S-B seed's documented 0.4/0.4/0.1/0.1, kept as a named configuration.
 */
public record SessionWeights(double history, double personality, double diversity, double novelty, double maxAdjustment,
                             double modelShare) {
    /** The share of the history score that comes from the listening model in the S-B seed's blend. */
    public static final double SEED_MODEL_SHARE = 0.85;
    /** The S-B seed's blend: 0.4 history, 0.4 personality, 0.1 diversity, 0.1 novelty, ±5%. */
    public static final SessionWeights SEED = new SessionWeights(0.4, 0.4, 0.1, 0.1, 0.05, SEED_MODEL_SHARE);
    /**
     * Fitted by {@code mixtape eval replay --users 300 --seed 42} on its 150 validation listeners (Recall@50 0.547 with
     * {@link #SEED} → 0.567; on the 300 test listeners 0.516 → 0.523): no novelty term, and the listening model's
     * share of the history score raised to 0.95. Personality keeps the seed's equal share with history (the replay's
     * listeners have no profiles, so it could not be fitted).
     */
    public static final SessionWeights DEFAULT = new SessionWeights(0.45, 0.45, 0.1, 0.0, 0.05, 0.95);

    public SessionWeights {
        for (double w : new double[] {history, personality, diversity, novelty}) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("session weights must be from 0 to 1, got " + w);
            }
        }
        if (history + personality + diversity + novelty <= 0) {
            throw new IllegalArgumentException("at least one session weight must be positive");
        }
        if (!(maxAdjustment >= 0 && maxAdjustment <= 0.5)) {
            throw new IllegalArgumentException("the online adjustment bound must be from 0 to 0.5, got " + maxAdjustment);
        }
        if (!(modelShare >= 0 && modelShare <= 1)) {
            throw new IllegalArgumentException("the listening model's share of the history score must be from 0 to 1, got " + modelShare);
        }
    }

    public SessionWeights(double history, double personality, double diversity, double novelty, double maxAdjustment) {
        this(history, personality, diversity, novelty, maxAdjustment, SEED_MODEL_SHARE);
    }

    public SessionWeights withBlend(double history, double personality, double diversity, double novelty, double modelShare) {
        return new SessionWeights(history, personality, diversity, novelty, maxAdjustment, modelShare);
    }
}
