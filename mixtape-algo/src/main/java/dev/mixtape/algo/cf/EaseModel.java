package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * EASE scores: {@code score_u = x_u · B} over the modelled items, x_u the user's binarised
 * interactions; items outside the model score {@link Float#NEGATIVE_INFINITY}. Scoring one user
 * adds one dense row of B per item the user has (contiguous float rows, vectorised).
 *
 * <p>Memory: 4·n² bytes for n modelled items (1.24 GB at n = 17,632) plus the interactions.
 * Immutable and thread-safe.
 */
public final class EaseModel implements PersistentModel {
    static final int MAGIC = 0x4D584541; // "MXEA"
    static final int VERSION = 1;

    private final EaseConfig config;
    private final InteractionMatrix interactions;
    private final int[] modelled;
    private final int[] local;
    private final float[][] b;

    EaseModel(EaseConfig config, InteractionMatrix interactions, int[] modelled, float[][] b) {
        this.config = config;
        this.interactions = interactions;
        this.modelled = modelled;
        this.b = b;
        this.local = new int[interactions.items()];
        Arrays.fill(local, -1);
        for (int j = 0; j < modelled.length; j++) {
            local[modelled[j]] = j;
        }
    }

    public EaseConfig config() {
        return config;
    }

    /** The modelled items (global indices, ascending); the others are never recommended. */
    public int[] modelledItems() {
        return modelled.clone();
    }

    /** The weight B from item {@code i} to item {@code j}, 0 when either is not modelled. */
    public float weight(int i, int j) {
        int li = local[i];
        int lj = local[j];
        return li < 0 || lj < 0 ? 0f : b[li][lj];
    }

    /** The (binarised) interactions the model scores users by. */
    public InteractionMatrix interactions() {
        return interactions;
    }

    @Override
    public int items() {
        return interactions.items();
    }

    @Override
    public void score(int user, float[] out) {
        Checks.user(user, interactions.users());
        int[] ptr = interactions.userPtr();
        scoreRows(interactions.userItems(), ptr[user], ptr[user + 1], out);
    }

    /** Scores for a user with the given history (item indices; values are ignored: EASE binarises). */
    public void scoreHistory(int[] items, float[] out) {
        for (int item : items) {
            Checks.item(item, items());
        }
        scoreRows(items, 0, items.length, out);
    }

    private void scoreRows(int[] items, int from, int to, float[] out) {
        Checks.out(out, items());
        int n = modelled.length;
        boolean all = n == items();
        float[] acc = all ? out : new float[n];
        Arrays.fill(acc, 0, n, 0f);
        for (int k = from; k < to; k++) {
            int l = local[items[k]];
            if (l < 0) {
                continue;
            }
            float[] row = b[l];
            for (int j = 0; j < n; j++) {
                acc[j] += row[j];
            }
        }
        if (!all) {
            Arrays.fill(out, 0, items(), Float.NEGATIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                out[modelled[j]] = acc[j];
            }
        }
    }

    @Override
    public void writeTo(DataOutputStream out) throws IOException {
        ModelIo.writeHeader(out, MAGIC, VERSION);
        out.writeDouble(config.lambda());
        out.writeInt(config.minUsers());
        out.writeInt(config.maxItems());
        out.writeInt(config.threads());
        ModelIo.writeMatrix(out, interactions);
        ModelIo.writeInts(out, modelled);
        for (float[] row : b) {
            ModelIo.writeFloatsRaw(out, row, 0, row.length);
        }
    }

    /** Reads a model written by {@link #writeTo}. */
    public static EaseModel readFrom(DataInputStream in) throws IOException {
        ModelIo.readHeader(in, MAGIC, VERSION, "EASE");
        double lambda = in.readDouble();
        int minUsers = in.readInt();
        int maxItems = in.readInt();
        int threads = in.readInt();
        EaseConfig config = ModelIo.config(() -> new EaseConfig(lambda, minUsers, maxItems, threads), "EASE");
        InteractionMatrix interactions = ModelIo.readMatrix(in);
        int[] modelled = ModelIo.readInts(in, "modelled items");
        for (int j = 0; j < modelled.length; j++) {
            if (modelled[j] < 0 || modelled[j] >= interactions.items() || (j > 0 && modelled[j] <= modelled[j - 1])) {
                throw new IOException("EASE artifact: modelled items not ascending in range at position " + j);
            }
        }
        float[][] b = new float[modelled.length][modelled.length];
        for (float[] row : b) {
            ModelIo.readFloatsRaw(in, row, 0, row.length);
        }
        return new EaseModel(config, interactions, modelled, b);
    }
}
