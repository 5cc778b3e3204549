package dev.mixtape.peers.spark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib ALS with {@code implicitPrefs=true} (Hu, Koren, Volinsky 2008; Spark scales λ by each
 * user's and item's number of ratings) on a mixtape split folder, in local mode, in its own JVM.
 *
 * <pre>
 * java -cp 'mixtape-peers-spark.jar:lib/*' dev.mixtape.peers.spark.SparkAlsRunner \
 *   --split DIR --out DIR [--n 20] [--threads 2] \
 *   --config 'NAME:rank=64,iterations=15,regParam=0.1,alpha=10[,input=binarised|counts][,repeat=1][,seed=42]' ...
 * </pre>
 *
 * For each {@code --config} it trains on {@code train.tsv} ({@code repeat} times; the lists come
 * from the last fit), ranks all items for every test user (training items excluded) and writes
 * {@code OUT/NAME.lists.tsv} ({@code user \t item \t rank}) and {@code OUT/NAME.properties}
 * ({@code train_ms} of the last fit, {@code train_ms_all} of every fit, the configuration).
 * Training time is {@code ALS.fit} alone: the input DataFrame is built and cached before.
 */
public final class SparkAlsRunner {
    private SparkAlsRunner() {}

    /** One configuration: name and {@code key=value} settings. */
    public record Config(String name, Map<String, String> values) {
        public static Config parse(String spec) {
            int colon = spec.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--config must be NAME:key=value,..., got '" + spec + "'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String kv : spec.substring(colon + 1).split(",")) {
                if (kv.isBlank()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("bad setting '" + kv + "' in '" + spec + "'");
                }
                values.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
            return new Config(spec.substring(0, colon), values);
        }

        int intValue(String key, int def) {
            return values.containsKey(key) ? Integer.parseInt(values.get(key)) : def;
        }

        double doubleValue(String key, double def) {
            return values.containsKey(key) ? Double.parseDouble(values.get(key)) : def;
        }
    }

    public static void main(String[] args) throws IOException {
        Path split = null;
        Path out = null;
        int n = 20;
        int threads = 2;
        List<Config> configs = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            String v = a + 1 < args.length ? args[a + 1] : null;
            switch (args[a]) {
                case "--split" -> { split = Path.of(v); a++; }
                case "--out" -> { out = Path.of(v); a++; }
                case "--n" -> { n = Integer.parseInt(v); a++; }
                case "--threads" -> { threads = Integer.parseInt(v); a++; }
                case "--config" -> { configs.add(Config.parse(v)); a++; }
                default -> throw new IllegalArgumentException("unknown argument '" + args[a] + "'");
            }
        }
        if (split == null || out == null || configs.isEmpty()) {
            System.err.println("usage: SparkAlsRunner --split DIR --out DIR [--n 20] [--threads 2] --config NAME:k=v,... ...");
            System.exit(2);
        }
        run(split, out, n, threads, configs);
    }

    /** Runs every configuration in one local Spark session. */
    public static void run(Path splitDir, Path out, int n, int threads, List<Config> configs) throws IOException {
        SplitTsv split = SplitTsv.read(splitDir);
        Files.createDirectories(out);
        long s0 = System.nanoTime();
        SparkSession spark = SparkSession.builder()
                .master("local[" + threads + "]")
                .appName("mixtape-peers-spark-als")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(threads * 2))
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.err.printf(Locale.ROOT, "spark %s session in %d ms; %d users, %d items, %d training entries%n", spark.version(),
                (System.nanoTime() - s0) / 1_000_000, split.users().size(), split.items().size(), split.trainSize());
        try {
            Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
            for (Config c : configs) {
                String input = c.values().getOrDefault("input", "binarised");
                Dataset<Row> df = inputs.computeIfAbsent(input, in -> frame(spark, split, in));
                runOne(split, df, c, n, out);
            }
        } finally {
            spark.stop();
        }
    }

    private static Dataset<Row> frame(SparkSession spark, SplitTsv split, String input) {
        if (!input.equals("binarised") && !input.equals("counts")) {
            throw new IllegalArgumentException("input must be binarised or counts, got '" + input + "'");
        }
        List<Row> rows = new ArrayList<>(split.trainSize());
        for (int u = 0; u < split.trainItems().length; u++) {
            for (int k = 0; k < split.trainItems()[u].length; k++) {
                float r = input.equals("binarised") ? 1f : split.trainWeights()[u][k];
                rows.add(RowFactory.create(u, split.trainItems()[u][k], r));
            }
        }
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
        df.count();
        return df;
    }

    private static void runOne(SplitTsv split, Dataset<Row> df, Config c, int n, Path out) throws IOException {
        int rank = c.intValue("rank", 64);
        int iterations = c.intValue("iterations", 15);
        double reg = c.doubleValue("regParam", 0.1);
        double alpha = c.doubleValue("alpha", 10);
        int repeat = c.intValue("repeat", 1);
        long seed = c.intValue("seed", 42);
        ALS als = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(reg).setAlpha(alpha)
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setSeed(seed);
        List<Long> times = new ArrayList<>();
        ALSModel model = null;
        for (int r = 0; r < Math.max(1, repeat); r++) {
            long t0 = System.nanoTime();
            model = als.fit(df);
            model.userFactors().cache().count(); // fit is lazy in parts: make sure the factors exist
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        float[][] users = factors(model.userFactors(), split.users().size());
        float[][] items = factors(model.itemFactors(), split.items().size());
        int[][] lists = new int[split.users().size()][];
        java.util.stream.IntStream.of(split.testUsers()).parallel().forEach(u -> lists[u] =
                users[u] == null ? new int[0] : TopLists.topN(users[u], items, split.trainItems()[u], n));
        TopLists.write(out.resolve(c.name() + ".lists.tsv"), lists, split.users(), split.items());
        try (Writer w = Files.newBufferedWriter(out.resolve(c.name() + ".properties"), StandardCharsets.UTF_8)) {
            w.write("train_ms=" + times.get(times.size() - 1) + "\n");
            w.write("train_ms_all=" + String.join(",", times.stream().map(String::valueOf).toList()) + "\n");
            w.write("rank=" + rank + "\niterations=" + iterations + "\nregParam=" + reg + "\nalpha=" + alpha + "\n");
            w.write("input=" + c.values().getOrDefault("input", "binarised") + "\nimplicitPrefs=true\n");
        }
        System.err.printf(Locale.ROOT, "%s: fit %s ms%n", c.name(), times);
    }

    private static float[][] factors(Dataset<Row> df, int size) {
        float[][] out = new float[size][];
        for (Row row : df.collectAsList()) {
            List<Float> f = row.getList(1);
            float[] v = new float[f.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = f.get(k);
            }
            out[row.getInt(0)] = v;
        }
        return out;
    }
}
