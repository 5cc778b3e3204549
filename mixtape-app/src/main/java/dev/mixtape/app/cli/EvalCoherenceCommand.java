package dev.mixtape.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.learn.CoherenceEvaluation;
import dev.mixtape.app.learn.CoherenceReport;
import dev.mixtape.core.MixtapeException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "coherence", mixinStandardHelpOptions = true,
        description = {"Score whether the picks for an artist belong with it, on every surface.",
            "Imports half of the Last.fm 2k users as `import lastfm` would and holds out the",
            "other half; then, for each anchor artist, asks /v1/recommendations (seeded by the",
            "artist and by its top track), related artists, the playlist prompt \"songs like X\",",
            "v2 content (= /api/v1/tracks/{id}/similar) and v2 hybrid, and reports per surface the",
            "share of picks from a scene the anchor is not part of, the share of picks (by artists",
            "the held-out half plays) among the anchor's 50 most co-listened artists in that half,",
            "distinct artists and intra-list audio distance; and, for 14 genre prompts, the share",
            "of playlist tracks with a genre asked for. Runs on a fresh embedded store under",
            "OUT/home. Writes OUT/coherence.json, .md and .html, and keeps the JSON in the server's home",
            "(evaluations/) for the web UI's Models page. See docs/EVALUATION.md.",
            "Example: mixtape eval coherence --out coherence-out"})
final class EvalCoherenceCommand implements Callable<Integer> {
    @Option(names = "--anchors", paramLabel = "FILE",
            description = "Anchor artists, one catalog artist id or name per line (# starts a comment); default: 32 artists from many scenes.")
    Path anchors;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the Last.fm user split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "coherence-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        List<String> names = CoherenceEvaluation.DEFAULT_ANCHORS;
        if (anchors != null) {
            try {
                names = Files.readAllLines(anchors).stream().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
            } catch (NoSuchFileException e) {
                throw new MixtapeException("no anchors file: " + anchors);
            }
            if (names.isEmpty()) {
                throw new MixtapeException(anchors + " names no anchor artist (one id or name per line)");
            }
        }
        Path serverHome = EvalHome.serverHome(options);
        MixtapeConfig cfg = EvalHome.config(options, out);
        long t0 = System.nanoTime();
        CoherenceEvaluation.Report report;
        List<String> anchorNames = names;
        try {
            report = EvalHome.run(cfg, "eval coherence",
                    (app, lastFm, progress) -> new CoherenceEvaluation(new CoherenceEvaluation.Options(anchorNames, seed)).run(app, lastFm, progress));
        } catch (IllegalArgumentException e) {
            throw new MixtapeException(e.getMessage());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.info().put("seconds", Math.round(seconds * 10) / 10.0);
        report.info().put("seed", seed);
        Files.createDirectories(out);
        Map<String, Object> result = Map.of("info", report.info(), "rows", report.rows(), "genre_prompts", report.genrePrompts(),
                "details", report.details());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("coherence.json").toFile(), result);
        String md = CoherenceReport.markdown(report);
        Files.writeString(out.resolve("coherence.md"), md);
        Files.writeString(out.resolve("coherence.html"), CoherenceReport.html(report));
        System.out.print(md);
        System.out.println("Wrote " + out.resolve("coherence.json") + ", .md and .html" + String.format(java.util.Locale.ROOT, " (%.0f s)", seconds));
        EvalHome.keep(serverHome, "coherence", result);
        return 0;
    }
}
