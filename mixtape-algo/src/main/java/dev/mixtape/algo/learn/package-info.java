/**
 * Models learned from listening: the listener × artist matrix built from mixtape's own listening history
 * (and imported Last.fm listeners), the implicit-ALS model trained on it ({@link dev.mixtape.algo.learn.ListeningModel}),
 * and the fold-in that scores a listener's current history against it at request time
 * ({@link dev.mixtape.algo.learn.ArtistScores}). Training is {@link dev.mixtape.algo.learn.ListeningTrainer}; serving
 * reads an immutable model, so a retrained one can be swapped in while requests run.
 */
package dev.mixtape.algo.learn;
