package dev.mixtape.algo.cf;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A model that can be saved as a versioned artifact. {@link #writeTo} writes a magic number naming
 * the model type, a format version, the model's config and its data; each model class reads it back
 * with its static {@code readFrom(DataInputStream)}, and {@link ModelArtifacts} saves and loads by name.
 */
public interface PersistentModel extends UserScorer {
    /** Writes this model (magic, format version, config, data); does not close or flush {@code out}. */
    void writeTo(DataOutputStream out) throws IOException;
}
