package dev.mixtape.algo.cf;

/**
 * A trained collaborative-filtering model seen from serving: it scores every item for a user.
 * Implementations are immutable models ({@code *Model}) built by a {@code *Trainer}; they must be
 * thread-safe, and they must not rely on callers clearing {@code out}.
 *
 * <p>A score of {@link Float#NEGATIVE_INFINITY} means the model cannot recommend that item (an
 * item left out of the model, for instance); {@link TopN} never returns such items.
 */
public interface UserScorer {
    /** Number of items the model scores (the width of {@code out}). */
    int items();

    /** Writes a score for every item into {@code out} (length ≥ {@link #items()}); higher is better. */
    void score(int user, float[] out);
}
