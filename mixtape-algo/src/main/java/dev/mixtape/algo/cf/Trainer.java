package dev.mixtape.algo.cf;

/**
 * Builds an immutable model from training interactions. Every source of randomness is seeded from
 * the trainer's config, so the same data and config give the same model.
 *
 * @param <M> the model type
 */
@FunctionalInterface
public interface Trainer<M extends UserScorer> {
    M train(InteractionMatrix train);
}
