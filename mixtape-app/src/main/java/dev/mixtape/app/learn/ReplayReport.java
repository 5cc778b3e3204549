package dev.mixtape.app.learn;

import java.util.Locale;

/** The replay evaluation as a Markdown table, each surface's Recall@50 also as a ratio to offline iALS. Stateless. */
public final class ReplayReport {
    private ReplayReport() {}

    public static String markdown(ReplayEvaluation.Report r) {
        double ials = r.rows().stream().filter(x -> x.surface().startsWith("offline iALS")).mapToDouble(ReplayEvaluation.Row::recall50)
                .findFirst().orElse(Double.NaN);
        double pop = r.rows().stream().filter(x -> x.surface().equals("offline most-popular")).mapToDouble(ReplayEvaluation.Row::recall50)
                .findFirst().orElse(Double.NaN);
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
        return b.toString();
    }
}
