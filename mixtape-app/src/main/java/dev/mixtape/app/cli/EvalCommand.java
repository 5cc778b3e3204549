package dev.mixtape.app.cli;

import dev.mixtape.algo.cf.EaseConfig;
import dev.mixtape.algo.cf.EaseTrainer;
import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.ItemKnnConfig;
import dev.mixtape.algo.cf.ItemKnnTrainer;
import dev.mixtape.algo.cf.MostPopularConfig;
import dev.mixtape.algo.cf.MostPopularTrainer;
import dev.mixtape.algo.cf.Rp3betaConfig;
import dev.mixtape.algo.cf.Rp3betaTrainer;
import dev.mixtape.algo.cf.Trainer;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.eval.Evaluator;
import dev.mixtape.eval.ModelResult;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import dev.mixtape.eval.report.EvaluationReport;
import dev.mixtape.eval.report.Reports;
import dev.mixtape.eval.split.HoldoutConfig;
import dev.mixtape.eval.split.HoldoutSplitter;
import dev.mixtape.eval.split.Split;
import dev.mixtape.eval.split.SplitFiles;
import dev.mixtape.eval.tune.ParamSpace;
import dev.mixtape.eval.tune.RandomSearch;
import dev.mixtape.eval.tune.Tuner;
import dev.mixtape.eval.tune.TuningResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Offline evaluation of the collaborative-filtering models on a public dataset (docs/EVALUATION.md):",
            "per-user seeded 80/20 split written to files, full ranking with training items excluded, every metric at each k.",
            "Example: mixtape eval --dataset lastfm-2k --models pop,itemknn,rp3beta,ials,ease --k 10,20 --out eval-out"})
final class EvalCommand implements Callable<Integer> {
    static final List<String> MODELS = List.of("pop", "itemknn", "rp3beta", "ials", "ease");

    @Option(names = "--dataset", defaultValue = "lastfm-2k", description = "Dataset (default: ${DEFAULT-VALUE}; read from MIXTAPE_DATA_DIR/lastfm-hetrec2011-2k).")
    String dataset;

    @Option(names = "--models", defaultValue = "pop,itemknn,rp3beta,ials,ease", split = ",",
            description = "Models, comma-separated, from " + "pop, itemknn, rp3beta, ials, ease (default: all).")
    List<String> models;

    @Option(names = "--k", defaultValue = "10,20", split = ",", description = "Cut-offs (default: ${DEFAULT-VALUE}).")
    List<Integer> cutoffs;

    @Option(names = "--seed", defaultValue = "42", description = "Split seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval-out",
            description = "Output folder: split files, results.json, results.md, report.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tune", paramLabel = "TRIALS", defaultValue = "0",
            description = {"Before the final run, tune each model (except pop) with a seeded random search of TRIALS",
                "points on a validation split carved from the training part only (metric ndcg@<largest k>); 0: use defaults."})
    int tuneTrials;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        if (!dataset.equals(LastFmReader.NAME)) {
            throw new InvalidRequestException("unknown dataset '" + dataset + "' (known: " + LastFmReader.NAME + ")");
        }
        for (String m : models) {
            if (!MODELS.contains(m)) {
                throw new InvalidRequestException("unknown model '" + m + "' (known: " + String.join(", ", MODELS) + ")");
            }
        }
        for (int k : cutoffs) {
            if (k < 1 || k > 1000) {
                throw new InvalidRequestException("--k values must be from 1 to 1000, got " + k);
            }
        }
        MixtapeConfig cfg = options.load(Map.of());
        Path dir = cfg.dataDir().resolve("lastfm-hetrec2011-2k");
        LastFmDataset data = new LastFmReader().read(dir);
        Split split = new HoldoutSplitter(HoldoutConfig.of(seed)).split(data.interactions());
        SplitFiles.write(split, out.resolve("split"));
        Split read = SplitFiles.read(out.resolve("split"));
        Evaluator evaluator = Evaluator.standard(read,
                data.tags().realign(data.interactions().items(), read.items()), cutoffs);
        System.out.printf(Locale.ROOT, "%s: %,d users, %,d items, %,d train + %,d test positives, seed %d; split in %s%n",
                dataset, read.users().size(), read.items().size(), read.train().nnz(), read.test().nnz(), seed,
                out.resolve("split"));
        if (tuneTrials < 0) {
            throw new InvalidRequestException("--tune must be 0 or more, got " + tuneTrials);
        }
        Split validation = tuneTrials > 0 ? new HoldoutSplitter(HoldoutConfig.of(seed)).validation(read) : null;
        String tuneMetric = "ndcg@" + cutoffs.stream().mapToInt(Integer::intValue).max().orElse(20);
        List<ModelResult> results = new ArrayList<>();
        for (String m : models) {
            Map<String, Object> chosen = Map.of();
            if (validation != null && !SPACES.get(m).isEmpty()) {
                TuningResult t = new Tuner(validation, tuneMetric, 0).tune(m, ParamSpace.of(new java.util.TreeMap<>(SPACES.get(m))),
                        new RandomSearch(tuneTrials, seed), p -> trainer(m, p, new LinkedHashMap<>()), trial -> { });
                chosen = t.bestParams();
                System.out.printf(Locale.ROOT, "tuned %s on the validation split: %s (%s %.4f over %d trials)%n", m,
                        chosen, tuneMetric, t.bestValue(), t.trials().size());
            }
            try (Progress progress = new Progress("eval " + m)) {
                Map<String, Object> params = new LinkedHashMap<>();
                Trainer<?> trainer = trainer(m, chosen, params);
                results.add(evaluator.trainAndEvaluate(m, params, trainer,
                        (done, total) -> progress.progress("users", done, total)));
            }
        }
        List<Path> files = Reports.writeAll(EvaluationReport.of(read, results), out);
        printTable(results, cutoffs);
        System.out.println("reports: " + files);
        return 0;
    }

    /** What {@code --tune} searches, per model (pop has nothing to tune); searched in parameter-name order, so runs reproduce. */
    static final Map<String, Map<String, List<?>>> SPACES = Map.of(
            "pop", Map.of(),
            "itemknn", Map.of("neighbours", List.of(50, 100, 200, 400), "shrink", List.of(0.0, 10.0, 50.0, 100.0)),
            "rp3beta", Map.of("alpha", List.of(0.5, 0.75, 1.0), "beta", List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
                    "neighbours", List.of(100, 200, 400)),
            "ials", Map.of("regularization", List.of(1.0, 10.0, 50.0, 100.0, 300.0), "alpha", List.of(5.0, 10.0, 20.0, 40.0)),
            "ease", Map.of("lambda", List.of(50.0, 100.0, 200.0, 500.0, 1000.0)));

    /**
     * The trainer of {@code model}: its documented defaults with {@code overrides} (names as in
     * {@link #SPACES}) applied; {@code params} receives the resulting config for the report.
     */
    static Trainer<?> trainer(String model, Map<String, Object> overrides, Map<String, Object> params) {
        params.putAll(overrides);
        return switch (model) {
            case "pop" -> {
                MostPopularConfig c = MostPopularConfig.defaults();
                params.put("config", c.toString());
                yield new MostPopularTrainer(c);
            }
            case "itemknn" -> {
                ItemKnnConfig c = ItemKnnConfig.defaults();
                if (overrides.get("neighbours") instanceof Integer v) {
                    c = c.withNeighbours(v);
                }
                if (overrides.get("shrink") instanceof Double v) {
                    c = c.withShrink(v);
                }
                params.put("config", c.toString());
                yield new ItemKnnTrainer(c);
            }
            case "rp3beta" -> {
                Rp3betaConfig c = Rp3betaConfig.defaults();
                if (overrides.get("alpha") instanceof Double v) {
                    c = c.withAlpha(v);
                }
                if (overrides.get("beta") instanceof Double v) {
                    c = c.withBeta(v);
                }
                if (overrides.get("neighbours") instanceof Integer v) {
                    c = c.withNeighbours(v);
                }
                params.put("config", c.toString());
                yield new Rp3betaTrainer(c);
            }
            case "ials" -> {
                ImplicitAlsConfig c = ImplicitAlsConfig.defaults();
                if (overrides.get("regularization") instanceof Double v) {
                    c = c.withRegularization(v);
                }
                if (overrides.get("alpha") instanceof Double v) {
                    c = c.withAlpha(v);
                }
                params.put("config", c.toString());
                params.put("input", "binarised");
                // The split keeps play counts; confidence 1 + 40·count would drown the signal in heavy users.
                ImplicitAlsTrainer als = new ImplicitAlsTrainer(c);
                yield (Trainer<?>) m -> als.train(m.binarised());
            }
            case "ease" -> {
                EaseConfig c = EaseConfig.defaults();
                if (overrides.get("lambda") instanceof Double v) {
                    c = c.withLambda(v);
                }
                params.put("config", c.toString());
                yield new EaseTrainer(c);
            }
            default -> throw new InvalidRequestException("unknown model '" + model + "'");
        };
    }

    static void printTable(List<ModelResult> results, List<Integer> cutoffs) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s %9s", "model", "train ms"));
        for (int k : cutoffs) {
            head.append(String.format(Locale.ROOT, " %10s %10s %10s", "recall@" + k, "ndcg@" + k, "cov@" + k));
        }
        System.out.println(head);
        for (ModelResult r : results) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-9s %9d", r.name(), r.trainMs()));
            for (int k : cutoffs) {
                row.append(String.format(Locale.ROOT, " %10.4f %10.4f %10.4f", r.metric("recall@" + k),
                        r.metric("ndcg@" + k), r.metric("coverage@" + k)));
            }
            System.out.println(row);
        }
    }
}
