package dev.mixtape.algo.listener;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import java.util.List;

/**
 * The online-learned adjustment of a listener's picks: a Beta–Bernoulli bandit with one arm per genre.
 * Every event on a track updates the arms of the track's genres with its reward (save or like 1, a full
 * play 0.5, a skip or dislike 0): a reward r adds r to the arm's α and 1 − r to its β, from a Beta(1, 1)
 * prior. The counters are the history rows' own (kept incrementally as events arrive), so the posterior
 * is current after every batch without a training step. A candidate's adjustment is
 * {@code maxAdjustment · mean over its genres of (2·E[θ] − 1)}: 0 for genres without feedback, toward
 * +max for liked genres, toward −max for skipped ones.
 *
 * <p>Why a bandit and not Q-learning: feedback is one reward per (listener, track) with no state
 * transitions to model, a listener gives few events, and the posterior mean of a Beta arm moves sensibly
 * from the first event on and is bounded by construction. Used greedily (posterior mean, not a sample),
 * so a session is reproducible; exploration is the exploration strategy's job.
 */
public final class GenreFeedback {
    private final double[] alpha;
    private final double[] beta;
    private final Catalog catalog;

    private GenreFeedback(Catalog catalog) {
        this.catalog = catalog;
        alpha = new double[catalog.genreCount()];
        beta = new double[catalog.genreCount()];
        java.util.Arrays.fill(alpha, 1);
        java.util.Arrays.fill(beta, 1);
    }

    /**
     * The reward of each kind of event, 0–1 (configurable: {@code exploration.rewards}). A reward r adds r to
     * α and 1 − r to β.
     */
    public record Rewards(double like, double save, double play, double skip, double dislike) {
        public static final Rewards DEFAULT = new Rewards(1, 1, 0.5, 0, 0);

        public Rewards {
            for (double r : new double[] {like, save, play, skip, dislike}) {
                if (!(r >= 0 && r <= 1)) {
                    throw new IllegalArgumentException("event rewards must be from 0 to 1, got " + r);
                }
            }
        }
    }

    /** The posterior after the listener's history with the default rewards. */
    public static GenreFeedback of(Catalog catalog, List<HistoryEntry> history) {
        return of(catalog, history, Rewards.DEFAULT);
    }

    /** The posterior after the listener's history (tracks unknown to the catalog are skipped). */
    public static GenreFeedback of(Catalog catalog, List<HistoryEntry> history, Rewards rw) {
        GenreFeedback f = new GenreFeedback(catalog);
        for (HistoryEntry h : history) {
            int t = catalog.indexOf(h.trackId());
            if (t < 0) {
                continue;
            }
            double ones = h.likes() * rw.like() + h.saves() * rw.save() + h.plays() * rw.play() + h.skips() * rw.skip()
                    + h.dislikes() * rw.dislike();
            double zeros = h.likes() * (1 - rw.like()) + h.saves() * (1 - rw.save()) + h.plays() * (1 - rw.play())
                    + h.skips() * (1 - rw.skip()) + h.dislikes() * (1 - rw.dislike());
            for (int g : catalog.trackGenres(t)) {
                f.alpha[g] += ones;
                f.beta[g] += zeros;
            }
        }
        return f;
    }

    /** The posterior mean reward of genre {@code g}. */
    public double mean(int g) {
        return alpha[g] / (alpha[g] + beta[g]);
    }

    /** The posterior's {α, β} for genre {@code g}. */
    public double[] posterior(int g) {
        return new double[] {alpha[g], beta[g]};
    }

    /** The adjustment of track {@code t}, within ±{@code max}. */
    public double adjustment(int t, double max) {
        int[] gs = catalog.trackGenres(t);
        if (gs.length == 0 || max == 0) {
            return 0;
        }
        double s = 0;
        for (int g : gs) {
            s += 2 * mean(g) - 1;
        }
        return Math.max(-max, Math.min(max, max * s / gs.length));
    }
}
