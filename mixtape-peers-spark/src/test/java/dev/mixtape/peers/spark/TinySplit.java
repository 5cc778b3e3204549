package dev.mixtape.peers.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Writes a split folder in mixtape's format (users.tsv, items.tsv, train.tsv, test.tsv) for tests. */
final class TinySplit {
    private TinySplit() {}

    /**
     * {@code users} users in two taste groups over {@code items} items: each has {@code perUser}
     * training items and 2 test items, 95 % from its group's half.
     */
    static Path write(Path dir, int users, int items, int perUser, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder u = new StringBuilder("user\n");
        StringBuilder i = new StringBuilder("item\n");
        StringBuilder train = new StringBuilder("user\titem\tweight\n");
        StringBuilder test = new StringBuilder("user\titem\tweight\n");
        for (int k = 0; k < users; k++) {
            u.append("u").append(k).append('\n');
        }
        for (int k = 0; k < items; k++) {
            i.append("a").append(k).append('\n');
        }
        for (int k = 0; k < users; k++) {
            int base = k % 2 == 0 ? 0 : items / 2;
            java.util.TreeSet<Integer> mine = new java.util.TreeSet<>();
            while (mine.size() < perUser + 2) {
                mine.add(rnd.nextInt(20) < 19 ? base + rnd.nextInt(items / 2) : rnd.nextInt(items));
            }
            int n = 0;
            for (int item : mine) {
                (n++ % 7 == 3 && n < 16 ? test : train).append("u").append(k).append("\ta").append(item).append('\t')
                        .append(1 + rnd.nextInt(9)).append('\n');
            }
        }
        Files.writeString(dir.resolve("users.tsv"), u, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("items.tsv"), i, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("train.tsv"), train, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.tsv"), test, StandardCharsets.UTF_8);
        return dir;
    }
}
