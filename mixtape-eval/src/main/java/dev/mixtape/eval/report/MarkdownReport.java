package dev.mixtape.eval.report;

import dev.mixtape.eval.ModelResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as a Markdown table: one row per model (name, parameters, training and evaluation
 * milliseconds, then every metric to four decimals; an undefined metric shows as {@code –}).
 *
 * <p>Stateless and thread-safe.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(EvaluationReport report) {
        List<String> keys = report.metricKeys();
        StringBuilder sb = new StringBuilder();
        sb.append("Dataset `").append(report.dataset()).append("`, split `").append(report.protocol())
                .append("` (seed ").append(report.seed()).append("): ").append(report.users()).append(" users, ")
                .append(report.items()).append(" items, ").append(report.testUsers()).append(" test users.\n\n");
        sb.append("| model | params | train ms | eval ms |");
        keys.forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append("\n|---|---|---:|---:|");
        keys.forEach(k -> sb.append("---:|"));
        sb.append('\n');
        for (ModelResult m : report.models()) {
            sb.append("| ").append(cell(m.name())).append(" | ").append(cell(params(m.params()))).append(" | ")
                    .append(m.trainMs()).append(" | ").append(m.evalMs()).append(" |");
            for (String k : keys) {
                Double v = m.metrics().get(k);
                sb.append(' ').append(number(v)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void write(EvaluationReport report, Path file) throws IOException {
        Files.writeString(file, render(report));
    }

    static String number(Double v) {
        return v == null || !Double.isFinite(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String params(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
