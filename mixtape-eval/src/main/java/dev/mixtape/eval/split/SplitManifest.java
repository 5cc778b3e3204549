package dev.mixtape.eval.split;

import java.util.Map;

/**
 * The {@code split.json} written beside the split files: what was split how, the counts, and the
 * size and SHA-256 of every file, so a reader in any JVM can check it scores the same split.
 *
 * @param format          manifest format version ({@value SplitFiles#FORMAT})
 * @param trainPositives  (user, item) entries in {@code train.tsv}
 * @param testPositives   (user, item) entries in {@code test.tsv}
 * @param testUsers       users with at least one test item
 * @param files           by file name ({@code users.tsv}, {@code items.tsv}, {@code train.tsv}, {@code test.tsv})
 */
public record SplitManifest(int format, String dataset, String protocol, long seed, Map<String, Object> params,
                            int users, int items, int trainPositives, int testPositives, int testUsers,
                            boolean timestamps, Map<String, FileInfo> files) {

    /** One data file: its data rows (header excluded), bytes and lower-case hex SHA-256. */
    public record FileInfo(int rows, long bytes, String sha256) {}
}
