/**
 * Collaborative filtering over implicit feedback: users × items interactions in an
 * {@link dev.mixtape.algo.cf.InteractionMatrix} (dense int indices; callers map their public ids).
 *
 * <p>Each algorithm is a {@code *Config} record (documented defaults, validated on construction), a
 * {@code *Trainer} implementing {@link dev.mixtape.algo.cf.Trainer} and an immutable, thread-safe
 * {@code *Model} implementing {@link dev.mixtape.algo.cf.UserScorer} (dense scores over all items) and
 * {@link dev.mixtape.algo.cf.PersistentModel}; {@link dev.mixtape.algo.cf.TopN} turns scores into a
 * ranking without the user's training items.
 * <ul>
 *   <li>{@link dev.mixtape.algo.cf.MostPopularTrainer}: users per item;</li>
 *   <li>{@link dev.mixtape.algo.cf.ItemKnnTrainer}: cosine item-item similarity with shrinkage, top-k
 *       neighbours per item;</li>
 *   <li>{@link dev.mixtape.algo.cf.Rp3betaTrainer}: three-step random walk with a popularity penalty;</li>
 *   <li>{@link dev.mixtape.algo.cf.EaseTrainer}: closed-form shallow autoencoder, dense over the
 *       modelled items (memory and time grow as n² and n³; see {@link dev.mixtape.algo.cf.EaseConfig});</li>
 *   <li>{@link dev.mixtape.algo.cf.ImplicitAlsTrainer}: confidence-weighted matrix factorisation with
 *       conjugate-gradient solves.</li>
 * </ul>
 * Randomness (iALS initialisation) comes from the config's seed, and multithreaded training gives the
 * same model for any thread count. {@link dev.mixtape.algo.cf.ModelArtifacts} saves and loads models
 * as versioned files (magic number, format version, config, data, CRC-32).
 *
 * <p>Serving: {@link dev.mixtape.algo.cf.ArtistNeighbours} holds, per catalog artist, the artists its
 * listeners also play and leads from them to tracks, whatever model filled it (today item-kNN trained on
 * Last.fm artists, saved with its artist mapping by {@link dev.mixtape.algo.cf.ArtistModelFiles}).
 */
package dev.mixtape.algo.cf;
