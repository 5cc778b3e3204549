package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Implicit-ALS factors: user {@code u} scores item {@code i} as {@code x_u · y_i}. Keeps the item
 * factors twice, item-major and factor-major; scoring one user runs over the factor-major copy, k
 * contiguous passes over all items (vectorised). {@link #foldIn} solves a vector for a history
 * not seen in training.
 *
 * <p>Memory: 4·k·(users + 2·items) bytes plus a k × k Gram matrix. Immutable and thread-safe.
 */
public final class ImplicitAlsModel implements PersistentModel {
    static final int MAGIC = 0x4D58414C; // "MXAL"
    static final int VERSION = 1;

    private final ImplicitAlsConfig config;
    private final int users;
    private final int items;
    private final int k;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemFactorsByFactor;
    private final float[] itemGram;

    ImplicitAlsModel(ImplicitAlsConfig config, int users, int items, float[] userFactors, float[] itemFactors) {
        this.config = config;
        this.users = users;
        this.items = items;
        this.k = config.factors();
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemFactorsByFactor = new float[itemFactors.length];
        for (int i = 0; i < items; i++) {
            for (int f = 0; f < k; f++) {
                itemFactorsByFactor[f * items + i] = itemFactors[i * k + f];
            }
        }
        try (Parallel one = new Parallel(1)) {
            this.itemGram = ImplicitAlsTrainer.gram(itemFactors, items, k, config.regularization(), one);
        }
    }

    public ImplicitAlsConfig config() {
        return config;
    }

    public int users() {
        return users;
    }

    public int factors() {
        return k;
    }

    @Override
    public int items() {
        return items;
    }

    /** A copy of user {@code u}'s factor vector. */
    public float[] userFactors(int user) {
        Checks.user(user, users);
        return Arrays.copyOfRange(userFactors, user * k, user * k + k);
    }

    /** A copy of item {@code i}'s factor vector. */
    public float[] itemFactors(int item) {
        Checks.item(item, items);
        return Arrays.copyOfRange(itemFactors, item * k, item * k + k);
    }

    @Override
    public void score(int user, float[] out) {
        Checks.user(user, users);
        scoreVector(userFactors, user * k, out);
    }

    /** Scores of every item for a user vector (from {@link #foldIn}, say). */
    public void scoreVector(float[] userVector, float[] out) {
        if (userVector.length != k) {
            throw new IllegalArgumentException("user vector has length " + userVector.length + ", expected " + k);
        }
        scoreVector(userVector, 0, out);
    }

    private void scoreVector(float[] v, int vo, float[] out) {
        Checks.out(out, items);
        Arrays.fill(out, 0, items, 0f);
        for (int f = 0; f < k; f++) {
            float xf = v[vo + f];
            int o = f * items;
            for (int i = 0; i < items; i++) {
                out[i] += xf * itemFactorsByFactor[o + i];
            }
        }
    }

    /**
     * The least-squares user vector for a history not seen in training (item indices and raw values,
     * turned into confidences as in training), solved with 3k conjugate-gradient steps from zero.
     */
    public float[] foldIn(int[] history, float[] values) {
        if (history.length != values.length) {
            throw new IllegalArgumentException("history and values differ in length: " + history.length + ", " + values.length);
        }
        float[] c1 = new float[history.length];
        for (int e = 0; e < history.length; e++) {
            Checks.item(history[e], items);
            if (!(values[e] >= 0)) {
                throw new IllegalArgumentException("value " + values[e] + " of item " + history[e] + " is not >= 0");
            }
            c1[e] = (float) config.confidenceMinusOne(values[e]);
        }
        float[] x = new float[k];
        ImplicitAlsTrainer.conjugateGradient(x, 0, itemGram, itemFactors, history, c1, 0, history.length, k, 3 * k, new float[3 * k]);
        return x;
    }

    /**
     * The training objective on {@code train}:
     * {@code Σ_{all u,i} c_ui (p_ui − x_u·y_i)² + λ (Σ|x_u|² + Σ|y_i|²)}, summed in double as
     * {@code Σ_u x_uᵀ(YᵀY)x_u} plus a correction over the stored pairs.
     */
    public double loss(InteractionMatrix train) {
        if (train.users() != users || train.items() != items) {
            throw new IllegalArgumentException("matrix is " + train.users() + " × " + train.items() + ", model " + users + " × " + items);
        }
        double[] g = new double[k * k];
        for (int i = 0; i < items; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    g[a * k + b] += (double) itemFactors[i * k + a] * itemFactors[i * k + b];
                }
            }
        }
        double loss = 0;
        int[] ptr = train.userPtr();
        int[] its = train.userItems();
        float[] vals = train.userValues();
        for (int u = 0; u < users; u++) {
            int o = u * k;
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += g[a * k + b] * userFactors[o + b];
                }
                loss += userFactors[o + a] * s;
            }
            for (int e = ptr[u]; e < ptr[u + 1]; e++) {
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += (double) userFactors[o + f] * itemFactors[its[e] * k + f];
                }
                double c = 1 + config.confidenceMinusOne(vals[e]);
                loss += c * (1 - s) * (1 - s) - s * s;
            }
        }
        double norms = 0;
        for (float v : userFactors) {
            norms += (double) v * v;
        }
        for (float v : itemFactors) {
            norms += (double) v * v;
        }
        return loss + config.regularization() * norms;
    }

    @Override
    public void writeTo(DataOutputStream out) throws IOException {
        ModelIo.writeHeader(out, MAGIC, VERSION);
        out.writeInt(config.factors());
        out.writeInt(config.iterations());
        out.writeDouble(config.regularization());
        out.writeDouble(config.alpha());
        out.writeUTF(config.confidence().name());
        out.writeDouble(config.epsilon());
        out.writeInt(config.cgSteps());
        out.writeDouble(config.initScale());
        out.writeInt(config.threads());
        out.writeLong(config.seed());
        out.writeInt(users);
        out.writeInt(items);
        ModelIo.writeFloats(out, userFactors);
        ModelIo.writeFloats(out, itemFactors);
    }

    /** Reads a model written by {@link #writeTo}. */
    public static ImplicitAlsModel readFrom(DataInputStream in) throws IOException {
        ModelIo.readHeader(in, MAGIC, VERSION, "iALS");
        int factors = in.readInt();
        int iterations = in.readInt();
        double regularization = in.readDouble();
        double alpha = in.readDouble();
        String confidenceName = in.readUTF();
        ImplicitAlsConfig.Confidence confidence;
        try {
            confidence = ImplicitAlsConfig.Confidence.valueOf(confidenceName);
        } catch (IllegalArgumentException e) {
            throw new IOException("iALS artifact: unknown confidence " + confidenceName, e);
        }
        double epsilon = in.readDouble();
        int cgSteps = in.readInt();
        double initScale = in.readDouble();
        int threads = in.readInt();
        long seed = in.readLong();
        ImplicitAlsConfig config = ModelIo.config(() -> new ImplicitAlsConfig(factors, iterations, regularization, alpha,
                confidence, epsilon, cgSteps, initScale, threads, seed), "iALS");
        int users = ModelIo.readLength(in, "users");
        int items = ModelIo.readLength(in, "items");
        float[] x = ModelIo.readFloats(in, "user factors");
        float[] y = ModelIo.readFloats(in, "item factors");
        if ((long) users * factors != x.length || (long) items * factors != y.length) {
            throw new IOException("iALS artifact: factor arrays of " + x.length + " and " + y.length
                    + " floats do not fit " + users + " users, " + items + " items, " + factors + " factors");
        }
        return new ImplicitAlsModel(config, users, items, x, y);
    }
}
