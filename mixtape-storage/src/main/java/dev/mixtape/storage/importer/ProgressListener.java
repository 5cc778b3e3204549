package dev.mixtape.storage.importer;

/** Receives progress of a long operation as work done out of a total (in the operation's own unit). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> {};

    void progress(String phase, long done, long total);
}
