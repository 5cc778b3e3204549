package dev.mixtape.algo.cf;

import dev.mixtape.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Saves and loads {@link PersistentModel}s as files named {@code <name>.cfmodel} under a directory.
 * A file holds the model's own bytes ({@code writeTo}: magic number, format version, config, data)
 * followed by a CRC-32 of them; loading dispatches on the magic number, checks the checksum and
 * refuses trailing bytes. Saving writes a temporary file in the same directory and moves it into
 * place atomically where the file system allows, so readers never see half a model.
 *
 * <p>Stateless and thread-safe (concurrent saves of the same name: the last move wins).
 */
public final class ModelArtifacts {
    public static final String SUFFIX = ".cfmodel";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int BUFFER = 1 << 16;

    private ModelArtifacts() {}

    /** The file of model {@code name} under {@code dir}. */
    public static Path path(Path dir, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must be 1-128 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; got " + (name == null ? "null" : "'" + name + "'"));
        }
        return dir.resolve(name + SUFFIX);
    }

    /** Saves {@code model} as {@code name} under {@code dir} (created if missing); returns the file. */
    public static Path save(Path dir, String name, PersistentModel model) throws IOException {
        Path target = path(dir, name);
        AtomicFiles.write(target, out -> write(model, out));
        return target;
    }

    /** Loads model {@code name} from {@code dir}, whatever its type. */
    public static PersistentModel load(Path dir, String name) throws IOException {
        Path file = path(dir, name);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) {
                throw e;
            }
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Loads model {@code name} from {@code dir}, which must be of {@code type}. */
    public static <M extends PersistentModel> M load(Path dir, String name, Class<M> type) throws IOException {
        PersistentModel model = load(dir, name);
        if (!type.isInstance(model)) {
            throw new IOException(path(dir, name) + " holds a " + model.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(model);
    }

    /** Writes {@code model} and its checksum to {@code out} (flushed, not closed). */
    public static void write(PersistentModel model, OutputStream out) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(out, BUFFER), new CRC32());
        DataOutputStream data = new DataOutputStream(checked);
        model.writeTo(data);
        data.flush();
        long crc = checked.getChecksum().getValue();
        data.writeLong(crc);
        data.flush();
    }

    /** Reads one model and its checksum from {@code in}, which must then be at its end. */
    public static PersistentModel read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32());
        DataInputStream data = new DataInputStream(checked);
        buffered.mark(4);
        int magic = new DataInputStream(buffered).readInt();
        buffered.reset();
        PersistentModel model = switch (magic) {
            case MostPopularModel.MAGIC -> MostPopularModel.readFrom(data);
            case ItemKnnModel.MAGIC -> ItemKnnModel.readFrom(data);
            case Rp3betaModel.MAGIC -> Rp3betaModel.readFrom(data);
            case EaseModel.MAGIC -> EaseModel.readFrom(data);
            case ImplicitAlsModel.MAGIC -> ImplicitAlsModel.readFrom(data);
            default -> throw new IOException("not a mixtape CF model: unknown magic 0x" + Integer.toHexString(magic));
        };
        long computed = checked.getChecksum().getValue();
        long stored = new DataInputStream(buffered).readLong();
        if (stored != computed) {
            throw new IOException("checksum mismatch: stored " + Long.toHexString(stored) + ", computed "
                    + Long.toHexString(computed) + " (damaged file)");
        }
        if (buffered.read() != -1) {
            throw new IOException("trailing bytes after the model");
        }
        return model;
    }
}
