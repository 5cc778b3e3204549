package dev.mixtape.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.PlaylistRoutes;
import dev.mixtape.app.server.PlaylistService;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "playlist", mixinStandardHelpOptions = true,
        description = {"Make an ordered playlist from a free-text prompt, from the imported catalog.",
            "Example: mixtape playlist \"rainy sunday morning, acoustic, no rap\" -n 20"})
final class PlaylistCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROMPT", description = "What you want to hear (1–1000 characters).")
    String prompt;

    @Option(names = {"-n", "--length"}, paramLabel = "N", description = "Number of tracks, 5–200 (default: from the prompt, else 30).")
    Integer length;

    @Option(names = "--arc", paramLabel = "ARC", description = "steady, build_up, wind_down or peak (default: from the prompt, else peak).")
    String arc;

    @Option(names = "--seed", paramLabel = "N", description = "Another seed gives another playlist for the same prompt (default 0).")
    Long seed;

    @Option(names = "--json", description = "Print the same JSON document as POST /api/v1/playlists.")
    boolean json;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        MixtapeConfig cfg = options.load(Map.of());
        Catalog catalog;
        try (Database db = Catalogs.open(cfg)) {
            catalog = new SnapshotCatalogLoader(new JdbcCatalogStore(db.dataSource()), cfg.home().resolve("catalog")).load();
        }
        if (catalog.size() == 0) {
            throw new dev.mixtape.core.MixtapeException("the catalog is empty: run 'mixtape import spotify-tracks FILE' first");
        }
        Engine engine = Engine.of(catalog, 0);
        PlaylistService.Result r = PlaylistService.builtIn()
                .generate(engine, prompt, length, arc == null ? null : Arc.parse(arc), seed);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(PlaylistRoutes.toJson(catalog, r)));
        } else {
            print(catalog, r, System.out);
        }
        return 0;
    }

    static void print(Catalog c, PlaylistService.Result r, PrintStream out) {
        PromptAnalysis a = r.analysis();
        Playlist p = r.playlist();
        out.println("How the prompt was read (" + a.interpreter() + "):");
        for (PromptAnalysis.Phrase ph : a.recognised()) {
            out.printf("  %-24s %-9s %s%n", "\"" + ph.text() + "\"", ph.kind(), ph.effect());
        }
        if (a.meaningless()) {
            out.println("  nothing musical recognised: a default playlist follows");
        }
        if (!a.notUnderstood().isEmpty()) {
            out.println("  not understood: " + String.join(", ", a.notUnderstood()));
        }
        if (!a.unknown().isEmpty()) {
            out.println("  not in the catalog: " + String.join(", ", a.unknown()));
        }
        a.relaxed().forEach(x -> out.println("  relaxed: " + x));
        p.relaxed().forEach(x -> out.println("  relaxed: " + x));
        out.println();
        out.printf("%-3s %-38s %-24s %6s %6s  %-22s%n", "#", "track", "artist", "energy", "tempo", "energy arc");
        int i = 1;
        for (Playlist.Entry e : p.entries()) {
            int t = e.track();
            float energy = c.value(Attribute.ENERGY, t);
            out.printf("%-3d %-38.38s %-24.24s %6.2f %6.0f  %s%n", i++, c.trackName(t),
                    c.artistName(c.trackArtists(t)[0]), energy, c.value(Attribute.TEMPO, t),
                    "#".repeat(Math.max(1, Math.round(energy * 20))));
        }
        out.println();
        out.printf("quality %.2f (target fit %.2f, cohesion %.2f, diversity %.2f, genre fit %.2f, transitions %.2f); "
                        + "%d improvement pass(es); %.1f ms (analysis %.1f ms)%n",
                p.quality().overall(), p.quality().targetFit(), p.quality().cohesion(), p.quality().diversity(),
                p.quality().genreFit(), p.quality().transitions(), p.iterations(), r.totalMs(), r.analysisMs());
    }
}
