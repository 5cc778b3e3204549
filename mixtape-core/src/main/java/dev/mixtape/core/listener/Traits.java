package dev.mixtape.core.listener;

import dev.mixtape.core.InvalidRequestException;

/**
 * Big Five trait scores, each from 0 (lowest) to 1 (highest). Neuroticism is kept as neuroticism
 * (inventories keyed as Emotional Stability are converted).
 */
public record Traits(double openness, double conscientiousness, double extraversion, double agreeableness,
                     double neuroticism) {
    public static final Traits NEUTRAL = new Traits(0.5, 0.5, 0.5, 0.5, 0.5);
    public static final String[] NAMES = {"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"};

    public Traits {
        check("openness", openness);
        check("conscientiousness", conscientiousness);
        check("extraversion", extraversion);
        check("agreeableness", agreeableness);
        check("neuroticism", neuroticism);
    }

    private static void check(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new InvalidRequestException("traits." + name + " must be from 0 to 1, got " + v);
        }
    }

    /** The scores in {@link #NAMES} order. */
    public double[] toArray() {
        return new double[] {openness, conscientiousness, extraversion, agreeableness, neuroticism};
    }

    public static Traits of(double[] v) {
        return new Traits(v[0], v[1], v[2], v[3], v[4]);
    }
}
