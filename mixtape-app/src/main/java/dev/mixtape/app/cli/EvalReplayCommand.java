package dev.mixtape.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.learn.ReplayEvaluation;
import dev.mixtape.app.learn.ReplayReport;
import dev.mixtape.core.MixtapeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay real listening through the product and score every personalized surface.",
            "Holds out a random fifth of each test listener's Last.fm artists, imports the other",
            "Last.fm users, posts each test listener's remaining listening as play events through",
            "the same service the HTTP API uses, trains the listening model as the server would,",
            "then asks sessions, every v2 strategy (user_id only, at 14:00 UTC; auto also at 08:00)",
            "and /v1/recommendations (the listener's top 5 tracks as seeds) for 50 tracks and scores",
            "their artists against the held-out ones (HitRate, Recall, NDCG at 20 and 50, known-artist",
            "share, coverage), next",
            "to offline iALS, EASE, item-kNN and most-popular on the same listening. Half as many",
            "validation listeners are replayed too: the session blend is fitted on them and reported",
            "(the S-B seed's blend and the fitted one are both scored on the test listeners). Runs on a fresh",
            "embedded store under OUT/home (the catalog is imported there first, about 15 s).",
            "Writes OUT/replay.json and OUT/replay.md, and keeps the JSON in the server's home (evaluations/) for the",
            "web UI's Models page. See docs/EVALUATION.md.",
            "Example: mixtape eval replay --users 300 --out replay-out"})
final class EvalReplayCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "lastfm-2k", description = "The listening to replay (only lastfm-2k; default).")
    String dataset;

    @Option(names = "--users", paramLabel = "N", defaultValue = "300", description = "Test listeners (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the sample and the holdout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "replay-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        if (!"lastfm-2k".equals(dataset)) {
            throw new MixtapeException("unknown dataset '" + dataset + "'; the replay knows lastfm-2k");
        }
        ReplayEvaluation.Options o;
        try {
            o = new ReplayEvaluation.Options(users, seed, 0.2);
        } catch (IllegalArgumentException e) {
            throw new MixtapeException(e.getMessage());
        }
        Path serverHome = EvalHome.serverHome(options);
        MixtapeConfig cfg = EvalHome.config(options, out);
        long t0 = System.nanoTime();
        ReplayEvaluation.Report report = EvalHome.run(cfg, "eval replay", new ReplayEvaluation(o)::run);
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.info().put("seconds", Math.round(seconds * 10) / 10.0);
        report.info().put("users_option", users);
        report.info().put("seed", seed);
        Files.createDirectories(out);
        Map<String, Object> result = Map.of("info", report.info(), "rows", report.rows());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("replay.json").toFile(), result);
        String md = ReplayReport.markdown(report);
        Files.writeString(out.resolve("replay.md"), md);
        Files.writeString(out.resolve("replay.html"), ReplayReport.html(report));
        System.out.print(md);
        System.out.println("Wrote " + out.resolve("replay.json") + ", .md and .html" + String.format(java.util.Locale.ROOT, " (%.0f s)", seconds));
        EvalHome.keep(serverHome, "replay", result);
        return 0;
    }
}
