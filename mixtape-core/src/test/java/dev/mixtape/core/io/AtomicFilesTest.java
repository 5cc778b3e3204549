package dev.mixtape.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    private static AtomicFiles.Body text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.List<Path> entries(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void theContentLandsInANewFileAndItsMissingDirectory() throws IOException {
        Path file = tmp.resolve("a/b/model.bin");
        assertThat(AtomicFiles.write(file, text("hello"))).isEqualTo(file);
        assertThat(file).hasContent("hello");
        assertThat(entries(file.getParent())).containsExactly(file);
    }

    @Test
    void anExistingFileIsReplaced() throws IOException {
        Path file = Files.writeString(tmp.resolve("results.json"), "old and longer");
        AtomicFiles.write(file, text("new"));
        assertThat(file).hasContent("new");
        assertThat(entries(tmp)).containsExactly(file);
    }

    @Test
    void aFailingBodyLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("results.json"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(file).hasContent("old");
        assertThat(entries(tmp)).containsExactly(file);

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(file).hasContent("old");
        assertThat(entries(tmp)).containsExactly(file);
    }

    @Test
    void theTemporaryFileIsHiddenBesideTheTarget() throws IOException {
        Path file = tmp.resolve("tags.tsv.gz");
        Path[] seen = new Path[1];
        AtomicFiles.write(file, out -> {
            try (var list = Files.list(tmp)) {
                seen[0] = list.findFirst().orElseThrow();
            }
        });
        assertThat(seen[0].getFileName().toString()).startsWith(".tags.tsv.gz.").endsWith(".tmp");
        assertThat(file).isEmptyFile();
    }

    @Test
    void aBodyMayCloseAWrappingStream() throws IOException {
        Path file = tmp.resolve("listening.tsv.gz");
        AtomicFiles.write(file, out -> {
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
                w.write("user\tartist_id\n");
            }
        });
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("user\tartist_id\n");
        }
    }

    @Test
    void aRelativeTargetIsWrittenBesideItself() throws IOException {
        Path file = Path.of("").toAbsolutePath().relativize(tmp.resolve("rel.txt"));
        AtomicFiles.write(file, (OutputStream out) -> out.write('x'));
        assertThat(tmp.resolve("rel.txt")).hasContent("x");
    }
}
