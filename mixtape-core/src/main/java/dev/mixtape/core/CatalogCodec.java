package dev.mixtape.core;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Binary form of a {@link Catalog}: its arrays as they are in memory, so a server restarts from a
 * snapshot file in a fraction of the time a database load and rebuild take. The format starts with a
 * magic number and a version; {@link #read} rejects anything else. Stateless; thread-safe.
 */
public final class CatalogCodec {
    private static final int MAGIC = 0x4d585443; // "MXTC"
    // 2: exact durations; 3: written from catalogs in JdbcCatalogStore.LOAD_ORDER (older ones are reloaded)
    private static final int VERSION = 3;

    private CatalogCodec() {}

    public static void write(Catalog c, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        strings(out, c.trackIds);
        strings(out, c.trackNames);
        ints(out, c.trackAlbum);
        ints(out, c.durations);
        intss(out, c.trackArtists);
        intss(out, c.trackGenres);
        out.writeInt(c.explicit.length);
        for (boolean b : c.explicit) {
            out.writeBoolean(b);
        }
        out.writeInt(c.columns.length);
        for (float[] col : c.columns) {
            out.writeInt(col.length);
            for (float f : col) {
                out.writeFloat(f);
            }
        }
        strings(out, c.artistIds);
        strings(out, c.artistNames);
        intss(out, c.artistTracks);
        intss(out, c.artistGenres);
        ints(out, c.artistPopularity);
        strings(out, c.albumIds);
        strings(out, c.albumNames);
        intss(out, c.albumArtists);
        strings(out, c.genreNames);
        intss(out, c.genreTracks);
        intss(out, c.genreArtists);
        out.flush();
    }

    public static Catalog read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a mixtape catalog snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("catalog snapshot version " + version + " is not supported (expected " + VERSION + ")");
        }
        CatalogBuilder.Parts p = new CatalogBuilder.Parts();
        p.trackIds = strings(in);
        p.trackNames = strings(in);
        p.trackAlbum = ints(in);
        p.durations = ints(in);
        p.trackArtists = intss(in);
        p.trackGenres = intss(in);
        p.explicit = new boolean[in.readInt()];
        for (int i = 0; i < p.explicit.length; i++) {
            p.explicit[i] = in.readBoolean();
        }
        p.columns = new float[in.readInt()][];
        if (p.columns.length != Attribute.count()) {
            throw new IOException("catalog snapshot has " + p.columns.length + " columns, expected " + Attribute.count());
        }
        for (int k = 0; k < p.columns.length; k++) {
            float[] col = new float[in.readInt()];
            for (int i = 0; i < col.length; i++) {
                col[i] = in.readFloat();
            }
            p.columns[k] = col;
        }
        p.artistIds = strings(in);
        p.artistNames = strings(in);
        p.artistTracks = intss(in);
        p.artistGenres = intss(in);
        p.artistPopularity = ints(in);
        p.albumIds = strings(in);
        p.albumNames = strings(in);
        p.albumArtists = intss(in);
        p.genreNames = strings(in);
        p.genreTracks = intss(in);
        p.genreArtists = intss(in);
        p.trackIndex = index(p.trackIds);
        p.artistIndex = index(p.artistIds);
        p.albumIndex = index(p.albumIds);
        p.genreIndex = index(p.genreNames);
        return new Catalog(p);
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], i);
        }
        return m;
    }

    private static void strings(DataOutputStream out, String[] a) throws IOException {
        out.writeInt(a.length);
        for (String s : a) {
            out.writeUTF(s);
        }
    }

    private static String[] strings(DataInputStream in) throws IOException {
        String[] a = new String[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readUTF();
        }
        return a;
    }

    private static void ints(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void intss(DataOutputStream out, int[][] a) throws IOException {
        out.writeInt(a.length);
        for (int[] v : a) {
            ints(out, v);
        }
    }

    private static int[][] intss(DataInputStream in) throws IOException {
        int[][] a = new int[in.readInt()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = ints(in);
        }
        return a;
    }
}
