package dev.mixtape.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.eval.ModelResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir
    Path dir;

    static EvaluationReport sample() {
        Map<String, Double> pop = new LinkedHashMap<>();
        Map<String, Double> als = new LinkedHashMap<>();
        for (int k : new int[] {10, 20}) {
            pop.put("recall@" + k, 0.05 * k / 10);
            pop.put("ndcg@" + k, 0.04 * k / 10);
            pop.put("ild@" + k, Double.NaN);
            als.put("recall@" + k, 0.09 * k / 10);
            als.put("ndcg@" + k, 0.07 * k / 10);
            als.put("ild@" + k, 0.8);
        }
        return new EvaluationReport("lastfm-2k", "per-user-holdout", 42, 1892, 17632, 1870, List.of(
                new ModelResult("pop", Map.of(), 3, 120, 1870, pop),
                new ModelResult("ials <64>", new java.util.TreeMap<>(Map.of("factors", 64, "alpha", 2.0)), 1500, 900, 1870, als)));
    }

    @Test
    void jsonHasOneEntryPerModelWithEveryMetricAndReadsBack() throws IOException {
        Path file = dir.resolve("r.json");
        JsonReport.write(sample(), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("dataset").asText()).isEqualTo("lastfm-2k");
        assertThat(root.get("seed").asLong()).isEqualTo(42);
        assertThat(root.get("models")).hasSize(2);
        JsonNode als = root.get("models").get(1);
        assertThat(als.get("name").asText()).isEqualTo("ials <64>");
        assertThat(als.get("params").get("factors").asInt()).isEqualTo(64);
        assertThat(als.get("train_ms").asLong()).isEqualTo(1500);
        assertThat(als.get("eval_ms").asLong()).isEqualTo(900);
        assertThat(als.get("ndcg@20").asDouble()).isEqualTo(0.14);
        assertThat(root.get("models").get(0).get("ild@10").isNull()).isTrue();

        EvaluationReport back = JsonReport.read(file);
        assertThat(back.models()).hasSize(2);
        assertThat(back.models().get(1).metrics()).isEqualTo(sample().models().get(1).metrics());
        assertThat(back.models().get(1).params()).containsEntry("factors", 64);
        assertThat(back.models().get(0).metric("ild@10")).isNaN();
        assertThat(back.testUsers()).isEqualTo(1870);
    }

    @Test
    void markdownTableHasARowPerModel() {
        String md = MarkdownReport.render(sample());
        List<String> lines = md.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("| model | params | train ms | eval ms | recall@10 | ndcg@10 | ild@10 |");
        assertThat(lines.get(3)).startsWith("| ials <64> | alpha=2.0, factors=64 | 1500 | 900 | 0.0900 |");
        assertThat(lines.get(2)).contains("| – |");
    }

    @Test
    void htmlIsSelfContainedWithChartsForEveryModel() throws IOException {
        List<Path> files = Reports.writeAll(sample(), dir.resolve("out"));
        assertThat(files).allSatisfy(f -> assertThat(f).isRegularFile());
        String html = Files.readString(dir.resolve("out").resolve(Reports.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).doesNotContain("<script", " src=", "href=", "@import");
        assertThat(html).contains("aria-label=\"recall@k\"", "aria-label=\"ndcg@k\"", "aria-label=\"ndcg@20\"", "<polyline");
        assertThat(html).contains(">pop<", "ials &lt;64&gt;").doesNotContain("ials <64>");
        // a bar chart per metric key plus train and eval time, and the two curves
        assertThat(count(html, "<svg class=\"chart bars\"")).isEqualTo(6 + 2);
        assertThat(count(html, "<svg class=\"chart lines\"")).isEqualTo(2);
        assertThat(count(html, "<svg")).isEqualTo(count(html, "</svg>"));
        // each model is drawn in each bar chart
        assertThat(count(html, "<rect x=\"130\"")).isEqualTo(6 * 2 - 2 + 2 * 2); // two NaN ild bars are "n/a"
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
