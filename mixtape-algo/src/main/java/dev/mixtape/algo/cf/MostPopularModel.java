package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Non-personalised baseline: every user gets the items' popularity as scores (ties go to the lower
 * item index in {@link TopN}). Scores any user index, known or not. Immutable and thread-safe.
 */
public final class MostPopularModel implements PersistentModel {
    static final int MAGIC = 0x4D58504F; // "MXPO"
    static final int VERSION = 1;

    private final MostPopularConfig config;
    private final float[] popularity;

    MostPopularModel(MostPopularConfig config, float[] popularity) {
        this.config = config;
        this.popularity = popularity;
    }

    public MostPopularConfig config() {
        return config;
    }

    @Override
    public int items() {
        return popularity.length;
    }

    /** The popularity of {@code item} (users, or summed values when weighted). */
    public float popularity(int item) {
        return popularity[item];
    }

    @Override
    public void score(int user, float[] out) {
        Checks.out(out, popularity.length);
        System.arraycopy(popularity, 0, out, 0, popularity.length);
    }

    @Override
    public void writeTo(DataOutputStream out) throws IOException {
        ModelIo.writeHeader(out, MAGIC, VERSION);
        out.writeBoolean(config.weighted());
        ModelIo.writeFloats(out, popularity);
    }

    /** Reads a model written by {@link #writeTo}. */
    public static MostPopularModel readFrom(DataInputStream in) throws IOException {
        ModelIo.readHeader(in, MAGIC, VERSION, "MostPopular");
        MostPopularConfig config = new MostPopularConfig(in.readBoolean());
        return new MostPopularModel(config, ModelIo.readFloats(in, "popularity"));
    }
}
