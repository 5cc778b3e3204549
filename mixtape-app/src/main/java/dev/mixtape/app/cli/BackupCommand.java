package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the home into one zip file: the embedded database (listeners, events, profiles, sessions,",
            "experiments, the catalog) and every model version, the Last.fm import, the catalog snapshot and the",
            "configuration file. Safe while 'mixtape serve' runs: the database is copied by H2's own consistent",
            "BACKUP, and a model version still being written is left without its manifest, so it is never loaded.",
            "With PostgreSQL (MIXTAPE_DB_URL) the database is not included: back it up with pg_dump.",
            "Example: mixtape backup --out /backups/mixtape.zip"})
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", description = "The zip to write (default: mixtape-backup-<UTC time>.zip here).")
    Path out;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        MixtapeConfig cfg = options.load(Map.of());
        Clock clock = Clock.systemUTC();
        Path file = out != null ? out : Path.of(HomeBackup.defaultName(clock));
        System.out.println("Backing up " + cfg.home().toAbsolutePath() + " (" + cfg.dbUrl() + ")...");
        long t0 = System.nanoTime();
        HomeBackup.Report r = HomeBackup.backup(cfg.home(), cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), file, clock);
        System.out.printf(java.util.Locale.ROOT, "Wrote %s (%,d bytes) in %.1f s: %s, %d home files%n", r.file(), r.bytes(),
                (System.nanoTime() - t0) / 1e9, r.database() ? "the database" : "no database (back up PostgreSQL with pg_dump)", r.files());
        System.out.println("Restore with: mixtape restore " + r.file() + " [--home DIR]");
        return 0;
    }
}
