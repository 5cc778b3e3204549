package dev.mixtape.eval.report;

import dev.mixtape.eval.ModelResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as one self-contained HTML file (inline CSS and SVG, no script, nothing fetched):
 * the results table, a bar chart per metric comparing the models, and recall@k and ndcg@k curves
 * over the cutoffs (plus precision@k when present).
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {
    private static final List<String> CURVES = List.of("recall", "ndcg", "precision");

    private HtmlReport() {}

    public static String render(EvaluationReport report) {
        List<String> models = report.models().stream().map(ModelResult::name).toList();
        List<String> keys = report.metricKeys();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>mixtape evaluation: ")
                .append(Html.escape(report.dataset())).append("</title>\n<style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}")
                .append("table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:3px 6px;text-align:right}")
                .append("td:first-child,th:first-child,td:nth-child(2){text-align:left}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:12px}.chart text{font:11px system-ui,sans-serif;fill:#333}")
                .append(".chart text.t{font-weight:600;font-size:12px}")
                .append("</style></head><body>\n");
        sb.append("<h1>mixtape evaluation</h1>\n<p>Dataset <code>").append(Html.escape(report.dataset()))
                .append("</code>, split <code>").append(Html.escape(report.protocol())).append("</code> (seed ")
                .append(report.seed()).append("): ").append(report.users()).append(" users, ").append(report.items())
                .append(" items, ").append(report.testUsers()).append(" test users.</p>\n");
        sb.append("<h2>Results</h2>\n<table><thead><tr><th>model</th><th>params</th><th>train ms</th><th>eval ms</th>");
        for (String k : keys) {
            sb.append("<th>").append(Html.escape(k)).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (ModelResult m : report.models()) {
            sb.append("<tr><td>").append(Html.escape(m.name())).append("</td><td>")
                    .append(Html.escape(MarkdownReport.params(m.params()))).append("</td><td>").append(m.trainMs())
                    .append("</td><td>").append(m.evalMs()).append("</td>");
            for (String k : keys) {
                sb.append("<td>").append(MarkdownReport.number(m.metrics().get(k))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
        sb.append("<h2>Curves</h2>\n<div class=\"grid\">\n");
        for (String metric : CURVES) {
            List<Integer> ks = report.cutoffs(metric);
            if (ks.isEmpty()) {
                continue;
            }
            double[][] values = new double[models.size()][ks.size()];
            for (int s = 0; s < models.size(); s++) {
                for (int j = 0; j < ks.size(); j++) {
                    Double v = report.models().get(s).metrics().get(metric + "@" + ks.get(j));
                    values[s][j] = v == null ? Double.NaN : v;
                }
            }
            sb.append(SvgCharts.lines(metric + "@k", ks, models, values)).append('\n');
        }
        sb.append("</div>\n<h2>Metrics by model</h2>\n<div class=\"grid\">\n");
        for (String k : keys) {
            List<Double> vs = new ArrayList<>();
            for (ModelResult m : report.models()) {
                Double v = m.metrics().get(k);
                vs.add(v == null ? Double.NaN : v);
            }
            sb.append(SvgCharts.bars(k, models, vs.stream().mapToDouble(Double::doubleValue).toArray())).append('\n');
        }
        List<String> timing = List.of("train ms", "eval ms");
        for (String t : timing) {
            double[] vs = report.models().stream().mapToDouble(m -> t.startsWith("train") ? m.trainMs() : m.evalMs()).toArray();
            sb.append(SvgCharts.bars(t, models, vs)).append('\n');
        }
        sb.append("</div>\n</body></html>\n");
        return sb.toString();
    }

    public static void write(EvaluationReport report, Path file) throws IOException {
        Files.writeString(file, render(report));
    }
}
