package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultIsBesideTheCheckoutFromItsRootAndFromAModule() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        Path module = Files.createDirectories(root.resolve("mixtape-bench"));
        Path expected = tmp.resolve("shared").resolve("data");
        assertThat(DataDir.defaultDir(root)).isEqualTo(expected);
        assertThat(DataDir.defaultDir(module)).isEqualTo(expected);
        assertThat(DataDir.resolve(null, module)).isEqualTo(expected);
        assertThat(DataDir.resolve(" ", module)).isEqualTo(expected);
    }

    @Test
    void theEnvironmentWinsAndALocalDataFolderComesNext() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(root.resolve("mvnw"), "");
        assertThat(DataDir.resolve("/srv/data", root)).isEqualTo(Path.of("/srv/data"));
        assertThat(DataDir.resolve("rel", root)).isEqualTo(root.resolve("rel"));
        Path local = Files.createDirectories(root.resolve("data"));
        assertThat(DataDir.defaultDir(root)).isEqualTo(local);
    }

    @Test
    void outsideACheckoutItIsRelativeToTheWorkingDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("a").resolve("b"));
        // tmp has no mvnw above it on an ordinary machine; the walk stops at the file-system root
        if (DataDir.checkoutRoot(dir).equals(dir)) {
            assertThat(DataDir.defaultDir(dir)).isEqualTo(tmp.resolve("a").resolve("shared").resolve("data"));
        }
    }

    @Test
    void thisCheckoutsDefaultIsItsSiblingSharedData() {
        Path root = DataDir.checkoutRoot(Path.of("").toAbsolutePath());
        assertThat(root.resolve("mvnw")).isRegularFile();
        assertThat(DataDir.defaultDir()).isIn(root.resolve("../shared/data").normalize(),
                Path.of("").toAbsolutePath().resolve("data"));
    }
}
