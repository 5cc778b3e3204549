package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.storage.importer.CatalogImporter;
import dev.mixtape.storage.jdbc.Database;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import data into the store.",
        subcommands = {ImportCommand.SpotifyTracks.class, ImportLastFmCommand.class, ImportProviderCommand.class})
final class ImportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "spotify-tracks", mixinStandardHelpOptions = true,
            description = {"Import the Spotify Tracks Dataset (dataset.csv or dataset.csv.gz), read by header name.",
                "Rows are de-duplicated on track_id (genres are merged), validated, and every skipped row is",
                "reported with its line number. Re-importing the same file changes nothing; a newer file upserts."})
    static final class SpotifyTracks implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The .csv or .csv.gz file.")
        Path file;

        @Option(names = "--show-skipped", paramLabel = "N", defaultValue = "20",
                description = "List at most N skipped rows (default: ${DEFAULT-VALUE}).")
        int showSkipped;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            MixtapeConfig cfg = options.load(Map.of());
            try (Database db = Catalogs.open(cfg)) {
                CatalogImporter.Report r = Catalogs.importFile(db, file);
                Catalogs.print(r, System.out, showSkipped);
                return r.tracks() == 0 ? 1 : 0;
            }
        }
    }
}
