package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.storage.importer.CatalogImporter;
import dev.mixtape.storage.importer.RowProblem;
import dev.mixtape.storage.jdbc.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/** Shared steps of the commands that touch the catalog: opening the store, importing, reporting. */
final class Catalogs {
    private Catalogs() {}

    static Database open(MixtapeConfig cfg) {
        return Database.open(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
    }

    static CatalogImporter.Report importFile(Database db, Path file) throws IOException, SQLException {
        try (Progress progress = new Progress("import " + file.getFileName())) {
            return new CatalogImporter(new dev.mixtape.storage.jdbc.JdbcCatalogStore(db.dataSource()))
                    .importSpotifyTracks(file, progress);
        }
    }

    /** Prints the import report; at most {@code maxProblems} skipped rows are listed one by one. */
    static void print(CatalogImporter.Report r, PrintStream out, int maxProblems) {
        out.printf("Imported %s in %.1f s%n", r.file(), r.millis() / 1000.0);
        out.printf("  rows read:         %,d%n", r.rows());
        out.printf("  distinct tracks:   %,d (%,d rows were further genre listings of a track, merged)%n",
                r.tracks(), r.merged());
        out.printf("  skipped rows:      %,d%n", r.problems().size());
        out.printf("  store:             %,d inserted, %,d updated, %,d unchanged%n",
                r.inserted(), r.updated(), r.unchanged());
        int shown = 0;
        for (RowProblem p : r.problems()) {
            if (shown++ == maxProblems) {
                out.printf("  ... and %,d more skipped rows (use --show-skipped N)%n", r.problems().size() - maxProblems);
                break;
            }
            out.println("  skipped " + p);
        }
    }
}
