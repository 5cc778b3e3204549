package dev.mixtape.app.cli;

import dev.mixtape.algo.match.ArtistMatches;
import dev.mixtape.algo.match.MatchRule;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.lastfm.LastFmImport;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.MixtapeException;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lastfm", mixinStandardHelpOptions = true,
        description = {"Import Last.fm HetRec 2k and train the related-artists model.",
            "Reads user_artists.dat and artists.dat (plain or .gz) from DIR, matches",
            "the Last.fm artists to catalog artists by name (folded; then 'the', '&',",
            "apostrophes, initials; then without a featuring suffix), reports the",
            "match rate, the plays covered and the unmatched names, and trains item-kNN",
            "on users x matched artists. Writes the model, its artist mapping and the",
            "match report files to $MIXTAPE_HOME/models/; the server loads the model",
            "on its next start. Needs the catalog imported first.",
            "Example: mixtape import lastfm ../shared/data/lastfm-hetrec2011-2k"})
final class ImportLastFmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The Last.fm HetRec 2k folder.")
    Path dir;

    @Option(names = "--show-unmatched", paramLabel = "N", defaultValue = "20",
            description = "Print the N unmatched artists with the most plays (default: ${DEFAULT-VALUE}; all are in the file).")
    int showUnmatched;

    @Option(names = "--neighbours", paramLabel = "K", defaultValue = "100",
            description = "Neighbours item-kNN keeps per artist (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--shrink", paramLabel = "S", defaultValue = "10", description = "item-kNN shrinkage (default: ${DEFAULT-VALUE}).")
    double shrink;

    @Option(names = "--min-listeners", paramLabel = "N", defaultValue = "5",
            description = "Leave out artists with fewer Last.fm listeners (default: ${DEFAULT-VALUE}).")
    int minListeners;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        LastFmImport.Options opts;
        try {
            opts = new LastFmImport.Options(neighbours, shrink, minListeners);
        } catch (IllegalArgumentException e) {
            throw new MixtapeException(e.getMessage());
        }
        LastFmImport.requireFiles(dir);
        MixtapeConfig cfg = options.load(Map.of());
        long start = System.nanoTime();
        System.out.println("Loading the catalog (" + cfg.dbUrl() + ")...");
        Database db = Catalogs.open(cfg);
        Catalog catalog;
        try {
            catalog = new SnapshotCatalogLoader(new JdbcCatalogStore(db.dataSource()), cfg.home().resolve("catalog")).load();
        } catch (Exception e) {
            db.close();
            throw e;
        }
        // closing an embedded H2 database takes a second or two: let it run beside the import
        CompletableFuture<Void> closing = CompletableFuture.runAsync(db::close);
        long catalogMs = (System.nanoTime() - start) / 1_000_000;
        LastFmImport.Report r;
        try (Progress progress = new Progress("import lastfm")) {
            if (catalog.size() == 0) {
                throw new MixtapeException("the catalog is empty: run 'mixtape import spotify-tracks FILE' (or 'mixtape serve') first");
            }
            r = new LastFmImport(opts).run(dir, catalog, cfg.home().resolve("models"), progress);
        } finally {
            closing.join();
        }
        print(r, catalog, catalogMs, opts, System.out, showUnmatched);
        return 0;
    }

    static void print(LastFmImport.Report r, Catalog catalog, long catalogMs, LastFmImport.Options o, PrintStream out,
                      int top) {
        ArtistMatches m = r.matches();
        Map<MatchRule, Integer> rules = m.byRule();
        Locale l = Locale.ROOT;
        out.printf(l, "Imported Last.fm from %s in %.1f s (catalog %.1f s, read %.1f s, match %.1f s, train %.1f s, save %.1f s)%n",
                r.dir(), (catalogMs + r.totalMs()) / 1000.0, catalogMs / 1000.0, r.readMs() / 1000.0,
                r.matchMs() / 1000.0, r.trainMs() / 1000.0, r.saveMs() / 1000.0);
        out.printf(l, "  artists matched:  %,d of %,d (%.1f%%) to %,d catalog artists (of %,d)%n", m.matched(), m.size(),
                100.0 * m.matched() / m.size(), m.catalogArtists(), catalog.artistCount());
        out.printf(l, "    by rule:        folded %,d, canonical %,d, featuring %,d%n", rules.get(MatchRule.FOLDED),
                rules.get(MatchRule.CANONICAL), rules.get(MatchRule.FEATURING));
        out.printf(l, "    ambiguous:      %,d (several catalog artists share the key; the most popular was taken; "
                + "%,d catalog keys are shared)%n", m.ambiguousByPlays().length, r.sharedKeys());
        out.printf(l, "  plays covered:    %.1f%% (%,.0f of %,.0f)%n", 100.0 * m.matchedPlays() / m.totalPlays(),
                m.matchedPlays(), m.totalPlays());
        out.printf(l, "  users covered:    %,d of %,d have a matched artist%n", r.usersCovered(), r.users());
        out.printf(l, "  model:            item-kNN (%d neighbours, shrink %s) on %,d catalog artists with >= %d listeners, "
                + "%,d user-artist pairs; %,d artists have neighbours%n", o.neighbours(), new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(o.shrink()),
                r.modelArtists(), o.minListeners(), r.interactions(), r.covered());
        if (r.problems() > 0) {
            out.printf(l, "  malformed lines:  %,d (skipped)%n", r.problems());
        }
        for (Path f : r.files()) {
            out.println("  wrote " + f);
        }
        int[] ambiguous = m.ambiguousByPlays();
        for (int k = 0; k < Math.min(top, ambiguous.length); k++) {
            int i = ambiguous[k];
            StringBuilder names = new StringBuilder();
            for (int c : m.match(i).candidates()) {
                names.append(names.isEmpty() ? "" : ", ").append('"').append(catalog.artistName(c)).append('"');
            }
            out.printf(l, "  ambiguous %-28s -> %s%n", '"' + m.name(i) + '"', names);
        }
        int[] unmatched = m.unmatchedByPlays();
        out.printf(l, "Unmatched artists with the most plays (%d of %,d; all in %s):%n", Math.min(top, unmatched.length),
                unmatched.length, r.unmatchedFile());
        for (int k = 0; k < Math.min(top, unmatched.length); k++) {
            int i = unmatched[k];
            out.printf(l, "  %3d  %-40s %,12.0f plays %5d listeners%n", k + 1,
                    m.name(i) == null ? "(no name, id " + r.lastFmIds()[i] + ")" : m.name(i), m.plays(i), r.listeners()[i]);
        }
    }
}
