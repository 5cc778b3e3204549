package dev.mixtape.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.eval.data.InteractionData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow on a tiny dataset in Last.fm's format: split and validation split written, one
 * tuning trial per model, lists written and scored, the combined reports and the iALS timing
 * written. Spark runs too when mixtape-peers-spark is packaged (the -Ppeers reactor builds it
 * first); otherwise its row says so.
 */
class PeersEvalIT {
    @TempDir
    Path tmp;

    @Test
    void oursAndPeersInOneRun() throws Exception {
        Path data = tmp.resolve("lastfm");
        Files.createDirectories(data);
        InteractionData d = TinyData.data(60, 80, 15, 11);
        StringBuilder b = new StringBuilder("userID\tartistID\tweight\n");
        for (int k = 0; k < d.size(); k++) {
            b.append(d.users().id(d.user()[k]).substring(1)).append('\t').append(d.items().id(d.item()[k]).substring(1)).append('\t')
                    .append((int) d.weight()[k]).append('\n');
        }
        Files.writeString(data.resolve("user_artists.dat"), b, StandardCharsets.UTF_8);
        Path spark = Path.of(System.getProperty("mixtape.peers.spark.dir", "../mixtape-peers-spark/target"));
        List<String> peers = new ArrayList<>(List.of("ranksys-hkv", "librec-wrmf", "librec-itemknn"));
        boolean withSpark = new SparkAls(spark, "", 2).available();
        if (withSpark) {
            peers.add(SparkAls.NAME);
        }
        Path out = tmp.resolve("out");
        new PeersEval().run(PeersEval.parse(new String[] {"--data", data.toString(), "--out", out.toString(), "--trials", "1",
                "--ours", "pop,ials", "--peers", String.join(",", peers), "--spark-target", spark.toString(),
                "--spark-java-opts", "-Xmx1g", "--timing-repeats", "1"}));

        for (String f : List.of("results.json", "results.md", "report.html", "peers.json", "peers.md", "split/split.json",
                "validation-split/split.json", "lists/ranksys-hkv.lists.tsv")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("peers.json").toFile());
        assertThat(summary.get("models")).hasSize(2 + peers.size());
        for (JsonNode m : summary.get("models")) {
            assertThat(m.has("error")).as("%s", m).isFalse();
            assertThat(m.get("metrics").get("ndcg@20").asDouble()).as(m.get("model").asText()).isGreaterThan(0);
        }
        assertThat(summary.get("als_timing").get("ranksys-hkv_over_ials").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("peers.md"))).contains("| ranksys-hkv | ranksys |").contains("× our iALS");
        if (withSpark) {
            assertThat(summary.get("als_timing").has("spark-als_over_ials")).isTrue();
        }
    }
}
