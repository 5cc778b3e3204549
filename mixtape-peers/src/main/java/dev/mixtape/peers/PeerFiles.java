package dev.mixtape.peers;

import dev.mixtape.eval.RecommendationLists;
import dev.mixtape.eval.split.Split;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The hand-over between a peer run and our evaluator, the same for every JVM: {@code NAME.lists.tsv}
 * ({@code user \t item \t rank}, read by {@link RecommendationLists}) and {@code NAME.properties}
 * ({@code train_ms} and the configuration the peer ran with).
 */
public final class PeerFiles {
    private PeerFiles() {}

    public static Path listsFile(Path dir, String name) {
        return dir.resolve(name + ".lists.tsv");
    }

    public static Path propertiesFile(Path dir, String name) {
        return dir.resolve(name + ".properties");
    }

    /** Writes {@code run} as {@code dir/NAME.lists.tsv} and {@code dir/NAME.properties}. */
    public static void write(Path dir, String name, PeerRun run, Split split) throws IOException {
        Files.createDirectories(dir);
        RecommendationLists.of(run.lists()).write(listsFile(dir, name), split.users(), split.items());
        try (Writer w = Files.newBufferedWriter(propertiesFile(dir, name), StandardCharsets.UTF_8)) {
            w.write("train_ms=" + run.trainMs() + "\n");
            for (Map.Entry<String, Object> e : run.config().entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    /** The lists of {@code dir/NAME.lists.tsv}, against the split's id tables. */
    public static RecommendationLists readLists(Path dir, String name, Split split) throws IOException {
        return RecommendationLists.read(listsFile(dir, name), split.users(), split.items());
    }

    /** {@code dir/NAME.properties} as a sorted map of strings. */
    public static Map<String, String> readProperties(Path dir, String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(propertiesFile(dir, name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    /** {@code train_ms} of {@code dir/NAME.properties}. */
    public static long trainMs(Map<String, String> properties) {
        String v = properties.get("train_ms");
        if (v == null) {
            throw new IllegalArgumentException("no train_ms in " + properties);
        }
        return Long.parseLong(v.strip());
    }

    /** The properties without {@code train_ms*}, as report parameters. */
    public static Map<String, Object> config(Map<String, String> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (!k.startsWith("train_ms")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
