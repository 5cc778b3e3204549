package dev.mixtape.app.learn;

import java.util.Locale;

/**
 * The replay evaluation as a Markdown table, each surface's Recall@50 also as a ratio to offline iALS, and as a
 * self-contained HTML page (the table with Recall@50 bars against the offline iALS and most-popular marks). Stateless.
 */
public final class ReplayReport {
    private ReplayReport() {}

    public static String markdown(ReplayEvaluation.Report r) {
        double ials = recall50(r, x -> x.startsWith("offline iALS"));
        double pop = recall50(r, x -> x.equals("offline most-popular"));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Replay of %s Last.fm listeners (%s held-out artists, %s events posted, model %s)%n%n",
                r.info().get("test_listeners"), r.info().get("held_out_artists"), r.info().get("events_posted"), r.info().get("model")));
        b.append("| surface | answered | failed | HR@20 | Recall@20 | NDCG@20 | HR@50 | Recall@50 | NDCG@50 | × iALS R@50 | × most-popular | known artists | coverage | ms/request |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ReplayEvaluation.Row x : r.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | **%.3f** | %.3f | %.2f | %.1f | %.2f | %.3f | %.1f |%n",
                    x.surface(), x.listeners(), x.failed(), x.hit20(), x.recall20(), x.ndcg20(), x.hit50(), x.recall50(), x.ndcg50(),
                    x.recall50() / ials, x.recall50() / pop, x.knownShare(), x.coverage(), x.msPerRequest()));
        }
        String fit = fitSummary(r);
        if (fit != null) {
            b.append("\n### Fitted session blend\n\n").append(fit).append('\n');
        }
        return b.toString();
    }

    /** One paragraph on the session blend fitted on the validation listeners, or null when the run fitted none. */
    static String fitSummary(ReplayEvaluation.Report r) {
        if (!(r.info().get("session_fit") instanceof java.util.Map<?, ?> f)) {
            return null;
        }
        return String.format(Locale.ROOT, "On %s validation listeners (not the test ones), %s: from %s (Recall@50 %s) to %s (%s), "
                        + "%s points scored; the weights %s. Serving: %s. Not fitted: %s.",
                f.get("validation_listeners"), f.get("search"), f.get("start"), f.get("start_score"), f.get("fitted"), f.get("fitted_score"),
                ((java.util.List<?>) f.get("trials")).size(), f.get("fitted_weights"), f.get("served"), f.get("not_fitted"));
    }

    public static String html(ReplayEvaluation.Report r) {
        double ials = recall50(r, x -> x.startsWith("offline iALS"));
        double pop = recall50(r, x -> x.equals("offline most-popular"));
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mixtape replay</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child,th:first-child{text-align:left}"
                + ".chart{position:relative;display:inline-block;width:300px;height:.9em;background:#f4f4f4;vertical-align:middle}"
                + ".bar{position:absolute;left:0;top:0;height:100%;background:#3b7}.offline{background:#79c}"
                + ".mark{position:absolute;top:-2px;height:calc(100% + 4px);width:2px}.ials{background:#333}.pop{background:#d54}"
                + "</style></head><body><h1>Replay evaluation</h1>");
        b.append(String.format(Locale.ROOT, "<p>%s Last.fm listeners, %s held-out artists, %s events posted through the service layer; "
                        + "model %s. Bars: Recall@50 (0–1); black mark offline iALS (%.3f), red mark most-popular (%.3f).</p>",
                CoherenceReport.esc(String.valueOf(r.info().get("test_listeners"))), CoherenceReport.esc(String.valueOf(r.info().get("held_out_artists"))),
                CoherenceReport.esc(String.valueOf(r.info().get("events_posted"))), CoherenceReport.esc(String.valueOf(r.info().get("model"))), ials, pop));
        b.append("<table><tr><th>surface</th><th>Recall@50</th><th>× iALS</th><th>× most-popular</th><th>HR@50</th><th>NDCG@50</th>"
                + "<th>Recall@20</th><th>known artists</th><th>coverage</th><th>failed</th><th>ms/request</th></tr>");
        for (ReplayEvaluation.Row x : r.rows()) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f <span class=\"chart\"><span class=\"bar%s\" style=\"width:%dpx\"></span>"
                            + "<span class=\"mark ials\" style=\"left:%dpx\"></span><span class=\"mark pop\" style=\"left:%dpx\"></span></span></td>"
                            + "<td>%.2f</td><td>%.1f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.2f</td><td>%.3f</td><td>%d</td><td>%.1f</td></tr>",
                    CoherenceReport.esc(x.surface()), x.recall50(), x.surface().startsWith("offline") ? " offline" : "", px(x.recall50()), px(ials), px(pop),
                    x.recall50() / ials, x.recall50() / pop, x.hit50(), x.ndcg50(), x.recall20(), x.knownShare(), x.coverage(), x.failed(),
                    x.msPerRequest()));
        }
        b.append("</table>");
        String fit = fitSummary(r);
        if (fit != null) {
            b.append("<h2>Fitted session blend</h2><p>").append(CoherenceReport.esc(fit)).append("</p>");
        }
        return b.append("</body></html>\n").toString();
    }

    private static long px(double recall) {
        return Double.isNaN(recall) ? 0 : Math.round(300 * Math.max(0, Math.min(1, recall)));
    }

    /** Recall@50 of the first row whose surface {@code surface} accepts; NaN when none does. */
    private static double recall50(ReplayEvaluation.Report r, java.util.function.Predicate<String> surface) {
        return r.rows().stream().filter(x -> surface.test(x.surface())).mapToDouble(ReplayEvaluation.Row::recall50).findFirst().orElse(Double.NaN);
    }
}
