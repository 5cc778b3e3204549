package dev.mixtape.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code mixtape import lastfm}: a clear message naming the folder or file, exit code 1, before any store is opened. */
class ImportLastFmCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String err) {}

    Run run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void missingFolder() {
        Path missing = tmp.resolve("no-such-dir");
        Run r = run("import", "lastfm", missing.toString(), "--home", tmp.resolve("home").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("mixtape: " + missing + " is not a folder");
        assertThat(tmp.resolve("home")).doesNotExist();
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lastfm"));
        Files.writeString(dir.resolve("user_artists.dat"), "userID\tartistID\tweight\n1\t1\t5\n");
        Run r = run("import", "lastfm", dir.toString(), "--home", tmp.resolve("home").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no artists.dat (or artists.dat.gz) in " + dir);
    }

    @Test
    void badOptionsAreRefused() throws Exception {
        Run r = run("import", "lastfm", tmp.toString(), "--min-listeners", "0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("min-listeners must be at least 1");
    }
}
