package dev.mixtape.eval.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.data.UnusableFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackTheSameSplit() throws IOException {
        InteractionData d = SplitTestData.random(99, 80, 120, 30);
        Split s = new HoldoutSplitter(HoldoutConfig.of(42)).split(d);
        SplitManifest m = SplitFiles.write(s, dir);
        assertThat(m.dataset()).isEqualTo("random");
        assertThat(m.seed()).isEqualTo(42);
        assertThat(m.trainPositives()).isEqualTo(s.train().nnz());
        assertThat(m.testPositives()).isEqualTo(s.test().nnz());
        assertThat(m.files()).containsOnlyKeys("users.tsv", "items.tsv", "train.tsv", "test.tsv");
        assertThat(m.files().get("train.tsv").sha256()).hasSize(64).isEqualTo(SplitFiles.sha256(dir.resolve("train.tsv")));
        String json = Files.readString(dir.resolve("split.json"));
        assertThat(json).contains("\"protocol\" : \"per-user-holdout\"", "\"train_positives\"", "\"sha256\"");

        Split r = SplitFiles.read(dir);
        assertThat(r.users().ids()).isEqualTo(s.users().ids());
        assertThat(r.items().ids()).isEqualTo(s.items().ids());
        assertSame(r.train(), s.train());
        assertSame(r.test(), s.test());
        assertThat(r.trainTime()).containsExactly(s.trainTime());
        assertThat(r.testTime()).containsExactly(s.testTime());
        assertThat(r.params()).isEqualTo(s.params());
        assertThat(r.protocol()).isEqualTo(s.protocol());
        // writing the read split again gives byte-identical files
        Path again = dir.resolve("again");
        SplitManifest m2 = SplitFiles.write(r, again);
        assertThat(m2.files()).isEqualTo(m.files());
    }

    @Test
    void splitFilesHaveExternalIdsAndHeaders() throws IOException {
        InteractionData d = SplitTestData.of("t", List.of("u1 a 3", "u1 b 1.5", "u2 a 1"));
        SplitFiles.write(new HoldoutSplitter(HoldoutConfig.of(1)).split(d), dir);
        assertThat(Files.readAllLines(dir.resolve("train.tsv"))).containsExactly("user\titem\tweight", "u1\ta\t3", "u1\tb\t1.5", "u2\ta\t1");
        assertThat(Files.readAllLines(dir.resolve("test.tsv"))).containsExactly("user\titem\tweight");
        assertThat(Files.readAllLines(dir.resolve("users.tsv"))).containsExactly("user", "u1", "u2");
    }

    @Test
    void rejectsChangedFilesAndBadLines() throws IOException {
        InteractionData d = SplitTestData.random(5, 30, 40, 20);
        SplitFiles.write(new HoldoutSplitter(HoldoutConfig.of(3)).split(d), dir);
        Path test = dir.resolve("test.tsv");
        List<String> lines = Files.readAllLines(test);
        Files.writeString(test, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        assertThatThrownBy(() -> SplitFiles.read(dir)).isInstanceOf(UnusableFileException.class)
                .hasMessageContaining("test.tsv does not match split.json");
        // a malformed line is rejected with its line number even when the checksum is updated to match
        Files.writeString(test, lines.get(0) + "\n" + lines.get(1) + "\nnobody\ti1\t1\t5\n");
        SplitManifest m = SplitFiles.manifest(dir);
        var files = new java.util.LinkedHashMap<>(m.files());
        files.put("test.tsv", new SplitManifest.FileInfo(2, Files.size(test), SplitFiles.sha256(test)));
        SplitFiles.mapper().writeValue(dir.resolve("split.json").toFile(), new SplitManifest(m.format(), m.dataset(), m.protocol(),
                m.seed(), m.params(), m.users(), m.items(), m.trainPositives(), 2, m.testUsers(), m.timestamps(), files));
        assertThatThrownBy(() -> SplitFiles.read(dir)).isInstanceOf(UnusableFileException.class)
                .hasMessageContaining("test.tsv:3: unknown user 'nobody'");
        assertThatThrownBy(() -> SplitFiles.read(dir.resolve("missing"))).hasMessageContaining("no split.json");
    }

    private static void assertSame(InteractionMatrix a, InteractionMatrix b) {
        assertThat(a.users()).isEqualTo(b.users());
        assertThat(a.items()).isEqualTo(b.items());
        assertThat(a.userPtr()).containsExactly(b.userPtr());
        assertThat(a.userItems()).containsExactly(b.userItems());
        assertThat(a.userValues()).containsExactly(b.userValues());
    }
}
