package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * RP³β scores: {@code score_u = x_u · W}, the user's (binarised or raw) interactions times the kept
 * item → item weights. Keeps the training interactions to know each user's items.
 *
 * <p>Memory: about 8 bytes per kept weight plus the interactions. Immutable and thread-safe.
 */
public final class Rp3betaModel implements PersistentModel {
    static final int MAGIC = 0x4D585233; // "MXR3"
    static final int VERSION = 1;

    private final Rp3betaConfig config;
    private final InteractionMatrix interactions;
    private final SparseItemMatrix weights;

    Rp3betaModel(Rp3betaConfig config, InteractionMatrix interactions, SparseItemMatrix weights) {
        this.config = config;
        this.interactions = interactions;
        this.weights = weights;
    }

    public Rp3betaConfig config() {
        return config;
    }

    /** Row {@code i}: the kept weights from item {@code i} to other items. */
    public SparseItemMatrix weights() {
        return weights;
    }

    /** The interactions the model scores users by (binarised when the config says so). */
    public InteractionMatrix interactions() {
        return interactions;
    }

    @Override
    public int items() {
        return interactions.items();
    }

    @Override
    public void score(int user, float[] out) {
        ItemItemScoring.score(interactions, weights, user, out);
    }

    /**
     * Scores for a user with the given history (not necessarily one seen in training): item indices
     * and their values, read as 1 when the model binarises.
     */
    public void scoreHistory(int[] items, float[] values, float[] out) {
        ItemItemScoring.scoreHistory(weights, items(), config.binarise(), items, values, out);
    }

    @Override
    public void writeTo(DataOutputStream out) throws IOException {
        ModelIo.writeHeader(out, MAGIC, VERSION);
        out.writeDouble(config.alpha());
        out.writeDouble(config.beta());
        out.writeInt(config.neighbours());
        out.writeBoolean(config.binarise());
        out.writeInt(config.threads());
        ModelIo.writeMatrix(out, interactions);
        weights.writeTo(out);
    }

    /** Reads a model written by {@link #writeTo}. */
    public static Rp3betaModel readFrom(DataInputStream in) throws IOException {
        ModelIo.readHeader(in, MAGIC, VERSION, "RP3beta");
        double alpha = in.readDouble();
        double beta = in.readDouble();
        int k = in.readInt();
        boolean binarise = in.readBoolean();
        int threads = in.readInt();
        Rp3betaConfig config = ModelIo.config(() -> new Rp3betaConfig(alpha, beta, k, binarise, threads), "RP3beta");
        InteractionMatrix interactions = ModelIo.readMatrix(in);
        SparseItemMatrix weights = SparseItemMatrix.readFrom(in);
        if (weights.items() != interactions.items()) {
            throw new IOException("RP3beta artifact: " + weights.items() + " items in the weights, "
                    + interactions.items() + " in the interactions");
        }
        return new Rp3betaModel(config, interactions, weights);
    }
}
