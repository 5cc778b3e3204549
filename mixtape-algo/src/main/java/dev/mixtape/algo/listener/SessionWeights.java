package dev.mixtape.algo.listener;

/**
 * The blend of an established listener's picks: {@code history·H + personality·P + diversity·D +
 * novelty·N}, each component from 0 to 1, then multiplied by {@code 1 + adjustment} where the online
 * adjustment is bounded by {@code ±maxAdjustment}. The defaults are the documented 0.4/0.4/0.1/0.1 and
 * ±5%.
 */
public record SessionWeights(double history, double personality, double diversity, double novelty, double maxAdjustment) {
    public static final SessionWeights DEFAULT = new SessionWeights(0.4, 0.4, 0.1, 0.1, 0.05);

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
    }
}
