package dev.mixtape.algo.cf;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A model over catalog artists (item-kNN from Last.fm, iALS from listening) saved as three files under a folder, named after the model:
 * <ul>
 *   <li>{@code <name>.cfmodel}: the model ({@link ModelArtifacts}: versioned, CRC-checked);</li>
 *   <li>{@code <name>.artists.tsv}: UTF-8, header {@code item \t artist_id \t artist_name}, then one line
 *       per model item in index order: the catalog artist it stands for;</li>
 *   <li>{@code <name>.properties}: the manifest, written last: {@code format}, the item count, the SHA-256
 *       of the two files above (so a model and a mapping from different runs are never paired), the
 *       {@link #catalogSignature} of the catalog it was matched against, and free-form {@code info.*}
 *       entries (dataset, config, counts).</li>
 * </ul>
 * Every file is written to a temporary file and moved into place. Stateless and thread-safe.
 */
public final class ArtistModelFiles {
    public static final int FORMAT = 1;
    private static final String HEADER = "item\tartist_id\tartist_name";

    private ArtistModelFiles() {}

    /**
     * A saved model read back.
     *
     * @param artistIds the catalog artist id of each model item
     * @param catalogArtists the artist count of the catalog it was matched against
     * @param catalogSignature that catalog's {@link #catalogSignature}
     * @param info the {@code info.*} entries, without the prefix, in key order
     */
    public record Saved<M extends PersistentModel>(M model, List<String> artistIds, int catalogArtists, String catalogSignature,
                        Map<String, String> info) {}

    public static Path manifest(Path dir, String name) {
        return ModelArtifacts.path(dir, name).resolveSibling(name + ".properties");
    }

    public static Path mapping(Path dir, String name) {
        return ModelArtifacts.path(dir, name).resolveSibling(name + ".artists.tsv");
    }

    /**
     * Saves {@code model} whose item {@code i} is catalog artist {@code artists[i]} of {@code catalog}.
     *
     * @return the files written (model, mapping, manifest)
     */
    public static List<Path> save(Path dir, String name, PersistentModel model, Catalog catalog, int[] artists,
                                  Map<String, String> info) throws IOException {
        if (artists.length != model.items()) {
            throw new IllegalArgumentException("artists has " + artists.length + " entries, the model " + model.items() + " items");
        }
        Path modelFile = ModelArtifacts.save(dir, name, model);
        Path mappingFile = mapping(dir, name);
        writeAtomically(mappingFile, out -> {
            out.write(HEADER + "\n");
            for (int i = 0; i < artists.length; i++) {
                out.write(i + "\t" + catalog.artistId(artists[i]) + "\t" + clean(catalog.artistName(artists[i])) + "\n");
            }
        });
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("items", Integer.toString(model.items()));
        p.setProperty("model.sha256", sha256(modelFile));
        p.setProperty("artists.sha256", sha256(mappingFile));
        p.setProperty("catalog.artists", Integer.toString(catalog.artistCount()));
        p.setProperty("catalog.signature", catalogSignature(catalog));
        info.forEach((k, v) -> p.setProperty("info." + k, v));
        Path manifestFile = manifest(dir, name);
        writeAtomically(manifestFile, out -> p.store(out, "mixtape artist model " + name));
        return List.of(modelFile, mappingFile, manifestFile);
    }

    /**
     * Reads the model saved as {@code name}; empty when there is no manifest (nothing saved yet).
     *
     * @throws IOException naming the file when one is missing, damaged or from another run
     */
    public static Optional<Saved<ItemKnnModel>> load(Path dir, String name) throws IOException {
        return load(dir, name, ItemKnnModel.class);
    }

    /**
     * Reads the model of type {@code type} saved as {@code name}; empty when there is no manifest.
     *
     * @throws IOException naming the file when one is missing, damaged, from another run or of another model type
     */
    public static <M extends PersistentModel> Optional<Saved<M>> load(Path dir, String name, Class<M> type) throws IOException {
        Path manifestFile = manifest(dir, name);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
            throw new IOException(manifestFile + ": format " + p.getProperty("format") + ", this build reads " + FORMAT);
        }
        Path modelFile = ModelArtifacts.path(dir, name);
        Path mappingFile = mapping(dir, name);
        check(modelFile, p.getProperty("model.sha256"));
        check(mappingFile, p.getProperty("artists.sha256"));
        M model = ModelArtifacts.load(dir, name, type);
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (!HEADER.equals(line)) {
                throw new IOException(mappingFile + ": expected the header '" + HEADER + "'");
            }
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != 3 || !f[0].equals(Integer.toString(ids.size())) || f[1].isEmpty()) {
                    throw new IOException(mappingFile + ": line " + (ids.size() + 2) + " is malformed");
                }
                ids.add(f[1]);
            }
        }
        if (ids.size() != model.items()) {
            throw new IOException(mappingFile + " maps " + ids.size() + " artists, the model has " + model.items() + " items");
        }
        Map<String, String> info = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("info.")).sorted()
                .forEach(k -> info.put(k.substring(5), p.getProperty(k)));
        int catalogArtists;
        try {
            catalogArtists = Integer.parseInt(p.getProperty("catalog.artists", ""));
        } catch (NumberFormatException e) {
            throw new IOException(manifestFile + ": catalog.artists is not a number");
        }
        return Optional.of(new Saved<>(model, List.copyOf(ids), catalogArtists, p.getProperty("catalog.signature", ""), info));
    }

    /**
     * Identifies a catalog's artist set: the artist count and a 64-bit order-independent sum of the
     * FNV-1a hashes of the artist ids, in hex. Equal for catalogs with the same artists, whatever their order.
     */
    public static String catalogSignature(Catalog catalog) {
        long sum = 0;
        for (int a = 0; a < catalog.artistCount(); a++) {
            long h = 0xcbf29ce484222325L;
            String id = catalog.artistId(a);
            for (int i = 0; i < id.length(); i++) {
                h ^= id.charAt(i);
                h *= 0x100000001b3L;
            }
            sum += h;
        }
        return catalog.artistCount() + "-" + Long.toHexString(sum);
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static void check(Path file, String expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing (the manifest lists it)");
        }
        if (expected == null || !expected.equals(sha256(file))) {
            throw new IOException(file + " does not match its manifest (SHA-256 differs): it was changed or comes from another run");
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        AtomicFiles.write(target, out -> {
            // as Files.newBufferedWriter: an encoder that reports malformed text instead of replacing it
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()))) {
                body.write(w);
            }
        });
    }
}
