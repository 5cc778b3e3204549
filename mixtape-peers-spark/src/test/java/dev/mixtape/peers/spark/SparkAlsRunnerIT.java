package dev.mixtape.peers.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark ALS in local mode on a tiny split: lists for every test user, no training item, timings written. */
class SparkAlsRunnerIT {
    @TempDir
    Path tmp;

    @Test
    void trainsAndWritesListsForEveryTestUser() throws Exception {
        Path split = TinySplit.write(tmp.resolve("split"), 40, 60, 12, 5);
        Path out = tmp.resolve("out");
        SparkAlsRunner.run(split, out, 10, 2, List.of(SparkAlsRunner.Config.parse("als:rank=8,iterations=5,regParam=0.1,alpha=5")));

        SplitTsv s = SplitTsv.read(split);
        Map<String, Set<String>> train = new HashMap<>();
        for (int u = 0; u < s.users().size(); u++) {
            for (int i : s.trainItems()[u]) {
                train.computeIfAbsent(s.users().get(u), x -> new HashSet<>()).add(s.items().get(i));
            }
        }
        List<String> lines = Files.readAllLines(out.resolve("als.lists.tsv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("user\titem\trank");
        Map<String, Integer> perUser = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(train.getOrDefault(f[0], Set.of())).as(line).doesNotContain(f[1]);
            perUser.merge(f[0], 1, Integer::sum);
        }
        assertThat(perUser).hasSize(s.testUsers().length);
        assertThat(perUser.values()).allMatch(n -> n == 10);
        String props = Files.readString(out.resolve("als.properties"), StandardCharsets.UTF_8);
        assertThat(props).containsPattern("train_ms=\\d+").contains("rank=8").contains("implicitPrefs=true");
    }
}
