package dev.mixtape.app.cli;

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
import dev.mixtape.eval.tune.OurModels;
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

@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalReplayCommand.class, EvalCoherenceCommand.class},
        description = {"Offline evaluation of the collaborative-filtering models on a public dataset (docs/EVALUATION.md):",
            "per-user seeded 80/20 split written to files, full ranking with training items excluded, every metric at each k.",
            "Example: mixtape eval --dataset lastfm-2k --models pop,itemknn,rp3beta,ials,ease --k 10,20 --out eval-out"})
final class EvalCommand implements Callable<Integer> {
    static final List<String> MODELS = OurModels.NAMES;

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
            if (validation != null && !OurModels.SPACES.get(m).isEmpty()) {
                TuningResult t = new Tuner(validation, tuneMetric, 0).tune(m, ParamSpace.of(new java.util.TreeMap<>(OurModels.SPACES.get(m))),
                        new RandomSearch(tuneTrials, seed), p -> OurModels.trainer(m, p, new LinkedHashMap<>()), trial -> { });
                chosen = t.bestParams();
                System.out.printf(Locale.ROOT, "tuned %s on the validation split: %s (%s %.4f over %d trials)%n", m,
                        chosen, tuneMetric, t.bestValue(), t.trials().size());
            }
            try (Progress progress = new Progress("eval " + m)) {
                Map<String, Object> params = new LinkedHashMap<>();
                Trainer<?> trainer = OurModels.trainer(m, chosen, params);
                results.add(evaluator.trainAndEvaluate(m, params, trainer,
                        (done, total) -> progress.progress("users", done, total)));
            }
        }
        List<Path> files = Reports.writeAll(EvaluationReport.of(read, results), out);
        printTable(results, cutoffs);
        System.out.println("reports: " + files);
        return 0;
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
