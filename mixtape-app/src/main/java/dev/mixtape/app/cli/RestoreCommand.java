package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a 'mixtape backup' zip into the home. The server must be stopped (the command refuses while",
            "the database's lock file is there). A home that already holds a database or models is refused unless",
            "--force, which first moves its current contents to <home>/before-restore-<UTC time>/ (nothing is deleted).",
            "Example: mixtape restore /backups/mixtape.zip --home /var/lib/mixtape"})
final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The backup zip.")
    Path file;

    @Option(names = "--force", description = "Restore over an existing home (its contents are moved aside first).")
    boolean force;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        MixtapeConfig cfg = options.load(Map.of());
        System.out.println("Restoring " + file + " into " + cfg.home().toAbsolutePath() + "...");
        HomeBackup.Restored r = HomeBackup.restore(file, cfg.home(), cfg.dbUrl(), force, Clock.systemUTC());
        if (r.movedAside() != null) {
            System.out.println("  the previous contents are in " + r.movedAside());
        }
        System.out.println("Restored " + (r.database() ? "the database and " : "(no database in the backup) ") + r.files()
                + " home files. Start the server with: mixtape serve" + (options.home == null ? "" : " --home " + options.home));
        return 0;
    }
}
