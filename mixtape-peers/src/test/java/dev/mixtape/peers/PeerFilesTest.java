package dev.mixtape.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.eval.RecommendationLists;
import dev.mixtape.eval.split.Split;
import dev.mixtape.eval.split.SplitFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerFilesTest {
    @TempDir
    Path tmp;

    @Test
    void listsAndPropertiesRoundTripThroughTheFilesOtherJvmsWrite() throws Exception {
        Split split = SplitFiles.read(writeSplit());
        int[] testUsers = split.testUsers();
        int[][] lists = new int[split.users().size()][];
        lists[testUsers[0]] = new int[] {5, 3, 9};
        lists[testUsers[1]] = new int[] {0};
        PeerFiles.write(tmp.resolve("out"), "peer-x", new PeerRun(lists, 1234, Map.of("factors", 64, "alpha", 10.0)), split);

        RecommendationLists read = PeerFiles.readLists(tmp.resolve("out"), "peer-x", split);
        assertThat(read.problems().total()).isZero();
        assertThat(read.list(testUsers[0])).containsExactly(5, 3, 9);
        assertThat(read.list(testUsers[1])).containsExactly(0);
        assertThat(read.list(testUsers[2])).isEmpty();
        Map<String, String> props = PeerFiles.readProperties(tmp.resolve("out"), "peer-x");
        assertThat(PeerFiles.trainMs(props)).isEqualTo(1234);
        assertThat(PeerFiles.config(props)).containsEntry("factors", "64").containsEntry("alpha", "10.0").doesNotContainKey("train_ms");
    }

    @Test
    void rankingsLeaveOutTrainingItemsAndBreakTiesToTheLowerIndex() throws Exception {
        Split split = SplitFiles.read(writeSplit());
        int items = split.items().size();
        int[][] lists = Rankings.topN(split, user -> {
            double[] s = new double[items];
            s[items - 1] = Double.NaN; // never ranked
            return s; // all ties otherwise
        }, 5, true);
        for (int u : split.testUsers()) {
            int[] ptr = split.train().userPtr();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                seen.add(split.train().userItems()[k]);
            }
            int[] expected = java.util.stream.IntStream.range(0, items - 1).filter(i -> !seen.contains(i)).limit(5).toArray();
            assertThat(lists[u]).as("user %d", u).containsExactly(expected);
        }
        int nonTest = java.util.stream.IntStream.range(0, split.users().size())
                .filter(u -> split.test().userCount(u) == 0).findFirst().orElse(-1);
        if (nonTest >= 0) {
            assertThat(lists[nonTest]).isNull();
        }
    }

    @Test
    void sparkConfigArgumentListsEverySetting() {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("rank", 64);
        p.put("regParam", 0.1);
        assertThat(SparkAls.configArg("spark-als-t1", p)).isEqualTo("spark-als-t1:rank=64,regParam=0.1");
    }

    private Path writeSplit() throws Exception {
        Path dir = tmp.resolve("split");
        SplitFiles.write(TinyData.split(), dir);
        return dir;
    }
}
