package dev.mixtape.eval.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small test files, plain or gzip. */
public final class DataFiles {
    private DataFiles() {}

    public static Path write(Path file, Charset cs, String... lines) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(cs);
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }
}
