package dev.mixtape.peers;

import dev.mixtape.eval.tune.OurModels;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixtape.core.DataDir;
import dev.mixtape.eval.Evaluator;
import dev.mixtape.eval.ModelResult;
import dev.mixtape.eval.ProgressListener;
import dev.mixtape.eval.RecommendationLists;
import dev.mixtape.eval.data.ItemTags;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import dev.mixtape.eval.metric.MetricCatalog;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Peers in the same run (issue 5): writes the split (or reads one), carves the validation split
 * from its training side ({@code splitter.validation}), tunes every model — ours and the peers' —
 * by the same seeded random search on it (metric ndcg@ the largest k), trains the chosen point on
 * the whole training side, and scores everything with one {@link Evaluator} from ranked-list files.
 * Writes {@code results.json|md}, {@code report.html} (every metric), {@code peers.md} /
 * {@code peers.json} (the comparison and the iALS training-time ratios) into {@code --out}.
 *
 * <pre>
 * java -Xmx6g -cp 'mixtape-peers/target/mixtape-peers.jar:mixtape-peers/target/lib/*' dev.mixtape.peers.PeersEval \
 *   [--data DIR] [--split DIR] [--out eval-peers] [--seed 42] [--k 10,20] [--trials 6] [--trials-for NAME=N,...]
 *   [--ours pop,itemknn,rp3beta,ials,ease] [--peers all|NAME,...] [--spark-target DIR] [--spark-java-opts '-Xmx3g']
 *   [--threads 2] [--timing-repeats 3] [--help]
 * </pre>
 */
public final class PeersEval {
    /** Every peer by name, in report order. */
    static final List<String> PEERS = List.of("librec-itemknn", "librec-wrmf", "librec-bpr", "librec-eals", "librec-slim",
            "ranksys-itemknn", "ranksys-hkv", SparkAls.NAME);

    /** Models whose training time is compared with our iALS at equal factors and iterations. */
    static final List<String> ALS_PEERS = List.of("ranksys-hkv", "librec-wrmf", "librec-eals", SparkAls.NAME);

    record Options(Path data, Path split, Path out, long seed, List<Integer> cutoffs, int trials, Map<String, Integer> trialsFor,
                   List<String> ours, List<String> peers, Path sparkTarget, String sparkJavaOpts, int threads, int timingRepeats) {
        int trials(String model) {
            return trialsFor.getOrDefault(model, trials);
        }

        int listLength() {
            return cutoffs.stream().mapToInt(Integer::intValue).max().orElse(20);
        }

        String tuneMetric() {
            return "ndcg@" + listLength();
        }
    }

    /** One row of the comparison. */
    record Row(String model, String library, ModelResult result, Map<String, Object> chosen, double validation, int trials,
               String error, Map<String, Object> extra) {}

    /** RankSys logs every ALS iteration at INFO through java.util.logging; kept here so the setting is not collected. */
    private static final java.util.logging.Logger RANKSYS_LOG = java.util.logging.Logger.getLogger("es.uam.eps.ir.ranksys");

    public static void main(String[] args) {
        RANKSYS_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The command line of {@link Cli}; bad options end with the message and the usage on stderr, exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        // scripts/eval-peers passes --spark-target before the caller's options, which may give it again: the last one wins
        cli.setOverwrittenOptionsAllowed(true);
        return cli;
    }

    /**
     * The options {@code args} give.
     *
     * @throws CommandLine.ParameterException naming the option when one is unknown, lacks its value or has a bad one
     */
    static Options parse(String... args) {
        CommandLine cli = commandLine();
        cli.parseArgs(args);
        return cli.<Cli>getCommand().options();
    }

    @Command(name = "eval-peers", mixinStandardHelpOptions = true, version = "mixtape-peers 0.1.0", sortOptions = false,
            usageHelpWidth = 120,
            description = {"Peers in the same run: our models and LibRec, RankSys and Spark MLlib ALS, tuned by the same seeded",
                "random search on a validation split carved from the training side (metric ndcg@<largest k>), trained on the",
                "whole training side and scored by our evaluator from ranked-list files (mixtape-peers/README.md).",
                "Writes results.json|md, report.html, peers.md and peers.json into --out."})
    static final class Cli implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Last.fm HetRec 2011 folder (default: $MIXTAPE_DATA_DIR/lastfm-hetrec2011-2k).")
        Path data;

        @Option(names = "--split", paramLabel = "DIR",
                description = "Read this split (e.g. the split/ folder of ./mixtape eval --out DIR) instead of writing one into --out.")
        Path split;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval-peers", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "Seed of the split, the validation split and the random search (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--k", paramLabel = "K", defaultValue = "10,20", split = "\\s*,\\s*", splitSynopsisLabel = ",",
                description = "Cut-offs; the largest is the list length and the tuning metric's (default: ${DEFAULT-VALUE}).")
        List<Integer> cutoffs;

        @Option(names = "--trials", paramLabel = "N", defaultValue = "6",
                description = "Random-search points per model; 0: every model with its defaults (default: ${DEFAULT-VALUE}).")
        int trials;

        @Option(names = "--trials-for", paramLabel = "NAME=N", split = ",",
                description = "Points for some models instead of --trials, e.g. librec-wrmf=2,librec-slim=1.")
        Map<String, Integer> trialsFor = new LinkedHashMap<>();

        @Option(names = "--ours", paramLabel = "NAME,...|none",
                description = "Our models (default: all of pop,itemknn,rp3beta,ials,ease).")
        String ours;

        @Option(names = "--peers", paramLabel = "all|none|NAME,...",
                description = {"Peers (default: all of librec-itemknn,librec-wrmf,librec-bpr,librec-eals,librec-slim,",
                    "ranksys-itemknn,ranksys-hkv,spark-als)."})
        String peers;

        @Option(names = "--spark-target", paramLabel = "DIR", defaultValue = "mixtape-peers-spark/target",
                description = "Where mixtape-peers-spark.jar and its lib/ are (default: ${DEFAULT-VALUE}).")
        Path sparkTarget;

        @Option(names = "--spark-java-opts", paramLabel = "OPTS", defaultValue = "-Xmx3g",
                description = "JVM options of the Spark runner's JVM (default: ${DEFAULT-VALUE}).")
        String sparkJavaOpts;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
                description = "Worker threads of the evaluation, the tuning and the Spark runner (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--timing-repeats", paramLabel = "N", defaultValue = "3",
                description = "Extra trainings of our iALS for the training-time ratios (default: ${DEFAULT-VALUE}).")
        int timingRepeats;

        @Override
        public Integer call() throws Exception {
            new PeersEval().run(options());
            return 0;
        }

        /** The parsed options, checked. */
        Options options() {
            List<String> ourModels = ours == null ? OurModels.NAMES : ours.isBlank() || ours.equals("none") ? List.of() : names(ours);
            for (String m : ourModels) {
                if (!OurModels.NAMES.contains(m)) {
                    throw bad("unknown model '" + m + "' for --ours (ours: " + String.join(",", OurModels.NAMES) + ")");
                }
            }
            List<String> peerModels = peers == null || peers.equals("all") ? PEERS : peers.equals("none") ? List.of() : names(peers);
            for (String p : peerModels) {
                if (!PEERS.contains(p)) {
                    throw bad("unknown peer '" + p + "' for --peers (peers: " + String.join(",", PEERS) + ")");
                }
            }
            if (trials < 0) {
                throw bad("--trials must be 0 or more, got " + trials);
            }
            for (Map.Entry<String, Integer> e : trialsFor.entrySet()) {
                if (!OurModels.NAMES.contains(e.getKey()) && !PEERS.contains(e.getKey())) {
                    throw bad("unknown model '" + e.getKey() + "' for --trials-for (ours: " + String.join(",", OurModels.NAMES)
                            + "; peers: " + String.join(",", PEERS) + ")");
                }
                if (e.getValue() < 0) {
                    throw bad("--trials-for " + e.getKey() + " must be 0 or more, got " + e.getValue());
                }
            }
            for (int k : cutoffs) {
                if (k < 1) {
                    throw bad("--k values must be 1 or more, got " + k);
                }
            }
            if (threads < 0) {
                throw bad("--threads must be 0 or more, got " + threads);
            }
            Path dataDir = data != null ? data : DataDir.resolve().resolve("lastfm-hetrec2011-2k");
            return new Options(dataDir, split, out, seed, List.copyOf(cutoffs), trials, new LinkedHashMap<>(trialsFor), ourModels,
                    peerModels, sparkTarget, sparkJavaOpts, threads, timingRepeats);
        }

        private static List<String> names(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).toList();
        }

        private CommandLine.ParameterException bad(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    void run(Options o) throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(o.out());
        LastFmDataset data = new LastFmReader().read(o.data());
        Path splitDir = o.split() != null ? o.split() : o.out().resolve("split");
        if (o.split() == null) {
            SplitFiles.write(new HoldoutSplitter(HoldoutConfig.of(o.seed())).split(data.interactions()), splitDir);
        }
        Split split = SplitFiles.read(splitDir);
        ItemTags tags = data.tags().realign(data.interactions().items(), split.items());
        Path validationDir = o.out().resolve("validation-split");
        SplitFiles.write(new HoldoutSplitter(HoldoutConfig.of(o.seed())).validation(split), validationDir);
        Split validation = SplitFiles.read(validationDir);
        say("split %s: %,d users, %,d items, %,d train + %,d test positives, %,d test users; validation split %s (%,d + %,d)",
                splitDir, split.users().size(), split.items().size(), split.train().nnz(), split.test().nnz(),
                split.testUsers().length, validationDir, validation.train().nnz(), validation.test().nnz());

        Evaluator evaluator = Evaluator.standard(split, tags, o.cutoffs()).withThreads(o.threads());
        String metric = o.tuneMetric();
        Evaluator tuneEvaluator = new Evaluator(validation,
                List.of(new MetricCatalog(validation.train(), validation.test(), null).create(metric)), o.listLength(), o.threads());
        List<Row> rows = new ArrayList<>();
        Map<String, Object> timing = new LinkedHashMap<>();

        for (String m : o.ours()) {
            rows.add(ours(o, m, split, validation, evaluator, metric, timing));
        }
        LinkedHashMap<String, Peer> inProcess = new LinkedHashMap<>();
        for (Peer p : LibrecPeers.all()) {
            inProcess.put(p.name(), p);
        }
        for (Peer p : RankSysPeers.all()) {
            inProcess.put(p.name(), p);
        }
        for (String name : o.peers()) {
            if (name.equals(SparkAls.NAME)) {
                rows.add(spark(o, splitDir, validationDir, split, validation, evaluator, tuneEvaluator, metric));
            } else {
                rows.add(peer(o, inProcess.get(name), split, validation, evaluator, tuneEvaluator, metric));
            }
        }

        List<ModelResult> results = rows.stream().filter(r -> r.result() != null).map(Row::result).toList();
        List<Path> files = new ArrayList<>(Reports.writeAll(EvaluationReport.of(split, results), o.out()));
        Map<String, Object> summary = summary(o, split, rows, timing, (System.nanoTime() - start) / 1_000_000);
        Path json = o.out().resolve("peers.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), summary);
        Path md = o.out().resolve("peers.md");
        String table = markdown(o, rows, summary);
        Files.writeString(md, table, StandardCharsets.UTF_8);
        files.add(json);
        files.add(md);
        System.out.println();
        System.out.println(table);
        say("wrote %s in %.1f min", files, (System.nanoTime() - start) / 60e9);
    }

    private Row ours(Options o, String m, Split split, Split validation, Evaluator evaluator, String metric,
                     Map<String, Object> timing) {
        Map<String, Object> chosen = Map.of();
        double value = Double.NaN;
        int trials = 0;
        Map<String, List<?>> space = OurModels.SPACES.get(m);
        if (o.trials(m) > 0 && !space.isEmpty()) {
            TuningResult t = new Tuner(validation, metric, o.threads()).tune(m, ParamSpace.of(new TreeMap<>(space)),
                    new RandomSearch(o.trials(m), o.seed()), p -> OurModels.trainer(m, p, new LinkedHashMap<>()),
                    trial -> say("  tune %s %s: %s %.4f", m, trial.params(), metric, trial.value()));
            chosen = t.bestParams();
            value = t.bestValue();
            trials = t.trials().size();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        ModelResult r = evaluator.trainAndEvaluate(m, withLibrary(params, "mixtape"), OurModels.trainer(m, chosen, params),
                ProgressListener.NONE);
        r = new ModelResult(r.name(), params, r.trainMs(), r.evalMs(), r.users(), r.metrics());
        say("%s: chosen %s, train %d ms, %s %.4f", m, chosen, r.trainMs(), metric, r.metric(metric));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (m.equals("ials")) {
            long[] ms = new long[Math.max(1, o.timingRepeats())];
            for (int k = 0; k < ms.length; k++) {
                long t0 = System.nanoTime();
                OurModels.trainer(m, chosen, new LinkedHashMap<>()).train(split.train());
                ms[k] = (System.nanoTime() - t0) / 1_000_000;
            }
            extra.put("train_ms_repeats", ms);
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            timing.put("ials_train_ms", r.trainMs());
            timing.put("ials_train_ms_repeats", ms);
            timing.put("ials_train_ms_median", sorted[sorted.length / 2]);
            say("ials: %d more trainings: %s ms", ms.length, Arrays.toString(ms));
        }
        return new Row(m, "mixtape", r, chosen, value, trials, null, extra);
    }

    private static Map<String, Object> withLibrary(Map<String, Object> params, String library) {
        params.put("library", library);
        return params;
    }

    private Row peer(Options o, Peer peer, Split split, Split validation, Evaluator evaluator, Evaluator tuneEvaluator, String metric) {
        String name = peer.name();
        String library = name.substring(0, name.indexOf('-'));
        Map<String, Object> chosen = Map.of();
        double best = Double.NaN;
        int trials = 0;
        try {
            if (o.trials(name) > 0 && !peer.space().isEmpty()) {
                Path dir = o.out().resolve("validation-lists");
                List<Map<String, Object>> candidates = new RandomSearch(o.trials(name), o.seed())
                        .candidates(ParamSpace.of(new TreeMap<>(peer.space())));
                for (Map<String, Object> p : candidates) {
                    String trialName = name + "-t" + (++trials);
                    try {
                        PeerRun run = peer.run(validation, p, o.listLength());
                        PeerFiles.write(dir, trialName, run, validation);
                        double v = tuneEvaluator.evaluate(name, p, PeerFiles.readLists(dir, trialName, validation), run.trainMs(),
                                ProgressListener.NONE).metric(metric);
                        say("  tune %s %s: %s %.4f (train %d ms)", name, p, metric, v, run.trainMs());
                        if (Double.isNaN(best) || v > best) {
                            best = v;
                            chosen = p;
                        }
                    } catch (Exception | OutOfMemoryError e) {
                        say("  tune %s %s: failed: %s", name, p, e);
                    }
                }
                if (Double.isNaN(best)) {
                    throw new IllegalStateException("every tuning trial failed");
                }
            }
            Path dir = o.out().resolve("lists");
            PeerRun run = peer.run(split, chosen, o.listLength());
            PeerFiles.write(dir, name, run, split);
            RecommendationLists lists = PeerFiles.readLists(dir, name, split);
            if (lists.problems().total() > 0) {
                say("  %s: %s", name, lists.problems());
            }
            Map<String, Object> params = withLibrary(new LinkedHashMap<>(run.config()), library);
            ModelResult r = evaluator.evaluate(name, params, lists, run.trainMs(), ProgressListener.NONE);
            say("%s: chosen %s, train %d ms, %s %.4f", name, chosen, r.trainMs(), metric, r.metric(metric));
            return new Row(name, library, r, chosen, best, trials, null, Map.of());
        } catch (Exception | OutOfMemoryError e) {
            say("%s: FAILED: %s", name, e);
            return new Row(name, library, null, chosen, best, trials, describe(e), Map.of());
        }
    }

    private Row spark(Options o, Path splitDir, Path validationDir, Split split, Split validation, Evaluator evaluator,
                      Evaluator tuneEvaluator, String metric) {
        SparkAls spark = new SparkAls(o.sparkTarget(), o.sparkJavaOpts(), o.threads());
        Map<String, Object> chosen = new LinkedHashMap<>();
        double best = Double.NaN;
        int trials = 0;
        Map<String, Object> extra = new LinkedHashMap<>();
        try {
            Map<String, Object> fixed = new LinkedHashMap<>(Map.of("rank", 64, "iterations", 15, "seed", 42));
            if (o.trials(SparkAls.NAME) > 0) {
                Path dir = o.out().resolve("validation-lists");
                Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
                for (Map<String, Object> p : new RandomSearch(o.trials(SparkAls.NAME), o.seed())
                        .candidates(ParamSpace.of(new TreeMap<>(SparkAls.SPACE)))) {
                    Map<String, Object> all = new LinkedHashMap<>(fixed);
                    all.putAll(p);
                    runs.put(SparkAls.NAME + "-t" + (++trials), all);
                }
                long wall = spark.run(validationDir, dir, o.listLength(), runs);
                extra.put("tuning_jvm_wall_ms", wall);
                for (Map.Entry<String, Map<String, Object>> e : runs.entrySet()) {
                    Map<String, String> props = PeerFiles.readProperties(dir, e.getKey());
                    double v = tuneEvaluator.evaluate(e.getKey(), e.getValue(), PeerFiles.readLists(dir, e.getKey(), validation),
                            PeerFiles.trainMs(props), ProgressListener.NONE).metric(metric);
                    say("  tune %s %s: %s %.4f (fit %s ms)", SparkAls.NAME, e.getValue(), metric, v, props.get("train_ms"));
                    if (Double.isNaN(best) || v > best) {
                        best = v;
                        chosen = new LinkedHashMap<>(e.getValue());
                        chosen.keySet().removeAll(fixed.keySet());
                    }
                }
            }
            Map<String, Object> finalRun = new LinkedHashMap<>(fixed);
            finalRun.putAll(chosen);
            finalRun.put("repeat", 2); // the first fit warms the JVM up; both times are reported
            Path dir = o.out().resolve("lists");
            long wall = spark.run(splitDir, dir, o.listLength(), Map.of(SparkAls.NAME, finalRun));
            extra.put("final_jvm_wall_ms", wall);
            Map<String, String> props = PeerFiles.readProperties(dir, SparkAls.NAME);
            extra.put("train_ms_all", props.get("train_ms_all"));
            Map<String, Object> params = withLibrary(PeerFiles.config(props), "spark");
            ModelResult r = evaluator.evaluate(SparkAls.NAME, params, PeerFiles.readLists(dir, SparkAls.NAME, split),
                    PeerFiles.trainMs(props), ProgressListener.NONE);
            say("%s: chosen %s, fits %s ms (JVM %d ms), %s %.4f", SparkAls.NAME, chosen, props.get("train_ms_all"), wall, metric,
                    r.metric(metric));
            return new Row(SparkAls.NAME, "spark", r, chosen, best, trials, null, extra);
        } catch (Exception | OutOfMemoryError e) {
            say("%s: FAILED: %s", SparkAls.NAME, e);
            return new Row(SparkAls.NAME, "spark", null, chosen, best, trials, describe(e), extra);
        }
    }

    static String describe(Throwable e) {
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        String[] lines = s.toString().split("\n");
        return String.join(" | ", Arrays.copyOf(lines, Math.min(4, lines.length))).replace("\t", "");
    }

    private static Map<String, Object> summary(Options o, Split split, List<Row> rows, Map<String, Object> timing, long wallMs) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset", split.dataset());
        s.put("protocol", split.protocol());
        s.put("seed", split.seed());
        s.put("test_users", split.testUsers().length);
        s.put("tuned_on", split.dataset() + "/validation (seed " + o.seed() + "), " + o.tuneMetric() + ", random search");
        s.put("trials", o.trials());
        s.put("trials_for", o.trialsFor());
        s.put("threads", o.threads());
        s.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        s.put("processors", Runtime.getRuntime().availableProcessors());
        s.put("wall_ms", wallMs);
        List<Map<String, Object>> models = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model());
            m.put("library", r.library());
            m.put("chosen", r.chosen());
            m.put("trials", r.trials());
            m.put("validation_" + o.tuneMetric(), Double.isNaN(r.validation()) ? null : r.validation());
            if (r.result() != null) {
                m.put("params", r.result().params());
                m.put("train_ms", r.result().trainMs());
                m.put("metrics", r.result().metrics());
            }
            if (r.error() != null) {
                m.put("error", r.error());
            }
            if (!r.extra().isEmpty()) {
                m.put("extra", r.extra());
            }
            models.add(m);
        }
        s.put("models", models);
        Map<String, Object> ratios = new LinkedHashMap<>(timing);
        Object ials = timing.get("ials_train_ms");
        if (ials instanceof Long ialsMs && ialsMs > 0) {
            for (Row r : rows) {
                if (ALS_PEERS.contains(r.model()) && r.result() != null) {
                    ratios.put(r.model() + "_train_ms", r.result().trainMs());
                    ratios.put(r.model() + "_over_ials", (double) r.result().trainMs() / ialsMs);
                }
            }
        }
        s.put("als_timing", ratios);
        return s;
    }

    private static String markdown(Options o, List<Row> rows, Map<String, Object> summary) {
        StringBuilder b = new StringBuilder();
        String vm = "val " + o.tuneMetric();
        b.append("| model | library | chosen on validation | ").append(vm).append(" | train ms");
        for (int k : o.cutoffs()) {
            b.append(" | recall@").append(k).append(" | ndcg@").append(k);
        }
        int kmax = o.listLength();
        b.append(" | coverage@").append(kmax).append(" | epc@").append(kmax).append(" |\n|---|---|---|---|---");
        b.append("|---|---".repeat(o.cutoffs().size())).append("|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.model()).append(" | ").append(r.library()).append(" | ")
                    .append(r.chosen().isEmpty() ? "—" : r.chosen().toString().replace("|", "/")).append(" | ")
                    .append(Double.isNaN(r.validation()) ? "—" : String.format(Locale.ROOT, "%.4f", r.validation())).append(" | ");
            if (r.result() == null) {
                b.append("failed: ").append(r.error() == null ? "" : r.error().replace("|", "/"));
                b.append(" |".repeat(2 * o.cutoffs().size() + 2)).append("\n");
                continue;
            }
            b.append(String.format(Locale.ROOT, "%,d", r.result().trainMs()));
            for (int k : o.cutoffs()) {
                b.append(String.format(Locale.ROOT, " | %.4f | %.4f", r.result().metric("recall@" + k), r.result().metric("ndcg@" + k)));
            }
            b.append(String.format(Locale.ROOT, " | %.4f | %.4f |%n", r.result().metric("coverage@" + kmax),
                    r.result().metric("epc@" + kmax)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) summary.get("als_timing");
        if (t.containsKey("ials_train_ms")) {
            b.append("\nTraining time at 64 factors and 15 iterations, same run (ratio = peer / our iALS ")
                    .append(t.get("ials_train_ms")).append(" ms; our iALS retrained ")
                    .append(Arrays.toString((long[]) t.get("ials_train_ms_repeats"))).append(" ms):\n\n| model | train ms | × our iALS |\n|---|---|---|\n");
            for (String p : ALS_PEERS) {
                if (t.containsKey(p + "_train_ms")) {
                    b.append(String.format(Locale.ROOT, "| %s | %,d | %.1f |%n", p, (Long) t.get(p + "_train_ms"), (Double) t.get(p + "_over_ials")));
                }
            }
        }
        return b.toString();
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
