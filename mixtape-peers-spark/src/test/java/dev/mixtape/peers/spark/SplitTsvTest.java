package dev.mixtape.peers.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTsvTest {
    @TempDir
    Path tmp;

    @Test
    void readsIdTablesTrainingRowsAndTestUsers() throws IOException {
        Files.writeString(tmp.resolve("users.tsv"), "user\nbob\nann\ncid\n");
        Files.writeString(tmp.resolve("items.tsv"), "item\nx\ny\nz\n");
        Files.writeString(tmp.resolve("train.tsv"), "user\titem\tweight\nbob\tz\t3\nbob\tx\t1.5\nann\ty\t7\n");
        Files.writeString(tmp.resolve("test.tsv"), "user\titem\tweight\tts\nann\tz\t1\t99\n");
        SplitTsv s = SplitTsv.read(tmp);
        assertThat(s.users()).containsExactly("bob", "ann", "cid");
        assertThat(s.items()).containsExactly("x", "y", "z");
        assertThat(s.trainItems()[0]).containsExactly(0, 2); // sorted by item index
        assertThat(s.trainWeights()[0]).containsExactly(1.5f, 3f);
        assertThat(s.trainItems()[1]).containsExactly(1);
        assertThat(s.trainItems()[2]).isEmpty();
        assertThat(s.testUsers()).containsExactly(1);
        assertThat(s.trainSize()).isEqualTo(3);
    }

    @Test
    void rejectsUnknownIdsWithTheLineNumber() throws IOException {
        Files.writeString(tmp.resolve("users.tsv"), "user\nbob\n");
        Files.writeString(tmp.resolve("items.tsv"), "item\nx\n");
        Files.writeString(tmp.resolve("train.tsv"), "user\titem\tweight\nbob\tx\t1\nbob\tq\t1\n");
        Files.writeString(tmp.resolve("test.tsv"), "user\titem\tweight\n");
        assertThatThrownBy(() -> SplitTsv.read(tmp)).hasMessageContaining("train.tsv:3");
    }

    @Test
    void topNLeavesOutTrainingItemsAndItemsWithoutFactorsAndBreaksTiesLow() throws IOException {
        float[][] items = {{1}, {3}, null, {3}, {2}, {0}};
        int[] top = TopLists.topN(new float[] {1}, items, new int[] {4}, 3);
        assertThat(top).containsExactly(1, 3, 0);
        assertThat(TopLists.topN(new float[] {1}, items, new int[0], 10)).containsExactly(1, 3, 4, 0, 5);

        Path f = tmp.resolve("l.tsv");
        TopLists.write(f, new int[][] {{2, 0}, null}, List.of("bob", "ann"), List.of("x", "y", "z"));
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("user\titem\trank\nbob\tz\t1\nbob\tx\t2\n");
    }

    @Test
    void parsesConfigs() {
        SparkAlsRunner.Config c = SparkAlsRunner.Config.parse("spark-als-t2:rank=8,regParam=0.1, alpha=5");
        assertThat(c.name()).isEqualTo("spark-als-t2");
        assertThat(c.values()).containsEntry("rank", "8").containsEntry("regParam", "0.1").containsEntry("alpha", "5");
        assertThatThrownBy(() -> SparkAlsRunner.Config.parse("rank=8")).isInstanceOf(IllegalArgumentException.class);
    }
}
