package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Item-kNN scores: item {@code i} scores {@code Σ_{j ∈ N(i) ∩ I(u)} sim(i, j) · x_uj}, where
 * {@code N(i)} are the neighbours {@code i} kept and {@code x_uj} is 1 (binarised) or the value. It
 * keeps the training interactions to know each user's items, and the transposed neighbour lists so
 * that a score pass touches only the user's items' entries.
 *
 * <p>Memory: about 8 bytes per kept similarity, twice, plus the interactions. Immutable and thread-safe.
 */
public final class ItemKnnModel implements PersistentModel {
    static final int MAGIC = 0x4D58494B; // "MXIK"
    static final int VERSION = 1;

    private final ItemKnnConfig config;
    private final InteractionMatrix interactions;
    private final SparseItemMatrix neighbours;
    /** Row j: the items i that keep j as a neighbour, with sim(i, j). */
    private final SparseItemMatrix propagation;

    ItemKnnModel(ItemKnnConfig config, InteractionMatrix interactions, SparseItemMatrix neighbours) {
        this.config = config;
        this.interactions = interactions;
        this.neighbours = neighbours;
        this.propagation = neighbours.transpose();
    }

    public ItemKnnConfig config() {
        return config;
    }

    /** Row {@code i}: the neighbours item {@code i} kept, with their similarities. */
    public SparseItemMatrix neighbours() {
        return neighbours;
    }

    /** The kept similarity of {@code j} as a neighbour of {@code i}; 0 when not kept. */
    public float similarity(int i, int j) {
        return neighbours.get(i, j);
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
        ItemItemScoring.score(interactions, propagation, user, out);
    }

    /**
     * Scores for a user with the given history (not necessarily one seen in training): item indices
     * and their values, read as 1 when the model binarises.
     */
    public void scoreHistory(int[] items, float[] values, float[] out) {
        ItemItemScoring.scoreHistory(propagation, items(), config.binarise(), items, values, out);
    }

    @Override
    public void writeTo(DataOutputStream out) throws IOException {
        ModelIo.writeHeader(out, MAGIC, VERSION);
        out.writeInt(config.neighbours());
        out.writeDouble(config.shrink());
        out.writeBoolean(config.binarise());
        out.writeInt(config.threads());
        ModelIo.writeMatrix(out, interactions);
        neighbours.writeTo(out);
    }

    /** Reads a model written by {@link #writeTo}. */
    public static ItemKnnModel readFrom(DataInputStream in) throws IOException {
        ModelIo.readHeader(in, MAGIC, VERSION, "ItemKnn");
        int k = in.readInt();
        double shrink = in.readDouble();
        boolean binarise = in.readBoolean();
        int threads = in.readInt();
        ItemKnnConfig config = ModelIo.config(() -> new ItemKnnConfig(k, shrink, binarise, threads), "ItemKnn");
        InteractionMatrix interactions = ModelIo.readMatrix(in);
        SparseItemMatrix neighbours = SparseItemMatrix.readFrom(in);
        if (neighbours.items() != interactions.items()) {
            throw new IOException("ItemKnn artifact: " + neighbours.items() + " items in the similarities, "
                    + interactions.items() + " in the interactions");
        }
        return new ItemKnnModel(config, interactions, neighbours);
    }
}
