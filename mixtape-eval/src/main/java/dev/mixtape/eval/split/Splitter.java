package dev.mixtape.eval.split;

import dev.mixtape.eval.data.InteractionData;

/** Splits a dataset's positives into training and test. Implementations are immutable and thread-safe. */
public interface Splitter {
    Split split(InteractionData data);

    /**
     * A validation split carved from {@code outer}'s training side only, by this splitter's own
     * protocol and seed: tune on it, then retrain on all of {@code outer.train()}.
     */
    default Split validation(Split outer) {
        return split(outer.trainingData());
    }
}
