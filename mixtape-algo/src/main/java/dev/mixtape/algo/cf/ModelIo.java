package dev.mixtape.algo.cf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Shared pieces of the model artifact format: header (magic, version), bulk arrays written in
 * chunks (big-endian, like {@link DataOutputStream}), and the interaction matrix. Every length read
 * back is checked, and long arrays grow as they are read, so a damaged file fails with an
 * {@link IOException} (often an {@link java.io.EOFException}) rather than a huge allocation.
 */
final class ModelIo {
    private static final int CHUNK = 1 << 14;
    /** Arrays longer than this are read in growing pieces. */
    private static final int GROW_FROM = 1 << 20;
    /** Arrays longer than this are refused on read (the JVM's own limit is a little under 2^31). */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private ModelIo() {}

    static void writeHeader(DataOutputStream out, int magic, int version) throws IOException {
        out.writeInt(magic);
        out.writeInt(version);
    }

    /** Reads and checks the header; returns the format version (currently always {@code version}). */
    static int readHeader(DataInputStream in, int magic, int version, String what) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException("not a " + what + " artifact: magic 0x" + Integer.toHexString(m)
                    + ", expected 0x" + Integer.toHexString(magic));
        }
        int v = in.readInt();
        if (v != version) {
            throw new IOException(what + " artifact has format version " + v + "; this build reads version " + version);
        }
        return v;
    }

    static int readLength(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("bad length " + n + " for " + what);
        }
        return n;
    }

    static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        writeFloatsRaw(out, a, 0, a.length);
    }

    static void writeFloatsRaw(DataOutputStream out, float[] a, int from, int len) throws IOException {
        byte[] buf = new byte[Math.min(len, CHUNK) * Float.BYTES];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
        for (int off = from; off < from + len; off += CHUNK) {
            int n = Math.min(CHUNK, from + len - off);
            bb.clear();
            bb.asFloatBuffer().put(a, off, n);
            out.write(buf, 0, n * Float.BYTES);
        }
    }

    static float[] readFloats(DataInputStream in, String what) throws IOException {
        int n = readLength(in, what);
        // grow while reading, so that a damaged length fails at the end of the data, not in a huge allocation
        float[] a = new float[Math.min(n, GROW_FROM)];
        int done = 0;
        while (done < n) {
            if (done == a.length) {
                a = java.util.Arrays.copyOf(a, (int) Math.min(n, 2L * a.length));
            }
            int len = a.length - done;
            readFloatsRaw(in, a, done, len);
            done += len;
        }
        return a;
    }

    static void readFloatsRaw(DataInputStream in, float[] a, int from, int len) throws IOException {
        byte[] buf = new byte[Math.min(len, CHUNK) * Float.BYTES];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
        for (int off = from; off < from + len; off += CHUNK) {
            int n = Math.min(CHUNK, from + len - off);
            in.readFully(buf, 0, n * Float.BYTES);
            bb.clear();
            bb.asFloatBuffer().get(a, off, n);
        }
    }

    static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        byte[] buf = new byte[Math.min(a.length, CHUNK) * Integer.BYTES];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
        for (int off = 0; off < a.length; off += CHUNK) {
            int n = Math.min(CHUNK, a.length - off);
            bb.clear();
            bb.asIntBuffer().put(a, off, n);
            out.write(buf, 0, n * Integer.BYTES);
        }
    }

    static int[] readInts(DataInputStream in, String what) throws IOException {
        int total = readLength(in, what);
        int[] a = new int[Math.min(total, GROW_FROM)];
        byte[] buf = new byte[Math.min(total, CHUNK) * Integer.BYTES];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
        for (int off = 0; off < total; off += CHUNK) {
            int n = Math.min(CHUNK, total - off);
            if (off + n > a.length) {
                a = java.util.Arrays.copyOf(a, (int) Math.min(total, Math.max(off + n, 2L * a.length)));
            }
            in.readFully(buf, 0, n * Integer.BYTES);
            bb.clear();
            bb.asIntBuffer().get(a, off, n);
        }
        return a;
    }

    /** Writes the matrix's by-user arrays (the by-item ones are rebuilt on read). */
    static void writeMatrix(DataOutputStream out, InteractionMatrix m) throws IOException {
        out.writeInt(m.users());
        out.writeInt(m.items());
        writeInts(out, m.userPtr());
        writeInts(out, m.userItems());
        writeFloats(out, m.userValues());
    }

    static InteractionMatrix readMatrix(DataInputStream in) throws IOException {
        int users = readLength(in, "users");
        int items = readLength(in, "items");
        int[] ptr = readInts(in, "userPtr");
        int[] cols = readInts(in, "userItems");
        float[] vals = readFloats(in, "userValues");
        try {
            return InteractionMatrix.ofCsr(users, items, ptr, cols, vals);
        } catch (IllegalArgumentException e) {
            throw new IOException("damaged interaction matrix: " + e.getMessage(), e);
        }
    }

    /** Runs a config's compact-constructor validation, reporting a failure as a damaged artifact. */
    static <T> T config(java.util.function.Supplier<T> make, String what) throws IOException {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IOException("bad " + what + " config in artifact: " + e.getMessage(), e);
        }
    }
}
