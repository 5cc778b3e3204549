package dev.mixtape.algo.learn;

import dev.mixtape.algo.cf.ImplicitAlsConfig;

/**
 * How listening becomes the training matrix, and how the model is trained.
 *
 * <p>A listener's value for an artist sums the history rows of the artist's tracks (primary artist):
 * {@code pos = decayed plays + likes + saves}, {@code neg = ½·skips + 2·dislikes}. An artist with
 * {@code pos − neg ≤ 0} is left out (skipped or disliked more than played); otherwise its value is
 * {@code (pos − neg) / pos} (skips and dislikes lower the confidence), times {@code 1 + likeBonus} when the
 * listener liked or saved one of its tracks, times {@code 0.5^(age / halfLifeDays)} where age is the time since
 * the listener's last event on that artist. iALS turns a value v into the confidence {@code 1 + α·v}. An
 * imported Last.fm listener's artists all have value 1.
 *
 * @param als           the iALS settings (default 64 factors, 15 iterations, α 10, λ 50: the values tuned on
 *                      Last.fm 2k in docs/EVALUATION.md)
 * @param likeBonus     extra value for an artist the listener liked or saved (default 1: twice a played one)
 * @param halfLifeDays  recency half-life of a listener's interest in an artist (default 365; 0 turns decay off)
 * @param holdout       share of each validation listener's artists held out to measure the model (default 0.2)
 * @param validationUsers listeners (with at least 5 artists) held out from, at most (default 500; 0 skips validation)
 * @param seed          seed of the validation sample (default 42)
 */
public record ListeningConfig(ImplicitAlsConfig als, double likeBonus, double halfLifeDays, double holdout,
                              int validationUsers, long seed) {
    public ListeningConfig {
        if (als == null) {
            throw new IllegalArgumentException("als settings are required");
        }
        if (!(likeBonus >= 0) || Double.isInfinite(likeBonus)) {
            throw new IllegalArgumentException("likeBonus must be finite and >= 0, got " + likeBonus);
        }
        if (!(halfLifeDays >= 0) || Double.isInfinite(halfLifeDays)) {
            throw new IllegalArgumentException("halfLifeDays must be finite and >= 0 (0: no decay), got " + halfLifeDays);
        }
        if (!(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("holdout must be between 0 and 1 exclusive, got " + holdout);
        }
        if (validationUsers < 0) {
            throw new IllegalArgumentException("validationUsers must not be negative, got " + validationUsers);
        }
    }

    public static ListeningConfig defaults() {
        return new ListeningConfig(ImplicitAlsConfig.defaults().withAlpha(10).withRegularization(50), 1.0, 365, 0.2, 500, 42);
    }

    public ListeningConfig withAls(ImplicitAlsConfig value) {
        return new ListeningConfig(value, likeBonus, halfLifeDays, holdout, validationUsers, seed);
    }

    public ListeningConfig withValidationUsers(int value) {
        return new ListeningConfig(als, likeBonus, halfLifeDays, holdout, value, seed);
    }

    public ListeningConfig withHalfLifeDays(double value) {
        return new ListeningConfig(als, likeBonus, value, holdout, validationUsers, seed);
    }
}
