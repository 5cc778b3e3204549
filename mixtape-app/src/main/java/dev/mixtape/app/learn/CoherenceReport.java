package dev.mixtape.app.learn;

import java.util.List;
import java.util.Locale;

/** The coherence evaluation as Markdown and as a self-contained HTML page (tables and one bar chart). Stateless. */
public final class CoherenceReport {
    /** The targets, shown beside the figures. */
    static final double MAX_OUT_OF_SCENE = 0.02;
    static final double MIN_CO_LISTENED = 0.6;

    private CoherenceReport() {}

    public static String markdown(CoherenceEvaluation.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Coherence over %d anchors (%s held-out Last.fm users of %s; targets: out of scene ≤ %.0f%%, co-listened ≥ %.1f)%n%n",
                ((List<?>) r.info().get("anchors")).size(), r.info().get("held_out_users"), r.info().get("lastfm_users"),
                100 * MAX_OUT_OF_SCENE, MIN_CO_LISTENED));
        b.append("| surface | anchors | failed | picks | out of scene | co-listened | (of picks) | distinct artists | ILD |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (CoherenceEvaluation.Row x : r.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | **%.1f%%** | **%.2f** | %d | %.1f | %.2f |%n", x.surface(), x.anchors(),
                    x.failed(), x.picks(), 100 * x.outOfScene(), x.coListened(), x.coListenedBase(), x.distinctArtists(), x.ild()));
        }
        b.append("\nGenre prompts (30-track playlists): purity is the share of tracks with a genre the prompt asked for\n\n");
        b.append("| prompt | genres asked | purity | out of scene | distinct artists |\n|---|---|---|---|---|\n");
        for (CoherenceEvaluation.GenreRow g : r.genrePrompts()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.1f%% | %d |%n", g.prompt(), String.join(", ", g.genres()), g.purity(),
                    100 * g.outOfScene(), g.distinctArtists()));
        }
        List<CoherenceEvaluation.Detail> strays = r.details().stream().filter(d -> d.outOfScene() > 0).toList();
        if (!strays.isEmpty()) {
            b.append("\nOut-of-scene picks (anchor, surface: first artists that strayed)\n\n");
            for (CoherenceEvaluation.Detail d : strays) {
                b.append(String.format(Locale.ROOT, "- %s, %s: %d of %d — %s%n", d.anchor(), d.surface(), d.outOfScene(), d.picks(),
                        String.join("; ", d.strays())));
            }
        }
        return b.toString();
    }

    public static String html(CoherenceEvaluation.Report r) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mixtape coherence</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child,th:first-child{text-align:left}"
                + ".bar{display:inline-block;height:.8em;background:#3b7}.bad{background:#d54}</style></head><body>");
        b.append("<h1>Coherence</h1><p>").append(esc(String.valueOf(((List<?>) r.info().get("anchors")).size())))
                .append(" anchors; targets: out of scene ≤ 2%, co-listened ≥ 0.6.</p>");
        b.append("<table><tr><th>surface</th><th>anchors</th><th>out of scene</th><th>co-listened</th><th>distinct artists</th><th>ILD</th></tr>");
        for (CoherenceEvaluation.Row x : r.rows()) {
            boolean sceneOk = x.outOfScene() <= MAX_OUT_OF_SCENE;
            boolean coOk = x.coListened() >= MIN_CO_LISTENED;
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f%% <span class=\"bar%s\" style=\"width:%dpx\"></span></td>"
                    + "<td>%.2f <span class=\"bar%s\" style=\"width:%dpx\"></span></td><td>%.1f</td><td>%.2f</td></tr>",
                    esc(x.surface()), x.anchors(), 100 * x.outOfScene(), sceneOk ? "" : " bad", Math.round(400 * x.outOfScene()),
                    x.coListened(), coOk ? "" : " bad", Double.isNaN(x.coListened()) ? 0 : Math.round(100 * x.coListened()),
                    x.distinctArtists(), x.ild()));
        }
        b.append("</table><h2>Genre prompts</h2><table><tr><th>prompt</th><th>genres asked</th><th>purity</th><th>out of scene</th>"
                + "<th>distinct artists</th></tr>");
        for (CoherenceEvaluation.GenreRow g : r.genrePrompts()) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.2f <span class=\"bar\" style=\"width:%dpx\"></span></td>"
                    + "<td>%.1f%%</td><td>%d</td></tr>", esc(g.prompt()), esc(String.join(", ", g.genres())), g.purity(),
                    Double.isNaN(g.purity()) ? 0 : Math.round(100 * g.purity()), 100 * g.outOfScene(), g.distinctArtists()));
        }
        b.append("</table><h2>Out-of-scene picks</h2><ul>");
        for (CoherenceEvaluation.Detail d : r.details()) {
            if (d.outOfScene() > 0) {
                b.append("<li>").append(esc(d.anchor() + ", " + d.surface() + ": " + d.outOfScene() + " of " + d.picks() + " — "
                        + String.join("; ", d.strays()))).append("</li>");
            }
        }
        return b.append("</ul></body></html>\n").toString();
    }

    /** {@code s} as HTML text or attribute value (the evaluation reports' one escaper). */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
