package dev.mixtape.eval.split;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.Growable;
import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.UnusableFileException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Split} to a folder and reads it back, so every model — in this JVM or a peer's —
 * scores the same split. The folder holds, all UTF-8 with LF line ends and a header row:
 * <ul>
 *   <li>{@code users.tsv}, {@code items.tsv}: one external id per line ({@code user} / {@code item}
 *       header); line order is the dense index, so a reader gets the same indices;</li>
 *   <li>{@code train.tsv}, {@code test.tsv}: {@code user \t item \t weight[\t timestamp]} with
 *       external ids, ordered by user index then item index; weights are the summed positive
 *       weights (integers printed without a fraction);</li>
 *   <li>{@code split.json}: the {@link SplitManifest}.</li>
 * </ul>
 * Reading checks every file's size and SHA-256 against the manifest and rejects any malformed
 * line: a split file is either exact or unusable.
 *
 * <p>Stateless and thread-safe.
 */
public final class SplitFiles {
    public static final int FORMAT = 1;
    public static final String MANIFEST = "split.json";
    private static final List<String> DATA_FILES = List.of("users.tsv", "items.tsv", "train.tsv", "test.tsv");

    private SplitFiles() {}

    /** The mapper used for manifests (snake_case keys, indented). */
    static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes {@code split} into {@code dir} (created if needed; existing split files are replaced). */
    public static SplitManifest write(Split split, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, SplitManifest.FileInfo> files = new LinkedHashMap<>();
        files.put("users.tsv", writeIds(dir.resolve("users.tsv"), "user", split.users()));
        files.put("items.tsv", writeIds(dir.resolve("items.tsv"), "item", split.items()));
        files.put("train.tsv", writeEntries(dir.resolve("train.tsv"), split, split.train(), split.trainTime()));
        files.put("test.tsv", writeEntries(dir.resolve("test.tsv"), split, split.test(), split.testTime()));
        SplitManifest m = new SplitManifest(FORMAT, split.dataset(), split.protocol(), split.seed(), split.params(),
                split.users().size(), split.items().size(), split.train().nnz(), split.test().nnz(),
                split.testUsers().length, split.hasTimestamps(), files);
        mapper().writeValue(dir.resolve(MANIFEST).toFile(), m);
        return m;
    }

    /** Reads the manifest of the split in {@code dir} without reading the data files. */
    public static SplitManifest manifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new UnusableFileException("no " + MANIFEST + " in " + dir);
        }
        SplitManifest m = mapper().readValue(file.toFile(), SplitManifest.class);
        if (m.format() != FORMAT) {
            throw new UnusableFileException(file + ": split format " + m.format() + ", this reader knows " + FORMAT);
        }
        return m;
    }

    /** Reads the split in {@code dir}, checking every file against the manifest. */
    public static Split read(Path dir) throws IOException {
        SplitManifest m = manifest(dir);
        for (String name : DATA_FILES) {
            SplitManifest.FileInfo info = m.files() == null ? null : m.files().get(name);
            if (info == null) {
                throw new UnusableFileException(dir.resolve(MANIFEST) + " does not list " + name);
            }
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                throw new UnusableFileException("missing split file " + f);
            }
            String sha = sha256(f);
            if (Files.size(f) != info.bytes() || !sha.equals(info.sha256())) {
                throw new UnusableFileException(f + " does not match " + MANIFEST + ": " + Files.size(f) + " bytes, sha256 "
                        + sha + "; expected " + info.bytes() + " bytes, sha256 " + info.sha256());
            }
        }
        IdIndex users = readIds(dir.resolve("users.tsv"), "user");
        IdIndex items = readIds(dir.resolve("items.tsv"), "item");
        if (users.size() != m.users() || items.size() != m.items()) {
            throw new UnusableFileException(dir + ": " + users.size() + " users and " + items.size() + " items, manifest says "
                    + m.users() + " and " + m.items());
        }
        Entries train = readEntries(dir.resolve("train.tsv"), users, items, m.timestamps());
        Entries test = readEntries(dir.resolve("test.tsv"), users, items, m.timestamps());
        Split split = new Split(m.dataset(), m.protocol(), m.seed(), m.params() == null ? Map.of() : m.params(), users, items,
                train.matrix, train.time, test.matrix, test.time);
        if (split.train().nnz() != m.trainPositives() || split.test().nnz() != m.testPositives()) {
            throw new UnusableFileException(dir + ": " + split.train().nnz() + " train and " + split.test().nnz()
                    + " test entries after merging, manifest says " + m.trainPositives() + " and " + m.testPositives());
        }
        return split;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static SplitManifest.FileInfo writeIds(Path file, String header, IdIndex ids) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            for (String id : ids.ids()) {
                w.write(checkId(id));
                w.write('\n');
            }
        }
        return new SplitManifest.FileInfo(ids.size(), Files.size(file), sha256(file));
    }

    private static SplitManifest.FileInfo writeEntries(Path file, Split s, InteractionMatrix m, long[] time) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(time == null ? "user\titem\tweight\n" : "user\titem\tweight\ttimestamp\n");
            int[] ptr = m.userPtr();
            for (int u = 0; u < m.users(); u++) {
                String user = s.users().id(u);
                for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                    w.write(user);
                    w.write('\t');
                    w.write(s.items().id(m.userItems()[k]));
                    w.write('\t');
                    w.write(formatWeight(m.userValues()[k]));
                    if (time != null) {
                        w.write('\t');
                        w.write(Long.toString(time[k]));
                    }
                    w.write('\n');
                }
            }
        }
        return new SplitManifest.FileInfo(m.nnz(), Files.size(file), sha256(file));
    }

    static String formatWeight(float w) {
        return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : Float.toString(w);
    }

    private static String checkId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("id '" + id.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                        + "' contains a tab or line break and cannot be written to a split file");
            }
        }
        return id;
    }

    private static IdIndex readIds(Path file, String header) throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            if (!header.equals(h)) {
                throw new UnusableFileException(file + ":1: expected header '" + header + "', found '" + h + "'");
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                ids.add(line);
            }
        }
        try {
            return IdIndex.of(ids);
        } catch (IllegalArgumentException e) {
            throw new UnusableFileException(file + ": " + e.getMessage());
        }
    }

    private record Entries(InteractionMatrix matrix, long[] time) {}

    private static Entries readEntries(Path file, IdIndex users, IdIndex items, boolean timed) throws IOException {
        Growable.Ints u = new Growable.Ints();
        Growable.Ints it = new Growable.Ints();
        Growable.Floats w = new Growable.Floats();
        Growable.Longs t = new Growable.Longs();
        String expected = timed ? "user\titem\tweight\ttimestamp" : "user\titem\tweight";
        int fields = timed ? 4 : 3;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            if (!expected.equals(h)) {
                throw new UnusableFileException(file + ":1: expected header '" + expected.replace("\t", "\\t") + "', found '" + h + "'");
            }
            long lineNo = 1;
            int prevUser = -1;
            int prevItem = -1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String[] f = line.split("\t", -1);
                if (f.length != fields) {
                    throw new UnusableFileException(file + ":" + lineNo + ": expected " + fields + " fields, found " + f.length);
                }
                int user = users.index(f[0]);
                int item = items.index(f[1]);
                if (user < 0 || item < 0) {
                    throw new UnusableFileException(file + ":" + lineNo + ": unknown " + (user < 0 ? "user '" + f[0] : "item '" + f[1]) + "'");
                }
                if (user < prevUser || user == prevUser && item <= prevItem) {
                    throw new UnusableFileException(file + ":" + lineNo + ": rows are not ordered by user then item index");
                }
                prevUser = user;
                prevItem = item;
                try {
                    float weight = Float.parseFloat(f[2]);
                    if (!(weight > 0) || !Float.isFinite(weight)) {
                        throw new UnusableFileException(file + ":" + lineNo + ": weight " + f[2] + " is not a positive number");
                    }
                    w.add(weight);
                    t.add(timed ? Long.parseLong(f[3]) : 0);
                } catch (NumberFormatException e) {
                    throw new UnusableFileException(file + ":" + lineNo + ": bad number (" + e.getMessage() + ")");
                }
                u.add(user);
                it.add(item);
            }
        }
        InteractionMatrix m = InteractionMatrix.of(users.size(), items.size(), u.toArray(), it.toArray(), w.toArray());
        return new Entries(m, timed ? t.toArray() : null);
    }
}
