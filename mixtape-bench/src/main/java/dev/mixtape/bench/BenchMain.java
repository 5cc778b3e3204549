package dev.mixtape.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of {@code ./mixtape bench}: one subcommand per benchmark (docs/BENCHMARKS.md). */
@Command(name = "mixtape bench", mixinStandardHelpOptions = true, version = "mixtape-bench 0.1.0",
        description = "Benchmarks and load drivers for mixtape (see docs/BENCHMARKS.md).",
        subcommands = {BenchMain.Recommend.class, BenchMain.Http.class, BenchMain.Import.class, BenchMain.Playlist.class, BenchMain.Cf.class,
            BenchMain.Sessions.class, BenchMain.FoldIn.class, BenchMain.Train.class, BenchMain.Events.class, BenchMain.Users.class, BenchMain.Strategies.class, BenchMain.Remote.class, BenchMain.Swap.class})
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        // Quiet logs (Hikari, Flyway, H2) unless asked otherwise; the same logback files as the app.
        if (System.getProperty("mixtape.log.level") == null) {
            String level = System.getenv("MIXTAPE_LOG_LEVEL");
            System.setProperty("mixtape.log.level", level == null || level.isBlank() ? "WARN" : level);
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-text.xml");
        }
        CommandLine cli = new CommandLine(new BenchMain());
        cli.registerConverter(Duration.class, BenchMain::parseDuration);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof HttpLoad.SetupException || e instanceof IOException || e instanceof RunnerException
                    || e instanceof IllegalArgumentException) {
                cmd.getErr().println("mixtape bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    /** {@code 20s}, {@code 500ms}, {@code 2m}, {@code 1.5s}, or a plain number of seconds. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (examples: 20s, 500ms, 2m)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> v;
            case "m", "min" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = {"JMH: /v1/recommendations in process on the full catalog (RecommendBenchmark).",
                "",
                "Benchmarks: recommendLatency / recommendThroughput (SeedRecommender.recommend alone) and",
                "requestLatency / requestThroughput (parameter parsing + recommend + JSON body).",
                "Options left out keep the benchmark's annotations: 1 fork with -Xmx512m, 3 x 2 s warm-up, 5 x 2 s measured."})
    static final class Recommend implements Callable<Integer> {
        @Option(names = {"-b", "--benchmarks"}, paramLabel = "REGEX", defaultValue = "RecommendBenchmark",
                description = "Which benchmarks to run, a regular expression over their names (default: all of "
                        + "${DEFAULT-VALUE}; e.g. 'recommendLatency' or 'Latency').")
        String benchmarks;

        @Option(names = {"--wi", "--warmup-iterations"}, paramLabel = "N", description = "Warm-up iterations.")
        Integer warmupIterations;

        @Option(names = {"-w", "--warmup-time"}, paramLabel = "TIME", description = "Time per warm-up iteration, e.g. 2s.")
        Duration warmupTime;

        @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Measured iterations.")
        Integer iterations;

        @Option(names = {"-r", "--time"}, paramLabel = "TIME", description = "Time per measured iteration, e.g. 2s.")
        Duration time;

        @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "JVM forks (0 runs in this JVM: for debugging only).")
        Integer forks;

        @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Benchmark threads (default 1).")
        Integer threads;

        @Option(names = "--jvm-arg", paramLabel = "ARG",
                description = "Extra argument for the forked JVM, after -Xmx512m (repeatable), e.g. --jvm-arg=-XX:+UseSerialGC.")
        List<String> jvmArgs = new ArrayList<>();

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "Catalog file (default: $MIXTAPE_DATA_DIR/" + BenchData.RELATIVE + ").")
        Path catalog;

        @Option(names = "--queries", paramLabel = "N", description = "Distinct queries to cycle through (default 256).")
        Integer queries;

        @Option(names = "--prof", paramLabel = "PROFILER", description = "A JMH profiler, e.g. gc (repeatable).")
        List<String> profilers = new ArrayList<>();

        @Option(names = "--result", paramLabel = "FILE",
                description = "Also write the results to FILE; the format follows the extension (.json, .csv, .txt).")
        Path result;

        @Override
        public Integer call() throws IOException, RunnerException {
            Path file = BenchData.catalogFile(catalog);
            ChainedOptionsBuilder b = jmh(benchmarks).jvmArgsAppend(withCatalog(file));
            if (warmupIterations != null) {
                b.warmupIterations(warmupIterations);
            }
            if (warmupTime != null) {
                b.warmupTime(TimeValue.milliseconds(warmupTime.toMillis()));
            }
            if (iterations != null) {
                b.measurementIterations(iterations);
            }
            if (time != null) {
                b.measurementTime(TimeValue.milliseconds(time.toMillis()));
            }
            if (forks != null) {
                b.forks(forks);
                if (forks == 0) {
                    System.setProperty(BenchData.CATALOG_PROPERTY, file.toString());
                }
            }
            if (threads != null) {
                b.threads(threads);
            }
            if (queries != null) {
                b.param("queryCount", queries.toString());
            }
            for (String p : profilers) {
                b.addProfiler(p);
            }
            if (result != null) {
                String name = result.getFileName().toString().toLowerCase(Locale.ROOT);
                ResultFormatType type = name.endsWith(".json") ? ResultFormatType.JSON
                        : name.endsWith(".csv") ? ResultFormatType.CSV : ResultFormatType.TEXT;
                b.result(result.toString()).resultFormat(type);
            }
            var results = new Runner(b.build()).run();
            if (results.isEmpty()) {
                throw new IllegalArgumentException("no benchmark matched '" + benchmarks + "'");
            }
            return 0;
        }

        private String[] withCatalog(Path file) {
            List<String> args = new ArrayList<>(jvmArgs);
            args.add("-D" + BenchData.CATALOG_PROPERTY + "=" + file.toAbsolutePath());
            return args.toArray(new String[0]);
        }
    }

    /** The options of the load drivers that talk to a running server ({@code http}, {@code swap}). */
    static final class ServerLoad {
        @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "Base URL of the server (default: ${DEFAULT-VALUE}); must be a loopback address.")
        String url;

        @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5s",
                description = "Warm-up before measuring, not counted (default: ${DEFAULT-VALUE}).")
        Duration warmup;

        @Option(names = "--token", paramLabel = "KEY",
                description = "Bearer token to send, if the server has API keys (default: $MIXTAPE_BENCH_TOKEN).")
        String token = System.getenv("MIXTAPE_BENCH_TOKEN");
    }

    @Command(name = "http", mixinStandardHelpOptions = true,
            description = {"HTTP load on a running 'mixtape serve' (loopback addresses only).",
                "A closed loop of keep-alive connections, one request in flight on each, replaying a fixed",
                "set of /v1/recommendations URLs. Stops after --duration or --max-requests measured requests.",
                "Exit code: 0 clean, 1 some I/O errors or non-200 answers, 2 could not run."})
    static final class Http implements Callable<Integer> {
        @CommandLine.Mixin
        ServerLoad server;

        @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "64",
                description = "Concurrent connections = requests in flight (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = {"-d", "--duration"}, paramLabel = "TIME", defaultValue = "20s",
                description = "Measured duration (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = {"-n", "--max-requests"}, paramLabel = "N", defaultValue = "1000000",
                description = "Stop after this many measured requests even if time is left (default: ${DEFAULT-VALUE}).")
        long maxRequests;

        @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
                description = "Connect and read timeout per request (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--queries", paramLabel = "N", defaultValue = "256",
                description = "Distinct queries to replay (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "20241127",
                description = "Seed of the query generator (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--seeds", paramLabel = "SOURCE", defaultValue = "auto",
                description = "Where seed ids come from: file (the catalog file: the same queries as the JMH benchmark), "
                        + "server (available-genre-seeds + one query per genre) or auto (file if found, else server; default).")
        HttpLoad.SeedSource seeds;

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "Catalog file for --seeds file (default: $MIXTAPE_DATA_DIR/" + BenchData.RELATIVE + ").")
        Path catalog;

        @Override
        public Integer call() throws Exception {
            return HttpLoad.run(new HttpLoad.Options(server.url, connections, duration, server.warmup, maxRequests, timeout, queries,
                    seed, seeds, catalog, server.token), System.out);
        }
    }

    @Command(name = "swap", mixinStandardHelpOptions = true,
            description = {"A listening-model swap under HTTP load, on a running 'mixtape serve' with a listening model.",
                "Runs the /v1/recommendations load of 'bench http' and, --train-at into it, asks the server to retrain",
                "(POST /api/v1/models/train), then follows the job until the new model serves. Prints the load's report,",
                "a per-second table and the phases (before training, while training, 2 s around the swap).",
                "Exit code: 0 when no request failed and the swap's p99 stayed within the baseline p99 + 10 ms,",
                "1 otherwise, 2 could not run."})
    static final class Swap implements Callable<Integer> {
        @CommandLine.Mixin
        ServerLoad server;

        @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "16",
                description = "Concurrent connections = requests in flight (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = {"-d", "--duration"}, paramLabel = "TIME", defaultValue = "60s",
                description = "Measured duration; the training must finish inside it (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--train-at", paramLabel = "TIME", defaultValue = "10s",
                description = "When into the measured phase to ask for the retraining (default: ${DEFAULT-VALUE}).")
        Duration trainAt;

        @Override
        public Integer call() throws Exception {
            return SwapUnderLoad.run(new HttpLoad.Options(server.url, connections, duration, server.warmup, 50_000_000L,
                    Duration.ofSeconds(10), 256, 20241127L, HttpLoad.SeedSource.AUTO, null, server.token), trainAt, System.out);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Start-up costs: import, catalog load and retained heap, best of N runs.",
                "Imports the catalog file into a fresh temporary H2 home, then loads it (JdbcCatalogStore.load",
                "+ Engine.of), writes and reads the catalog snapshot the server restarts from, and measures",
                "the used heap after System.gc().",
                "Each run writes an H2 database of the full catalog under --tmp and deletes it afterwards."})
    static final class Import implements Callable<Integer> {
        @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "Catalog file (default: $MIXTAPE_DATA_DIR/" + BenchData.RELATIVE + ").")
        Path catalog;

        @Option(names = "--tmp", paramLabel = "DIR",
                description = "Where the temporary homes go (default: the system temporary directory).")
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

        @Override
        public Integer call() throws Exception {
            ImportBench.run(BenchData.catalogFile(catalog), runs, tmp, System.out);
            return 0;
        }
    }

    @Command(name = "playlist", mixinStandardHelpOptions = true,
            description = {"Mood-to-playlist in process: prompt analysis + generation of 30-track playlists for a fixed",
                "list of varied prompts; prints p50/p90/p99 latency and playlists/s (docs/BENCHMARKS.md)."})
    static final class Playlist implements Callable<Integer> {
        @Option(names = "--prompts", paramLabel = "N", defaultValue = "240", description = "Distinct prompts (default: ${DEFAULT-VALUE}).")
        int prompts;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Timed passes over the prompts (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "2", description = "Threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "Catalog file (default: $MIXTAPE_DATA_DIR/" + BenchData.RELATIVE + ").")
        Path catalog;

        @Option(names = "--collaborative", description = "Serve the Last.fm artist model (imported into a temporary folder first), "
                + "so prompts naming an artist expand through its collaborative neighbours.")
        boolean collaborative;

        @Override
        public Integer call() throws Exception {
            PlaylistBench.run(BenchData.loadCatalog(BenchData.catalogFile(catalog)), prompts, rounds, threads, collaborative, System.out);
            return 0;
        }
    }

    @Command(name = "remote", mixinStandardHelpOptions = true,
            description = {"Mood-to-playlist over a simulated remote (RemoteBench): a local stub of Spotify and ReccoBeats serving the",
                "catalog with 100-300 ms per call and 429 + Retry-After beyond N calls per 30 s per host. Compares the naive path",
                "(sequential, one id per call, no cache) with the optimised one; for each, cold and warm wall time and remote calls.",
                "Targets (optimised): cold <= 2 s and <= 25 calls per playlist, warm <= 200 ms."})
    static final class Remote implements Callable<Integer> {
        @Option(names = "--prompts", paramLabel = "N", defaultValue = "3", description = "Prompts, each a fresh cold start (1-4, default ${DEFAULT-VALUE}).")
        int prompts;

        @Option(names = "--length", paramLabel = "N", defaultValue = "30", description = "Tracks per playlist (default ${DEFAULT-VALUE}).")
        int length;

        @Option(names = "--latency", paramLabel = "MIN-MAX", defaultValue = "100-300", description = "Stub latency per call in ms (default ${DEFAULT-VALUE}).")
        String latency;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Calls per 30 s per host before 429s (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--no-naive", description = "Skip the naive path (it takes minutes).")
        boolean noNaive;

        @Option(names = "--json", description = "Print the results as JSON.")
        boolean json;

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "Catalog file (default: $MIXTAPE_DATA_DIR/" + BenchData.RELATIVE + ").")
        Path catalog;

        @Override
        public Integer call() throws Exception {
            String[] range = latency.split("-");
            if (range.length != 2 || prompts < 1) {
                throw new IllegalArgumentException("--latency takes MIN-MAX in ms, e.g. 100-300; --prompts at least 1");
            }
            dev.mixtape.app.server.Engine engine = dev.mixtape.app.server.Engine.of(BenchData.loadCatalog(BenchData.catalogFile(catalog)));
            com.fasterxml.jackson.databind.node.ObjectNode result = RemoteBench.run(engine, prompts, length, Integer.parseInt(range[0].strip()),
                    Integer.parseInt(range[1].strip()), limit, !noNaive, json ? System.err : System.out);
            System.out.println(json ? result.toPrettyString() : "summary: " + result.get("paths") + "\ntargets: " + result.get("targets")
                    + (result.has("speedup_cold") ? "\ncold speed-up: " + result.get("speedup_cold") + "x" : ""));
            return 0;
        }
    }

    @Command(name = "cf", mixinStandardHelpOptions = true,
            description = "Recommend-top-20 latency for one user on Last.fm 2k, iALS and item-kNN (JMH, CfTopNBenchmark).")
    static final class Cf implements Callable<Integer> {
        @Override
        public Integer call() throws RunnerException {
            new Runner(jmh("CfTopNBenchmark").build()).run();
            return 0;
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true,
            description = {"Session initialisation latency (JMH, SessionBenchmark) on the full catalog for a listener of 500",
                "events with a profile, on the embedded H2 file store: uncached (history and profile read, 50 picks computed,",
                "session stored) and cached."})
    static final class Sessions implements Callable<Integer> {
        @Option(names = "--jvm-arg", paramLabel = "ARG", description = "Extra JVM argument for the fork (repeatable), e.g. a profiler.")
        List<String> jvmArgs = new ArrayList<>();

        @Override
        public Integer call() throws IOException, RunnerException {
            Path file = BenchData.catalogFile(null);
            List<String> args = new ArrayList<>(jvmArgs);
            args.add("-D" + BenchData.CATALOG_PROPERTY + "=" + file.toAbsolutePath());
            new Runner(jmh("SessionBenchmark").jvmArgsAppend(args.toArray(String[]::new)).build()).run();
            return 0;
        }
    }

    @Command(name = "foldin", mixinStandardHelpOptions = true,
            description = {"Fold-in of a listener of 500 events into the listening model (JMH, ListeningBench): the model is",
                "trained first on the Last.fm listeners and the bench listener, as a server's first start trains it."})
    static final class FoldIn implements Callable<Integer> {
        @Override
        public Integer call() throws IOException, RunnerException {
            Path file = BenchData.catalogFile(null);
            new Runner(jmh("ListeningBench").jvmArgsAppend("-D" + BenchData.CATALOG_PROPERTY + "=" + file.toAbsolutePath()).build()).run();
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Training time of the listening model's iALS at track level on ~1M events synthetic from Last.fm 2k",
                "(TrainBench): 64 factors x 15 iterations, the served settings. Exits 1 when it takes over 30 s."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Interactions (default: ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--tracks-per-artist", paramLabel = "N", defaultValue = "5",
                description = "Tracks each Last.fm artist becomes (default: ${DEFAULT-VALUE}).")
        int tracksPerArtist;

        @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "2", description = "Training threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the synthetic matrix (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (events < 1 || tracksPerArtist < 1 || threads < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--events, --tracks-per-artist and --threads must be at least 1");
            }
            return TrainBench.run(events, tracksPerArtist, threads, seed, System.out);
        }
    }

    @Command(name = "strategies", mixinStandardHelpOptions = true,
            description = {"v2 recommendation latency per strategy, uncached (JMH, StrategyBenchmark), and a batch of 100",
                "content requests in parallel (BatchBenchmark), on the full catalog."})
    static final class Strategies implements Callable<Integer> {
        @Option(names = {"-b", "--benchmarks"}, paramLabel = "REGEX", defaultValue = "StrategyBenchmark|BatchBenchmark",
                description = "JMH benchmarks to run (default: ${DEFAULT-VALUE}).")
        String benchmarks;

        @Override
        public Integer call() throws IOException, RunnerException {
            Path file = BenchData.catalogFile(null);
            new Runner(jmh(benchmarks).jvmArgsAppend("-D" + BenchData.CATALOG_PROPERTY + "=" + file.toAbsolutePath()).build()).run();
            return 0;
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true,
            description = {"Event ingestion throughput: batches through the listener service (validation, one transaction per",
                "batch, history upserts; minus HTTP) into a fresh H2 file database, or a throw-away PostgreSQL schema."})
    static final class Events implements Callable<Integer> {
        @Option(names = "--postgres", paramLabel = "JDBC_URL", arity = "0..1", fallbackValue = "jdbc:postgresql://127.0.0.1:5432/test",
                description = "Use PostgreSQL (user postgres, trust auth) instead of H2; default URL ${FALLBACK-VALUE}.")
        String postgres;

        @Option(names = "--batches", paramLabel = "N", defaultValue = "200", description = "Timed batches (default: ${DEFAULT-VALUE}).")
        int batches;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000", description = "Events per batch (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--users", paramLabel = "N", defaultValue = "1000", description = "Distinct listeners (default: ${DEFAULT-VALUE}).")
        int users;

        @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "2", description = "Threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws Exception {
            EventsBench.run(BenchData.loadCatalog(BenchData.catalogFile(null)), postgres, batches, batchSize, users, threads, System.out);
            return 0;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true,
            description = {"Many concurrent listeners over loopback, a bounded run: each creates itself, sets a personality, posts",
                "events, opens sessions and reads its history (8 requests). Errors and latency percentiles per endpoint."})
    static final class Users implements Callable<Integer> {
        @Option(names = "--url", paramLabel = "URL", description = "A running server; by default one is started in process on a temporary home.")
        String url;

        @Option(names = {"-u", "--users"}, paramLabel = "N", defaultValue = "1000", description = "Concurrent listeners (default: ${DEFAULT-VALUE}).")
        int users;

        @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "120s", description = "Per request (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--think", paramLabel = "TIME", defaultValue = "0s",
                description = "Pause of each listener before each step after the first (default: ${DEFAULT-VALUE}: all at once).")
        Duration think;

        @Override
        public Integer call() throws Exception {
            return UsersLoad.run(url, users, timeout, think, System.out);
        }
    }

    /** JMH options including {@code benchmarks} (a regular expression), with the JDK-specific flags every fork needs. */
    static ChainedOptionsBuilder jmh(String benchmarks) {
        ChainedOptionsBuilder b = new OptionsBuilder().include(benchmarks);
        if (Runtime.version().feature() >= 24) {
            // JMH 1.37 uses sun.misc.Unsafe, which JDK 24+ warns about on every fork; allow it quietly.
            b.jvmArgsPrepend("--sun-misc-unsafe-memory-access=allow");
        }
        return b;
    }
}
