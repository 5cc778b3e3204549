package dev.mixtape.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the content goes to a temporary file beside the target, which is then moved into
 * place, atomically where the file system allows. A reader of the target sees the old file or the new one, never half
 * a file; a write that fails leaves the old file as it was and no temporary file behind.
 *
 * <p>The temporary file is {@code .<target name>.<random>.tmp} in the target's directory (created if missing): hidden,
 * ending in {@code .tmp}, and matched by no glob on the target's own suffix, so directory listings and backups that
 * skip hidden and temporary files skip it. It is created by {@link Files#createTempFile}, that is with owner-only
 * permissions on POSIX file systems, which the target keeps.
 *
 * <p>Not forced to disk: the data is not {@code fsync}'d before the move, so after a power cut (not a process crash)
 * the target may be empty or old. Concurrent writes of one target are safe; the last move wins. Stateless.
 */
public final class AtomicFiles {
    /** What to write: the content of the file, to an unbuffered stream on the temporary file. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the whole content to {@code out}. The body may close {@code out} (or a stream wrapping it, which a
         * gzip or zip stream needs to write its trailer); it is closed after the body in any case.
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} with what {@code body} writes, moved into place with {@link StandardCopyOption#ATOMIC_MOVE}
     * or, where the file system does not support an atomic move, with {@link StandardCopyOption#REPLACE_EXISTING}.
     *
     * @return {@code target}
     * @throws IOException what the body or the file system threw; the target is then untouched
     */
    public static Path write(Path target, Body body) throws IOException {
        Path name = target.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("not a file: " + target);
        }
        Path dir = Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
