package dev.mixtape.bench;

import dev.mixtape.app.server.Engine;
import dev.mixtape.core.Catalog;
import dev.mixtape.storage.importer.CatalogImporter;
import dev.mixtape.storage.importer.ProgressListener;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Start-up costs on the full catalog, each run in a fresh temporary home with its own embedded H2
 * database, the way {@code mixtape serve} does them:
 * <ol>
 *   <li><b>import</b>: open and migrate an empty database, then {@link CatalogImporter} reads, validates,
 *       de-duplicates and upserts the file (the first start of a new installation);</li>
 *   <li><b>startup</b>: open the now filled database again, {@link JdbcCatalogStore#load()} the catalog
 *       and build the {@link Engine} with {@link Engine#of};</li>
 *   <li><b>restart</b>: what the server does since catalog snapshots exist: the first
 *       {@link SnapshotCatalogLoader#load()} loads from the store and writes the snapshot ("snap write"
 *       is that whole call), later ones read the snapshot ("restart" = open + snapshot read + Engine.of);</li>
 *   <li><b>heap</b>: used heap after {@code System.gc()} with the engine loaded and the database still
 *       open (as in a running server), and what the engine alone retains once the database is closed,
 *       over the baseline measured before loading.</li>
 * </ol>
 * Prints every run, the first (cold JVM, what a real start pays) and the best of N.
 */
public final class ImportBench {
    /** One run's figures; times in milliseconds, heap in bytes. */
    public record Run(int tracks, long importMs, long openMs, long loadMs, long engineMs, long snapshotWriteMs,
                      long snapshotReadMs, long engine2Ms, long heapBaseline, long heapWithDb, long heapEngineOnly) {
        long startupMs() {
            return openMs + loadMs + engineMs;
        }

        long restartMs() {
            return openMs + snapshotReadMs + engine2Ms;
        }

        long engineRetained() {
            return heapEngineOnly - heapBaseline;
        }
    }

    private ImportBench() {}

    public static List<Run> run(Path file, int runs, Path tmpRoot, PrintStream out)
            throws IOException, SQLException, InterruptedException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.printf("import/load benchmark: %s, %d run(s), max heap %,d MB, temporary homes under %s%n",
                file, runs, memory.getHeapMemoryUsage().getMax() >> 20, tmpRoot.toAbsolutePath());
        out.printf("%-4s %7s %9s %7s %8s %7s %8s %10s %8s %8s %9s %10s %11s%n", "run", "tracks", "import", "open", "load",
                "engine", "startup", "snap write", "snap read", "restart", "heap base", "heap w/ db", "engine only");
        List<Run> all = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = once(file, tmpRoot, memory);
            all.add(r);
            out.printf("%-4d %,7d %6d ms %4d ms %5d ms %4d ms %5d ms %7d ms %6d ms %5d ms %6d MB %7d MB %8d MB%n",
                    i, r.tracks(), r.importMs(), r.openMs(), r.loadMs(), r.engineMs(), r.startupMs(), r.snapshotWriteMs(),
                    r.snapshotReadMs(), r.restartMs(), r.heapBaseline() >> 20, r.heapWithDb() >> 20, r.engineRetained() >> 20);
        }
        Run first = all.get(0);
        out.println();
        out.printf("first run (cold JVM): import %,d ms; startup from the store %,d ms (open %d + load %d + engine %d); "
                        + "restart from the snapshot %,d ms%n",
                first.importMs(), first.startupMs(), first.openMs(), first.loadMs(), first.engineMs(), first.restartMs());
        out.printf("best of %d:           import %,d ms; startup from the store %,d ms (open %d + load %d + engine %d); "
                        + "restart from the snapshot %,d ms%n", runs,
                min(all, Run::importMs), min(all, Run::startupMs), min(all, Run::openMs), min(all, Run::loadMs),
                min(all, Run::engineMs), min(all, Run::restartMs));
        out.printf("retained heap:       %,d MB used with the engine loaded and the database open; "
                        + "the engine alone retains %,d MB (lowest of %d runs)%n",
                min(all, Run::heapWithDb) >> 20, min(all, Run::engineRetained) >> 20, runs);
        return all;
    }

    private static Run once(Path file, Path tmpRoot, MemoryMXBean memory) throws IOException, SQLException, InterruptedException {
        Files.createDirectories(tmpRoot);
        Path home = Files.createTempDirectory(tmpRoot, "mixtape-importbench-");
        try {
            Files.createDirectories(home.resolve("db"));
            String url = Database.h2Url(home);

            long t0 = System.nanoTime();
            try (Database db = Database.open(url, "", "")) {
                CatalogImporter.Report report = new CatalogImporter(new JdbcCatalogStore(db.dataSource()))
                        .importSpotifyTracks(file, ProgressListener.NONE);
                if (report.tracks() == 0) {
                    throw new IOException("the import stored no tracks: " + report.problems().size() + " rows skipped");
                }
            }
            long importMs = (System.nanoTime() - t0) / 1_000_000;

            long baseline = usedAfterGc(memory);
            long t1 = System.nanoTime();
            Database db = Database.open(url, "", "");
            Engine engine;
            long openMs;
            long loadMs;
            long engineMs;
            long snapshotWriteMs;
            long snapshotReadMs;
            long engine2Ms;
            long withDb;
            try {
                JdbcCatalogStore store = new JdbcCatalogStore(db.dataSource());
                long t2 = System.nanoTime();
                Catalog fromStore = store.load();
                long t3 = System.nanoTime();
                Engine.of(fromStore);
                long t4 = System.nanoTime();
                openMs = (t2 - t1) / 1_000_000;
                loadMs = (t3 - t2) / 1_000_000;
                engineMs = (t4 - t3) / 1_000_000;
                fromStore = null;

                SnapshotCatalogLoader snapshots = new SnapshotCatalogLoader(store, home.resolve("catalog"));
                long t5 = System.nanoTime();
                snapshots.load(); // no snapshot yet: loads from the store and writes one
                long t6 = System.nanoTime();
                Catalog fromSnapshot = snapshots.load();
                long t7 = System.nanoTime();
                engine = Engine.of(fromSnapshot);
                long t8 = System.nanoTime();
                snapshotWriteMs = (t6 - t5) / 1_000_000;
                snapshotReadMs = (t7 - t6) / 1_000_000;
                engine2Ms = (t8 - t7) / 1_000_000;
                withDb = usedAfterGc(memory);
            } finally {
                db.close();
            }
            long engineOnly = usedAfterGc(memory);
            int tracks = engine.catalog().size();
            Reference.reachabilityFence(engine);
            return new Run(tracks, importMs, openMs, loadMs, engineMs, snapshotWriteMs, snapshotReadMs, engine2Ms,
                    baseline, withDb, engineOnly);
        } finally {
            deleteTree(home);
        }
    }

    /** Used heap after a few full collections (System.gc() is a request; several settle the figure). */
    static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long min(List<Run> runs, ToLongFunction<Run> f) {
        return runs.stream().mapToLong(f).min().orElse(0);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
