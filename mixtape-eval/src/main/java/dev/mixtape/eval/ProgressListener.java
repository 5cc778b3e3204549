package dev.mixtape.eval;

/**
 * Told how far an evaluation has got: {@code done} of {@code total} users. Called from the
 * evaluation's worker threads, about a hundred times per run and once at the end: implementations
 * must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> {};

    void progress(int done, int total);
}
