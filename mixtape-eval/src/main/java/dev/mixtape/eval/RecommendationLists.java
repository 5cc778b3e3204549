package dev.mixtape.eval;

import dev.mixtape.eval.data.IdIndex;
import dev.mixtape.eval.data.ReadProblems;
import dev.mixtape.eval.data.TextFiles;
import dev.mixtape.eval.data.UnusableFileException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Precomputed ranked lists per user (dense indices, best first), for models that run elsewhere — a
 * peer library in its own JVM writes {@code user \t item \t rank} with the split's external ids
 * (1-based ranks; a header line is optional; gzip or plain), and {@link Evaluator} scores the lists
 * like its own. Unknown users or items, bad ranks and repeated items are collected as malformed
 * lines with their line numbers (a repeated item keeps its best rank).
 *
 * <p>Immutable and thread-safe; arrays are shared, do not modify them.
 */
public final class RecommendationLists {
    private static final int[] NONE = new int[0];
    private final int[][] lists;
    private final ReadProblems problems;

    private RecommendationLists(int[][] lists, ReadProblems problems) {
        this.lists = lists;
        this.problems = problems;
    }

    /** Lists by user index (null or empty: none for that user). */
    public static RecommendationLists of(int[][] lists) {
        return new RecommendationLists(lists.clone(), new ReadProblems().freeze());
    }

    /** Number of user slots (the user index range). */
    public int users() {
        return lists.length;
    }

    /** {@code user}'s list, best first; empty when it has none. */
    public int[] list(int user) {
        return user < lists.length && lists[user] != null ? lists[user] : NONE;
    }

    public ReadProblems problems() {
        return problems;
    }

    /** Reads {@code file} against the split's id tables. */
    public static RecommendationLists read(Path file, IdIndex users, IdIndex items) throws IOException {
        String name = file.getFileName().toString();
        ReadProblems problems = new ReadProblems();
        List<List<long[]>> byUser = new ArrayList<>(users.size());
        for (int u = 0; u < users.size(); u++) {
            byUser.add(null);
        }
        long valid = 0;
        try (BufferedReader r = TextFiles.open(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (lineNo == 1 && f.length >= 3 && !f[2].strip().matches("-?\\d+")) {
                    continue; // header
                }
                if (f.length < 3) {
                    problems.add(name, lineNo, "expected user\\titem\\trank, found " + f.length + " field(s)", line);
                    continue;
                }
                int user = users.index(f[0].strip());
                int item = items.index(f[1].strip());
                if (user < 0 || item < 0) {
                    problems.add(name, lineNo, user < 0 ? "unknown user '" + f[0].strip() + "'" : "unknown item '" + f[1].strip() + "'", line);
                    continue;
                }
                long rank;
                try {
                    rank = Long.parseLong(f[2].strip());
                } catch (NumberFormatException e) {
                    rank = 0;
                }
                if (rank < 1 || rank > Integer.MAX_VALUE) {
                    problems.add(name, lineNo, "rank '" + f[2].strip() + "' is not a positive integer", line);
                    continue;
                }
                if (byUser.get(user) == null) {
                    byUser.set(user, new ArrayList<>());
                }
                byUser.get(user).add(new long[] {rank, item, lineNo});
                valid++;
            }
        }
        if (valid == 0) {
            throw new UnusableFileException(file + " has no valid user\\titem\\trank row (" + problems + ")");
        }
        int[][] lists = new int[users.size()][];
        for (int u = 0; u < lists.length; u++) {
            List<long[]> rows = byUser.get(u);
            if (rows == null) {
                continue;
            }
            rows.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
            int[] out = new int[rows.size()];
            int n = 0;
            Set<Integer> seen = new HashSet<>();
            for (long[] row : rows) {
                int item = (int) row[1];
                if (!seen.add(item)) {
                    problems.add(name, row[2], "item '" + items.id(item) + "' repeats in the list of user '" + users.id(u)
                            + "' (the better rank is kept)", null);
                    continue;
                }
                out[n++] = item;
            }
            lists[u] = Arrays.copyOf(out, n);
        }
        return new RecommendationLists(lists, problems.freeze());
    }

    /** Writes the lists as {@code user \t item \t rank} with a header, external ids from the tables. */
    public void write(Path file, IdIndex users, IdIndex items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user\titem\trank\n");
            for (int u = 0; u < lists.length; u++) {
                int[] list = list(u);
                for (int r = 0; r < list.length; r++) {
                    w.write(users.id(u) + "\t" + items.id(list[r]) + "\t" + (r + 1) + "\n");
                }
            }
        }
    }
}
