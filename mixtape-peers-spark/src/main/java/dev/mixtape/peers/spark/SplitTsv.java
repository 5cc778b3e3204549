package dev.mixtape.peers.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mixtape split folder read without mixtape's code (this JVM cannot have Jackson 2.22): the id
 * tables {@code users.tsv} / {@code items.tsv} (line order = dense index), {@code train.tsv} as
 * per-user sorted item arrays with weights, and the test users (those with a row in
 * {@code test.tsv}), ascending. The manifest's checksums are checked by mixtape when it reads the
 * lists back against the same split.
 */
public record SplitTsv(List<String> users, List<String> items, int[][] trainItems, float[][] trainWeights, int[] testUsers) {

    public static SplitTsv read(Path dir) throws IOException {
        List<String> users = ids(dir.resolve("users.tsv"), "user");
        List<String> items = ids(dir.resolve("items.tsv"), "item");
        Map<String, Integer> userIndex = index(users);
        Map<String, Integer> itemIndex = index(items);
        List<List<int[]>> rows = new ArrayList<>();
        List<List<Float>> weights = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            rows.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        forEachRow(dir.resolve("train.tsv"), userIndex, itemIndex, (u, i, w) -> {
            rows.get(u).add(new int[] {i});
            weights.get(u).add(w);
        });
        int[][] trainItems = new int[users.size()][];
        float[][] trainWeights = new float[users.size()][];
        for (int u = 0; u < users.size(); u++) {
            List<int[]> r = rows.get(u);
            Integer[] order = new Integer[r.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(r.get(a)[0], r.get(b)[0]));
            trainItems[u] = new int[order.length];
            trainWeights[u] = new float[order.length];
            for (int k = 0; k < order.length; k++) {
                trainItems[u][k] = r.get(order[k])[0];
                trainWeights[u][k] = weights.get(u).get(order[k]);
            }
        }
        boolean[] isTest = new boolean[users.size()];
        forEachRow(dir.resolve("test.tsv"), userIndex, itemIndex, (u, i, w) -> isTest[u] = true);
        int n = 0;
        for (boolean t : isTest) {
            n += t ? 1 : 0;
        }
        int[] testUsers = new int[n];
        n = 0;
        for (int u = 0; u < isTest.length; u++) {
            if (isTest[u]) {
                testUsers[n++] = u;
            }
        }
        return new SplitTsv(List.copyOf(users), List.copyOf(items), trainItems, trainWeights, testUsers);
    }

    /** Number of training entries. */
    public int trainSize() {
        int n = 0;
        for (int[] r : trainItems) {
            n += r.length;
        }
        return n;
    }

    interface RowSink {
        void accept(int user, int item, float weight);
    }

    private static void forEachRow(Path file, Map<String, Integer> users, Map<String, Integer> items, RowSink sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("user\titem\tweight")) {
                throw new IOException(file + ": expected the header user\\titem\\tweight, found " + header);
            }
            long lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Integer u = f.length >= 3 ? users.get(f[0]) : null;
                Integer i = f.length >= 3 ? items.get(f[1]) : null;
                if (u == null || i == null) {
                    throw new IOException(file + ":" + lineNo + ": unknown user or item, or too few fields: " + line);
                }
                float w;
                try {
                    w = Float.parseFloat(f[2]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": bad weight '" + f[2] + "'", e);
                }
                sink.accept(u, i, w);
            }
        }
    }

    private static List<String> ids(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IOException(file + ": expected the header '" + header + "'");
        }
        return lines.subList(1, lines.size()).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (int k = 0; k < ids.size(); k++) {
            if (m.put(ids.get(k), k) != null) {
                throw new IllegalArgumentException("id '" + ids.get(k) + "' repeats");
            }
        }
        return m;
    }
}
