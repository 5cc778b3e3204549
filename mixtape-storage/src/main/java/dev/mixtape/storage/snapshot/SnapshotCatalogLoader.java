package dev.mixtape.storage.snapshot;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogCodec;
import dev.mixtape.core.io.AtomicFiles;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the catalog through a snapshot file on local disk: the store's {@link JdbcCatalogStore#fingerprint()}
 * names the snapshot ({@code dir/catalog-<hash>.bin}); when it exists the catalog is read from it,
 * otherwise it is loaded from the store and the snapshot written (atomically, older ones removed).
 * The store stays the source of truth: a changed catalog has another fingerprint, and an unreadable
 * snapshot is ignored and rewritten. Thread-safe as long as one process writes a given directory.
 */
public final class SnapshotCatalogLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCatalogLoader.class);

    private final JdbcCatalogStore store;
    private final Path dir;

    public SnapshotCatalogLoader(JdbcCatalogStore store, Path dir) {
        this.store = store;
        this.dir = dir;
    }

    /** Where the snapshot of the store's current content lives (it may not exist yet). */
    public Path snapshotPath() throws SQLException {
        return dir.resolve("catalog-" + hash(store.fingerprint()) + ".bin");
    }

    /** A snapshot read from disk, before knowing whether it is current. */
    public record Snapshot(Path file, Catalog catalog) {}

    /**
     * Reads the newest snapshot in {@code dir} without asking the store, so a server can read it while
     * the database is still opening; compare {@link Snapshot#file()} with {@link #snapshotPath()} before
     * using it. Empty when there is none or it cannot be read.
     */
    public static java.util.Optional<Snapshot> readNewest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        Path newest = null;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "catalog-*.bin")) {
            for (Path p : all) {
                if (newest == null || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = p;
                }
            }
            if (newest == null) {
                return java.util.Optional.empty();
            }
            try (InputStream in = Files.newInputStream(newest)) {
                return java.util.Optional.of(new Snapshot(newest,
                        CatalogCodec.read(new DataInputStream(new BufferedInputStream(in, 1 << 16)))));
            }
        } catch (IOException | RuntimeException e) {
            LOG.atDebug().addKeyValue("dir", dir).addKeyValue("reason", e.toString()).log("no usable snapshot read early");
            return java.util.Optional.empty();
        }
    }

    public Catalog load() throws SQLException, IOException {
        Path file = snapshotPath();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Catalog c = CatalogCodec.read(new DataInputStream(new BufferedInputStream(in, 1 << 16)));
                LOG.atDebug().addKeyValue("file", file).log("catalog loaded from snapshot");
                return c;
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().addKeyValue("file", file).addKeyValue("reason", e.toString())
                        .log("ignoring an unreadable catalog snapshot; loading from the store");
            }
        }
        Catalog c = store.load();
        write(c, file);
        return c;
    }

    private void write(Catalog c, Path file) throws IOException {
        AtomicFiles.write(file, out -> CatalogCodec.write(c, new DataOutputStream(new BufferedOutputStream(out, 1 << 16))));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "catalog-*.bin")) {
            for (Path p : old) {
                if (!p.equals(file)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        LOG.atInfo().addKeyValue("file", file).log("catalog snapshot written");
    }

    private static String hash(String fingerprint) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
