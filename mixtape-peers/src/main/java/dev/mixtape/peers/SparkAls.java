package dev.mixtape.peers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark MLlib ALS ({@code implicitPrefs=true}) through mixtape-peers-spark's
 * {@code SparkAlsRunner}, in its own JVM (Spark cannot share a class path with our Jackson): one
 * JVM per call runs every configuration given and writes {@code NAME.lists.tsv} /
 * {@code NAME.properties} for {@link PeerFiles}.
 */
public final class SparkAls {
    public static final String NAME = "spark-als";
    public static final String MAIN = "dev.mixtape.peers.spark.SparkAlsRunner";

    /** What the tuner searches; rank 64 and 15 iterations are fixed, as our iALS. */
    public static final Map<String, List<?>> SPACE = Map.of(
            "regParam", List.of(0.01, 0.03, 0.1, 0.3, 1.0), "alpha", List.of(1.0, 5.0, 10.0, 20.0, 40.0));

    private final Path sparkTarget;
    private final String javaOpts;
    private final int threads;

    /**
     * @param sparkTarget mixtape-peers-spark's {@code target} folder (its jar and {@code lib/})
     * @param javaOpts    JVM options of the Spark JVM, space-separated
     */
    public SparkAls(Path sparkTarget, String javaOpts, int threads) {
        this.sparkTarget = sparkTarget;
        this.javaOpts = javaOpts;
        this.threads = threads;
    }

    /** Whether the runner is built. */
    public boolean available() {
        return Files.isRegularFile(sparkTarget.resolve("mixtape-peers-spark.jar")) && Files.isDirectory(sparkTarget.resolve("lib"));
    }

    /** The {@code --config} argument of one run. */
    static String configArg(String name, Map<String, Object> params) {
        return name + ":" + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /**
     * Runs the configurations {@code runs} (name → settings) on {@code splitDir} in one Spark JVM,
     * writing into {@code out}; returns the JVM's wall time in ms.
     */
    public long run(Path splitDir, Path out, int n, Map<String, Map<String, Object>> runs) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("mixtape-peers-spark is not built in " + sparkTarget
                    + " (./mvnw -Ppeers -pl mixtape-peers-spark package -Dmaven.test.skip=true)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        for (String o : javaOpts.split("\\s+")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        cmd.add("-cp");
        cmd.add(sparkTarget.resolve("mixtape-peers-spark.jar") + File.pathSeparator + sparkTarget.resolve("lib") + File.separator + "*");
        cmd.add(MAIN);
        cmd.addAll(List.of("--split", splitDir.toString(), "--out", out.toString(), "--n", String.valueOf(n),
                "--threads", String.valueOf(threads)));
        runs.forEach((name, params) -> {
            cmd.add("--config");
            cmd.add(configArg(name, params));
        });
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("spark.log").toFile()).start();
        int rc = p.waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (rc != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the Spark JVM exited with %d after %d ms; see %s", rc, ms,
                    out.resolve("spark.log")));
        }
        return ms;
    }
}
